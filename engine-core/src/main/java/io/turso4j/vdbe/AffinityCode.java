package io.turso4j.vdbe;

import io.turso4j.value.Affinity;

/**
 * SQLite's one-character affinity codes, as they appear in P5 of comparisons, P2 of
 * {@link Opcode#Cast} and the P4 strings of {@link Opcode#Affinity} and
 * {@link Opcode#MakeRecord}: {@code 'A'} BLOB, {@code 'B'} TEXT, {@code 'C'} NUMERIC,
 * {@code 'D'} INTEGER, {@code 'E'} REAL, and {@code 0x40} for no affinity. Comparison flags
 * share P5 with the code: {@link #JUMPIFNULL} and {@link #NULLEQ}.
 */
public final class AffinityCode {
    /** Comparison: jump when either operand is NULL (otherwise fall through). */
    public static final int JUMPIFNULL = 0x10;
    /** Comparison: NULL equals NULL and differs from everything else (IS / IS NOT). */
    public static final int NULLEQ = 0x80;
    /** The bits of P5 that hold the affinity code. */
    public static final int MASK = 0x47;

    private static final int NONE = 0x40;

    private AffinityCode() {}

    public static int of(Affinity a) {
        return switch (a) {
            case BLOB -> 'A';
            case TEXT -> 'B';
            case NUMERIC -> 'C';
            case INTEGER -> 'D';
            case REAL -> 'E';
            case NONE -> NONE;
        };
    }

    public static Affinity affinity(int code) {
        return switch (code & MASK) {
            case 'A' -> Affinity.BLOB;
            case 'B' -> Affinity.TEXT;
            case 'C' -> Affinity.NUMERIC;
            case 'D' -> Affinity.INTEGER;
            case 'E' -> Affinity.REAL;
            default -> Affinity.NONE;
        };
    }
}
