package io.turso4j.value;

import java.math.BigInteger;

/**
 * Binary ↔ decimal conversion of doubles the way current SQLite (3.54) does it, so that
 * text → REAL and REAL → text agree with SQLite to the last bit and the last digit, even where
 * SQLite is not correctly rounded.
 *
 * <p>Both directions multiply a 64-bit significand by an approximation of a power of ten and
 * keep the top of the product. For each decimal exponent p in [-348, 347] the table holds 96
 * bits of 10^p, scaled so that bit 95 is the top bit: {@code 10^p * 2^(95 - floor(p*log2 10))}.
 * They are built the way SQLite builds them (so they carry SQLite's rounding): 10^0..10^26
 * exactly; 10^(27g) rounded to 96 bits; any other power as the 96-bit 10^(27g) times the exact
 * 64-bit 10^n, keeping the top 96 bits (with the low partial product truncated first); except
 * 10^-1, which is 0.1 truncated. floor(p·log2 10) and floor(q·log10 2) use SQLite's
 * fixed-point approximations ({@link #log2OfPow10}, {@link #log10OfPow2}).
 *
 * <p>Public so printf ({@code io.turso4j.function}) renders %f/%e/%g from the same digits.
 * Immutable after class initialisation; any thread.
 */
public final class DecimalConversion {
    static final int FIRST_POWER = -348;
    static final int LAST_POWER = 347;
    private static final int COUNT = LAST_POWER - FIRST_POWER + 1;
    /** Top 64 bits of each power of ten. */
    private static final long[] POW_HI = new long[COUNT];
    /** The next 32 bits. */
    private static final int[] POW_LO = new int[COUNT];

    static {
        buildTable();
    }

    private DecimalConversion() {
    }

    /** floor(p * log2(10)), with log2(10) approximated as 108853/2^15. */
    static int log2OfPow10(int p) {
        return (p * 108853) >> 15;
    }

    /** floor(q * log10(2)), with log10(2) approximated as 78913/2^18. */
    static int log10OfPow2(int q) {
        return (q * 78913) >> 18;
    }

    /** 10^p scaled to exactly {@code bits} bits, rounded to nearest or truncated. */
    private static BigInteger scaled(int p, int bits, boolean round) {
        int shift = bits - 1 - log2OfPow10(p);
        BigInteger num = p >= 0 ? BigInteger.TEN.pow(p) : BigInteger.ONE;
        BigInteger den = p >= 0 ? BigInteger.ONE : BigInteger.TEN.pow(-p);
        if (shift >= 0) {
            num = num.shiftLeft(shift);
        } else {
            den = den.shiftLeft(-shift);
        }
        BigInteger[] qr = num.divideAndRemainder(den);
        BigInteger q = qr[0];
        if (round && qr[1].shiftLeft(1).compareTo(den) >= 0) {
            q = q.add(BigInteger.ONE);
        }
        return q;
    }

    private static void buildTable() {
        BigInteger mask32 = BigInteger.valueOf(0xffff_ffffL);
        for (int p = FIRST_POWER; p <= LAST_POWER; p++) {
            long hi;
            int lo;
            if (p == -1) {
                BigInteger v = scaled(-1, 96, false);
                hi = v.shiftRight(32).longValue();
                lo = v.intValue();
            } else if (p >= 0 && p < 27) {
                hi = scaled(p, 64, false).longValue();
                lo = 0;
            } else {
                int g = Math.floorDiv(p, 27);
                int n = p - 27 * g;
                BigInteger scale = scaled(27 * g, 96, true);
                if (n == 0) {
                    hi = scale.shiftRight(32).longValue();
                    lo = scale.intValue();
                } else {
                    BigInteger a = scale.shiftRight(32);
                    BigInteger aLo = scale.and(mask32);
                    BigInteger b = scaled(n, 64, false);
                    BigInteger r = a.multiply(b).add(aLo.multiply(b).shiftRight(32));
                    hi = r.shiftRight(64).longValue();
                    lo = r.shiftRight(32).intValue();
                    if (hi >= 0) { // top bit clear: shift one more bit in, mark it inexact
                        hi = (hi << 1) | ((lo >>> 31) & 1);
                        lo = (lo << 1) | 1;
                    }
                }
            }
            POW_HI[p - FIRST_POWER] = hi;
            POW_LO[p - FIRST_POWER] = lo;
        }
    }

