package io.turso4j.cli;

import java.math.BigInteger;

/**
 * A non-negative x87 80-bit {@code long double} (64-bit significand, round to nearest, ties to
 * even): just the arithmetic sqlite3 3.40's printf does in it to render a real with {@code
 * %!.20g} ({@link SqlLiteral#real}). Value = {@code significand * 2^exponent}; no NaN, no
 * infinity, unbounded exponent. Immutable; any thread.
 *
 * <p>engine-core has the same emulation (package-private {@code io.turso4j.value.Extended80},
 * used for 3.40's {@code %!.15g}); the shell may not depend on engine internals, so this is its
 * own copy until engine-core's {@code RealFormat} offers the 20-digit rendering.
 */
record LongDouble(BigInteger significand, int exponent) {
    private static final int BITS = 64;
    private static final LongDouble ZERO = new LongDouble(BigInteger.ZERO, 0);

    static LongDouble of(double d) {
        if (d == 0.0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(Math.abs(d));
        int e = (int) (bits >>> 52) & 0x7ff;
        long m = bits & 0x000f_ffff_ffff_ffffL;
        if (e == 0) {
            e = 1;
        } else {
            m |= 1L << 52;
        }
        return round(BigInteger.valueOf(m), e - 1075, false);
    }

    /** {@code n * 2^e} (plus a tail below its last bit when {@code sticky}) rounded to 64 bits. */
    private static LongDouble round(BigInteger n, int e, boolean sticky) {
        if (n.signum() == 0) {
            return ZERO;
        }
        int excess = n.bitLength() - BITS;
        if (excess <= 0) {
            return new LongDouble(n.shiftLeft(-excess), e + excess);
        }
        BigInteger kept = n.shiftRight(excess);
        boolean half = n.testBit(excess - 1);
        boolean below = sticky || n.getLowestSetBit() < excess - 1;
        if (half && (below || kept.testBit(0))) {
            kept = kept.add(BigInteger.ONE);
            if (kept.bitLength() > BITS) {
                kept = kept.shiftRight(1);
                excess++;
            }
        }
        return new LongDouble(kept, e + excess);
    }

    boolean isZero() {
        return significand.signum() == 0;
    }

    LongDouble multiply(LongDouble o) {
        return round(significand.multiply(o.significand), exponent + o.exponent, false);
    }

    LongDouble divide(LongDouble o) {
        int shift = 2 * BITS + 2;
        BigInteger[] qr = significand.shiftLeft(shift).divideAndRemainder(o.significand);
        return round(qr[0], exponent - o.exponent - shift, qr[1].signum() != 0);
    }

    LongDouble add(LongDouble o) {
        return combine(o, false);
    }

    /** {@code this - o}, for {@code o <= this}. */
    LongDouble subtract(LongDouble o) {
        return combine(o, true);
    }

    private LongDouble combine(LongDouble o, boolean negate) {
        if (o.isZero()) {
            return this;
        } else if (isZero()) {
            return o;
        }
        int e = Math.min(exponent, o.exponent);
        BigInteger a = significand.shiftLeft(exponent - e);
        BigInteger b = o.significand.shiftLeft(o.exponent - e);
        return round(negate ? a.subtract(b) : a.add(b), e, false);
    }

    int compareTo(LongDouble o) {
        if (isZero() || o.isZero()) {
            return Integer.compare(significand.signum(), o.significand.signum());
        }
        int e = Math.min(exponent, o.exponent);
        return significand.shiftLeft(exponent - e).compareTo(o.significand.shiftLeft(o.exponent - e));
    }

    /** The whole part, C's {@code (int)} of a value below 10. */
    int toInt() {
        if (isZero()) {
            return 0;
        }
        return (exponent >= 0 ? significand.shiftLeft(exponent) : significand.shiftRight(-exponent)).intValue();
    }
}
