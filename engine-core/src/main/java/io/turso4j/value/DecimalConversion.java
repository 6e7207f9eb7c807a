package io.turso4j.value;

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
    static final long[] POW_HI = new long[COUNT];
    /** The next 32 bits. */
    static final int[] POW_LO = new int[COUNT];
    /** The power index of the first entry of {@link #GROUP_HI}: 10^(27 * FIRST_GROUP). */
    static final int FIRST_GROUP = -13;
    /**
     * 10^(27g) rounded to 96 bits for g = -13..12, top 64 bits, as SQLite's own table holds
     * them (SqlitePowersTest derives them again with BigInteger).
     */
    static final long[] GROUP_HI = {
            0x8049a4ac0c5811aeL, 0xcf42894a5dce35eaL, 0xa76c582338ed2621L,
            0x873e4f75e2224e68L, 0xda7f5bf590966848L, 0xb080392cc4349decL,
            0x8e938662882af53eL, 0xe65829b3046b0afaL, 0xba121a4650e4ddebL,
            0x964e858c91ba2655L, 0xf2d56790ab41c2a2L, 0xc428d05aa4751e4cL,
            0x9e74d1b791e07e48L, 0x8000000000000000L, 0xcecb8f27f4200f3aL,
            0xa70c3c40a64e6c51L, 0x86f0ac99b4e8dafdL, 0xda01ee641a708de9L,
            0xb01ae745b101e9e4L, 0x8e41ade9fbebc27dL, 0xe5d3ef282a242e81L,
            0xb9a74a0637ce2ee1L, 0x95f83d0a1fb69cd9L, 0xf24a01a73cf2dccfL,
            0xc3b8358109e84f07L, 0x9e19db92b4e31ba9L,
    };
    /** The low 32 bits of the same. */
    static final int[] GROUP_LO = {
            0x205b896d, 0x52064cad, 0xaf2af2b8, 0x5a7744a7, 0xaf39a475, 0xbd8d794e,
            0x547eb47b, 0x0cb4a5a3, 0x92f34d62, 0x3a6a07f9, 0xfae27299, 0xaa97e14c,
            0x775ea265, 0x00000000, 0x00000000, 0x999090b6, 0x69a028bb, 0xe80e6f48,
            0x5ec05dd0, 0x14588f14, 0x8f1668c9, 0x6d953e2c, 0x4abdaf10, 0xbc633b39,
            0x0a862f81, 0x6c07a2c2,
    };
    /** 0.1 truncated to 96 bits: SQLite's one exception to the rounded powers. */
    static final long TENTH_HI = 0xccccccccccccccccL;
    static final int TENTH_LO = 0xcccccccc;

    static {
        buildTable(); // after the constants it reads
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

    /**
     * Fills the table from {@link #GROUP_HI}/{@link #GROUP_LO}: each power is a group power
     * times an exact 10^n (0 <= n < 27), two 64-bit products. Deriving every power with
     * BigInteger instead took ~20 ms of interpreted class initialisation, paid by the first
     * query that converts a real.
     */
    private static void buildTable() {
        for (int i = 0; i < GROUP_HI.length; i++) {
            long a = GROUP_HI[i];
            long aLo = GROUP_LO[i] & 0xffff_ffffL;
            for (int n = 0; n < 27; n++) {
                int p = 27 * (FIRST_GROUP + i) + n;
                if (p < FIRST_POWER || p > LAST_POWER) {
                    continue;
                }
                long hi;
                int lo;
                if (p == -1) {
                    hi = TENTH_HI;
                    lo = TENTH_LO;
                } else if (p >= 0 && p < 27) {
                    hi = exactPow10(p);
                    lo = 0;
                } else if (n == 0) {
                    hi = a;
                    lo = (int) aLo;
                } else {
                    // r = a*b + (aLo*b >> 32): the 96-bit group power times the exact 64-bit
                    // 10^n, the low partial product truncated first; keep bits 127..32 of r.
                    long b = exactPow10(n);
                    long abLo = a * b;
                    long tail = (Math.unsignedMultiplyHigh(aLo, b) << 32) | ((aLo * b) >>> 32);
                    long sumLo = abLo + tail;
                    hi = Math.unsignedMultiplyHigh(a, b) + (Long.compareUnsigned(sumLo, abLo) < 0 ? 1 : 0);
                    lo = (int) (sumLo >>> 32);
                    if (hi >= 0) { // top bit clear: shift one more bit in, mark it inexact
                        hi = (hi << 1) | ((lo >>> 31) & 1);
                        lo = (lo << 1) | 1;
                    }
                }
                POW_HI[p - FIRST_POWER] = hi;
                POW_LO[p - FIRST_POWER] = lo;
            }
        }
    }

    /** 10^n for 0 <= n < 27 with its top bit at bit 63: exact, since 10^n = 5^n * 2^n and 5^26 < 2^63. */
    static long exactPow10(int n) {
        long five = 1;
        for (int i = 0; i < n; i++) {
            five *= 5;
        }
        return five << Long.numberOfLeadingZeros(five);
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
