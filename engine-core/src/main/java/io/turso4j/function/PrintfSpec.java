package io.turso4j.function;

/** One printf conversion's flags, width and precision, as {@link PrintfFormat} parses them. */
final class PrintfSpec {
    boolean leftJustify;
    boolean zeroPad;
    /** The {@code #} flag. */
    boolean alternate;
    /** The {@code !} flag. */
    boolean alt2;
    /** '+' or ' ' from those flags, else 0. */
    byte prefix;
    boolean thousands;
    int width;
    /** -1 when none was given. */
    int precision = -1;
}
