package io.turso4j.value;

/**
 * The truth of a value where SQL wants a boolean (WHERE, CASE WHEN, NOT, AND, OR), as
 * {@code sqlite3VdbeBooleanValue}: NULL is {@link #UNKNOWN}; a number is true when non-zero;
 * TEXT and BLOB are read as their longest real prefix, so {@code '1x'} and {@code ' 2'} are
 * true while {@code 'abc'}, {@code '0'}, {@code '0.0'} and {@code '0x1'} are false.
 */
public enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    public static Truth of(Register r) {
        return switch (r.type()) {
            case NULL -> UNKNOWN;
            case INTEGER -> of(r.intValue() != 0);
            case REAL -> of(r.realValue() != 0.0);
            case TEXT, BLOB -> of(NumericText.parseReal(r.bytes(), 0, r.length()) != 0.0);
        };
    }

    private static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** The value as SQL's {@code NOT} sees it: TRUE ↔ FALSE, UNKNOWN stays. */
    public Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