    /**
     * The double SQLite computes for {@code d * 10^p}, {@code d > 0}: correctly rounded except
     * when the 96-bit power of ten cannot decide. Underflows to 0.0, overflows to infinity.
     */
    public static double toDouble(long d, int p) {
        if (p < FIRST_POWER) {
            return 0.0;
        }
        if (p > LAST_POWER) {
            return Double.POSITIVE_INFINITY;
        }
        int bits = 64 - Long.numberOfLeadingZeros(d);
        int lp = log2OfPow10(p);
        int e = 53 - bits - lp; // the binary exponent that leaves 53 significant bits
        if (e > 1074) {
            if (e >= 1130) {
                return 0.0;
            }
            e = 1074; // subnormal: fewer significant bits
        }
        int s = -(e - (64 - bits) + lp + 3);
        long powHi = POW_HI[p - FIRST_POWER];
        int powLo = POW_LO[p - FIRST_POWER];
        if (powLo != 0) { // use an upper bound of the power, and the complement of its tail
            powHi++;
            powLo = ~powLo;
        }
        long x = d << (64 - bits);
        long hi = Math.unsignedMultiplyHigh(x, powHi);
        int mid1 = (int) ((x * powHi) >>> 32);
        long sticky = 1;
        if ((hi & ((1L << s) - 1)) == 0) {
            // The bits below the kept ones are all zero: the power's tail decides.
            int mid2 = (int) (Math.unsignedMultiplyHigh(x, (powLo & 0xffff_ffffL) << 32) >>> 32);
            sticky = Integer.compareUnsigned(mid1 - mid2, 1) > 0 ? 1 : 0;
            if (Integer.compareUnsigned(mid1, mid2) < 0) {
                hi--;
            }
        }
        long u = (hi >>> s) | sticky;
        if (Long.compareUnsigned(u, (1L << 55) - 2) >= 0) {
            u = (u >>> 1) | (u & 1);
            e--;
        }
        long m = (u + 1 + ((u >>> 2) & 1)) >>> 2; // round to nearest, ties to even
        if (e <= -972) {
            return Double.POSITIVE_INFINITY;
        }
        if ((m & (1L << 52)) != 0) {
            m = (m & ~(1L << 52)) | ((long) (1075 - e) << 52);
        }
        return Double.longBitsToDouble(m);
    }

    /**
     * The decimal digits SQLite's {@code sqlite3Fp2Convert10} produces for a finite positive
     * double: a significand of at least {@code digits} (at most 18) digits, and its decimal
     * exponent, as {@code value ≈ significand * 10^exponent}. With 18 digits the last one is
     * rounded half up; with fewer it is truncated. The exponent is returned in {@code exp[0]}.
     */
    public static long toDecimal(double positive, int digits, int[] exp) {
        long bits = Double.doubleToRawLongBits(positive);
        int e = (int) (bits >>> 52) & 0x7ff;
        long m = bits & 0x000f_ffff_ffff_ffffL;
        if (e == 0) {
            int n = Long.numberOfLeadingZeros(m);
            m <<= n;
            e = -1074 - n;
        } else {
            m = (m << 11) | Long.MIN_VALUE;
            e -= 1086;
        }
        int p = digits - 1 - log10OfPow2(e + 63);
        long h = Math.unsignedMultiplyHigh(m, POW_HI[p - FIRST_POWER]);
        exp[0] = -p;
        if (digits == 18) {
            h >>>= -(e + log2OfPow10(p) + 2);
            return (h + ((h << 1) & 2)) >>> 1;
        }
        return h >>> -(e + log2OfPow10(p) + 1);
    }
}
