package io.turso4j.value;

/**
 * What SQLite knows about 64-bit integers next to doubles: saturating conversions, the test
 * for "this real is really that integer", and the exact comparison of a {@code long} with a
 * {@code double} (which {@code (double) i < r} would get wrong near 2^63 and beyond 2^53).
 *
 * <p>Stateless; any thread.
 */
final class Int64 {
    /** 2^63 as a double: the first double above every {@code long}. */
    private static final double TWO_POW_63 = 9223372036854775808.0;
    /** The largest double below 2^63, which {@code sqlite3RealToI64} uses as its bound. */
    private static final double LARGEST_BELOW_TWO_POW_63 = 9223372036854774784.0;
    /** Reals that are whole numbers convert to INTEGER only within ±2^51 (sqlite3RealSameAsInt). */
    private static final long SAME_AS_INT_LIMIT = 1L << 51;

    private Int64() {
    }

    /**
     * A real as an integer the way {@code sqlite3VdbeIntValue} does it: truncate toward zero,
     * saturate at the ends of the {@code long} range.
     */
    static long fromReal(double r) {
        if (r <= Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        } else if (r >= TWO_POW_63) {
            return Long.MAX_VALUE;
        }
        return (long) r;
    }

    /**
     * {@code sqlite3RealToI64}: like {@link #fromReal} but saturating at the largest double
     * below 2^63, so the result always converts back to a double no larger than the input.
     */
    static long realToI64(double r) {
        if (r < -LARGEST_BELOW_TWO_POW_63) {
            return Long.MIN_VALUE;
        }
        if (r > LARGEST_BELOW_TWO_POW_63) {
            return Long.MAX_VALUE;
        }
        return (long) r;
    }

    /**
     * {@code sqlite3RealSameAsInt}: true when {@code r} is zero, or is exactly the integer
     * {@code i} (bit for bit, so not -0.0) and {@code |i| < 2^51}.
     */
    static boolean realSameAsInt(double r, long i) {
        if (r == 0.0) {
            return true;
        }
        return Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits((double) i)
                && i >= -SAME_AS_INT_LIMIT && i < SAME_AS_INT_LIMIT;
    }

    /** Compares an integer with a real exactly, by mathematical value (r is never NaN). */
    static int compareIntReal(long i, double r) {
        if (r < -TWO_POW_63) {
            return 1;
        }
        if (r >= TWO_POW_63) {
            return -1;
        }
        long y = (long) r; // exact: r is within the long range
        if (i != y) {
            return i < y ? -1 : 1;
        }
        // Same integer part: the fraction of r decides (i == trunc(r)).
        double s = (double) i;
        return s < r ? -1 : (s > r ? 1 : 0);
    }

    /** Overflow-checked operations: return false instead of wrapping. */
    static boolean addOverflows(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0;
    }

    static boolean subOverflows(long a, long b) {
        long d = a - b;
        return ((a ^ b) & (a ^ d)) < 0;
    }

    static boolean mulOverflows(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != (lo >> 63);
    }
}
