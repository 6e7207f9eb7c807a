package io.turso4j.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumericTextTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int realKind(String s) {
        return NumericText.realKind(b(s), 0, b(s).length);
    }

    private static int intKind(String s) {
        return NumericText.integerKind(b(s), 0, b(s).length);
    }

    private static long parseInt(String s) {
        return NumericText.parseInteger(b(s), 0, b(s).length);
    }

    @Test
    void classifiesWholeTextAsSqlite3AtoFDoes() {
        assertEquals(NumericText.WHOLE_INTEGER, realKind(" 12 "));
        assertEquals(NumericText.WHOLE_REAL, realKind(".5"));
        assertEquals(NumericText.WHOLE_REAL, realKind("5."));
        assertEquals(NumericText.WHOLE_REAL, realKind("1e5"));
        assertEquals(NumericText.NOT_NUMERIC, realKind("0x1A"));
        assertEquals(NumericText.NOT_NUMERIC, realKind("-"));
        assertEquals(NumericText.NOT_NUMERIC, realKind(""));
        assertEquals(NumericText.NOT_NUMERIC, realKind("1_000"));
        assertEquals(NumericText.REAL_PREFIX, realKind("1.5abc"));
    }

    @Test
    void convertsTheLongestPrefix() {
        assertEquals(12.0, NumericText.parseReal("12abc"));
        assertEquals(0.0, NumericText.parseReal(" 0x10"));
        assertEquals(Double.POSITIVE_INFINITY, NumericText.parseReal("1e400"));
        assertEquals(0.5, NumericText.parseReal("  .5e0xyz"));
        assertEquals(12, parseInt("12.9e3"));
        assertEquals(Long.MAX_VALUE, parseInt("99999999999999999999"));
        assertEquals(Long.MIN_VALUE, parseInt("-9223372036854775808"));
        assertEquals(0, parseInt("-"));
    }

    @Test
    void integerKindsSeparateOverflowFromTwoPow63() {
        assertEquals(NumericText.INT_OK, intKind(" 42 "));
        assertEquals(NumericText.INT_TRAILING_TEXT, intKind("42x"));
        assertEquals(NumericText.INT_NO_DIGITS, intKind("x"));
        assertEquals(NumericText.INT_TWO_POW_63, intKind("9223372036854775808"));
        assertEquals(NumericText.INT_OK, intKind("-9223372036854775808"));
        assertEquals(NumericText.INT_OVERFLOW, intKind("9223372036854775809"));
        assertEquals(NumericText.INT_OK, intKind("0000000000000000000000001"));
    }
}
