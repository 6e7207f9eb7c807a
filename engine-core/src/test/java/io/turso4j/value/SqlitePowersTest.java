package io.turso4j.value;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Derives DecimalConversion's table of powers of ten again, entry by entry, with exact BigInteger
 * arithmetic as its class comment describes SQLite building it, and compares every bit: the
 * hard-coded group powers, 0.1, the exact small powers and every product.
 */
class SqlitePowersTest {

    /** 10^p scaled to exactly {@code bits} bits (top bit set), rounded to nearest or truncated. */
    private static BigInteger scaled(int p, int bits, boolean round) {
        int shift = bits - 1 - DecimalConversion.log2OfPow10(p);
        BigInteger num = p >= 0 ? BigInteger.TEN.pow(p) : BigInteger.ONE;
        BigInteger den = p >= 0 ? BigInteger.ONE : BigInteger.TEN.pow(-p);
        if (shift >= 0) {
            num = num.shiftLeft(shift);
        } else {
            den = den.shiftLeft(-shift);
        }
        BigInteger[] qr = num.divideAndRemainder(den);
        return round && qr[1].shiftLeft(1).compareTo(den) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    /** The 96-bit power SQLite uses for 10^p. */
    private static BigInteger power(int p) {
        if (p == -1) {
            return scaled(-1, 96, false);
        }
        if (p >= 0 && p < 27) {
            return scaled(p, 64, false).shiftLeft(32);
        }
        int g = Math.floorDiv(p, 27);
        BigInteger group = scaled(27 * g, 96, true);
        if (p == 27 * g) {
            return group;
        }
        BigInteger exact = scaled(p - 27 * g, 64, false);
        BigInteger r = group.shiftRight(32).multiply(exact)
                .add(group.and(BigInteger.valueOf(0xffff_ffffL)).multiply(exact).shiftRight(32))
                .shiftRight(32);
        return r.testBit(95) ? r : r.shiftLeft(1).setBit(0); // normalised, marked inexact
    }

    @Test
    void everyPowerMatchesTheExactDerivation() {
        for (int p = DecimalConversion.FIRST_POWER; p <= DecimalConversion.LAST_POWER; p++) {
            BigInteger expected = power(p);
            int i = p - DecimalConversion.FIRST_POWER;
            assertEquals(expected.shiftRight(32).longValue(), DecimalConversion.POW_HI[i], "high bits of 10^" + p);
            assertEquals(expected.intValue(), DecimalConversion.POW_LO[i], "low bits of 10^" + p);
        }
    }

    @Test
    void groupConstantsAreTheRoundedPowers() {
        for (int i = 0; i < DecimalConversion.GROUP_HI.length; i++) {
            BigInteger expected = scaled(27 * (DecimalConversion.FIRST_GROUP + i), 96, true);
            assertEquals(expected.shiftRight(32).longValue(), DecimalConversion.GROUP_HI[i]);
            assertEquals(expected.intValue(), DecimalConversion.GROUP_LO[i]);
        }
        BigInteger tenth = scaled(-1, 96, false);
        assertEquals(tenth.shiftRight(32).longValue(), DecimalConversion.TENTH_HI);
        assertEquals(tenth.intValue(), DecimalConversion.TENTH_LO);
    }
}
