package io.turso4j.tests.slt;

/**
 * The integers sqllogictest results are mostly made of (-128 to 1023), as values and as rendered
 * text, made once: the runner then allocates nothing for them per row. What the runner allocates
 * adds to the young collections whose pauses land inside the timed queries. Immutable; any thread.
 */
final class SmallIntegers {
    private static final int MIN = -128;
    private static final int MAX = 1023;
    private static final SqlValue[] VALUES = new SqlValue[MAX - MIN + 1];
    private static final String[] TEXT = new String[MAX - MIN + 1];

    static {
        for (int i = MIN; i <= MAX; i++) {
            VALUES[i - MIN] = new SqlValue.IntegerValue(i);
            TEXT[i - MIN] = Integer.toString(i);
        }
    }

    private SmallIntegers() {}

    /** {@code value} as a {@link SqlValue.IntegerValue}, shared when it is small. */
    static SqlValue value(long value) {
        return value >= MIN && value <= MAX ? VALUES[(int) value - MIN] : new SqlValue.IntegerValue(value);
    }

    /** {@link Integer#toString(int)}, shared when {@code value} is small. */
    static String text(int value) {
        return value >= MIN && value <= MAX ? TEXT[value - MIN] : Integer.toString(value);
    }
}
