package io.turso4j.vdbe;

/**
 * P5 flags of {@link Opcode#Insert} and {@link Opcode#Delete}, and the counting ones of
 * {@link Opcode#Clear} for every row it clears (SQLite's OPFLAG_NCHANGE and
 * OPFLAG_LASTROWID): {@link #COUNT} counts the row in {@code changes()} and
 * {@code total_changes()}; {@link #LAST_ROWID} makes an inserted rowid the connection's
 * {@code last_insert_rowid()}.
 */
public final class ChangeFlags {
    public static final int COUNT = 0x01;
    public static final int LAST_ROWID = 0x20;
    /** A row changed by a trigger program or a foreign key action: it counts in {@code total_changes()} only. */
    public static final int TRIGGER_COUNT = 0x40;

    private ChangeFlags() {}
}
