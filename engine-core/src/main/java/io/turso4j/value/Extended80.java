package io.turso4j.value;

import java.math.BigInteger;

/**
 * A non-negative x87 80-bit extended-precision number (64-bit significand, round to nearest,
 * ties to even), just enough of one to replay the {@code long double} arithmetic with which
 * SQLite 3.40's printf renders reals on x86-64. Only what that algorithm needs: multiply,
 * divide, add, subtract a smaller value, compare, truncate to int. No NaN, no infinity; the
 * exponent range is unbounded (the algorithm never leaves x87's).
 *
 * <p>Value = {@code significand * 2^exponent}; the significand has exactly 64 bits, or is
 * zero. Immutable; any thread.
 */
record Extended80(BigInteger significand, int exponent) implements Comparable<Extended80> {
    private static final int BITS = 64;
    static final Extended80 ZERO = new Extended80(BigInteger.ZERO, 0);

    static Extended80 of(double d) {
        if (d == 0.0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(d);
        int e = (int) (bits >>> 52) & 0x7ff;
        long m = bits & 0x000f_ffff_ffff_ffffL;
        if (e == 0) {
            e = 1; // subnormal
        } else {
            m |= 1L << 52;
        }
        return round(BigInteger.valueOf(m), e - 1075, false);
    }

    static Extended80 of(int i) {
        return i == 0 ? ZERO : round(BigInteger.valueOf(i), 0, false);
    }

    /** Rounds {@code n * 2^e} (plus a non-zero tail below n's last bit when sticky) to 64 bits. */
    private static Extended80 round(BigInteger n, int e, boolean sticky) {
        if (n.signum() == 0) {
            return ZERO;
        }
        int excess = n.bitLength() - BITS;
        if (excess <= 0) {
            return new Extended80(n.shiftLeft(-excess), e + excess);
        }
        BigInteger kept = n.shiftRight(excess);
        boolean half = n.testBit(excess - 1);
        boolean belowHalf = sticky || n.getLowestSetBit() < excess - 1;
        if (half && (belowHalf || kept.testBit(0))) {
            kept = kept.add(BigInteger.ONE);
            if (kept.bitLength() > BITS) {
                kept = kept.shiftRight(1);
                excess++;
            }
        }
        return new Extended80(kept, e + excess);
    }

    boolean isZero() {
        return significand.signum() == 0;
    }

    Extended80 multiply(Extended80 o) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        return round(significand.multiply(o.significand), exponent + o.exponent, false);
    }

    Extended80 divide(Extended80 o) {
        if (isZero()) {
            return ZERO;
        }
        // 64 + 67 bits of dividend give a quotient of at least 66 bits: enough to round.
        BigInteger[] qr = significand.shiftLeft(67).divideAndRemainder(o.significand);
        return round(qr[0], exponent - 67 - o.exponent, qr[1].signum() != 0);
    }

    Extended80 add(Extended80 o) {
        if (isZero()) {
            return o;
        }
        if (o.isZero()) {
            return this;
        }
        int base = Math.min(exponent, o.exponent);
        return round(align(base).add(o.align(base)), base, false);
    }

    /** {@code this - o}, for {@code o <= this}. */
    Extended80 subtract(Extended80 o) {
        if (o.isZero()) {
            return this;
        }
        int base = Math.min(exponent, o.exponent);
        return round(align(base).subtract(o.align(base)), base, false);
    }

    private BigInteger align(int base) {
        return significand.shiftLeft(exponent - base);
    }

    /** Truncation toward zero, for values below 2^31. */
    int toInt() {
        if (isZero()) {
            return 0;
        }
        return exponent >= 0 ? significand.shiftLeft(exponent).intValueExact()
                : significand.shiftRight(-exponent).intValueExact();
    }

    @Override
    public int compareTo(Extended80 o) {
        if (isZero() || o.isZero()) {
            return Integer.compare(significand.signum(), o.significand.signum());
        }
        // Both have 64-bit significands: the exponent decides unless equal.
        if (exponent != o.exponent) {
            return Integer.compare(exponent, o.exponent);
        }
        return significand.compareTo(o.significand);
    }
}
