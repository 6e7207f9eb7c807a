package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueRendererTest {

    private static String i(SqlValue v) {
        return ValueRenderer.render(v, 'I');
    }

    private static String r(double d) {
        return ValueRenderer.render(SqlValue.ofDouble(d), 'R');
    }

    private static String t(SqlValue v) {
        return ValueRenderer.render(v, 'T');
    }

    @Test
    void nullIsNullWhateverTheType() {
        assertEquals("NULL", i(SqlValue.NULL));
        assertEquals("NULL", ValueRenderer.render(SqlValue.NULL, 'R'));
        assertEquals("NULL", t(SqlValue.NULL));
    }

    @Test
    void integerColumnsKeepTheLow32BitsOfCastAsInteger() {
        assertEquals("-2147483648", i(SqlValue.ofLong(2147483648L)));
        assertEquals("2147483647", i(SqlValue.ofLong(2147483647L)));
        assertEquals("-1", i(SqlValue.ofLong(4294967295L)));
        assertEquals("0", i(SqlValue.ofLong(1L << 32)));
        assertEquals("12", i(SqlValue.ofText("12abc")));
        assertEquals("-7", i(SqlValue.ofText("  -7.9e3")));
        assertEquals("0", i(SqlValue.ofText("abc")));
        assertEquals("2", i(SqlValue.ofDouble(2.5)));
        assertEquals("-2", i(SqlValue.ofDouble(-2.5)));
        // Reals beyond the 64-bit range saturate before the 32-bit wrap.
        assertEquals("-1", i(SqlValue.ofDouble(1e30)));
        assertEquals("0", i(SqlValue.ofDouble(-1e30)));
        // Text saturates too: 9223372036854775807 wraps to -1, the minimum to 0.
        assertEquals("-1", i(SqlValue.ofText("99999999999999999999")));
        assertEquals("0", i(SqlValue.ofText("-9223372036854775808")));
        assertEquals("5", i(new SqlValue.BlobValue("5x".getBytes(StandardCharsets.US_ASCII))));
    }

    @ParameterizedTest
    @CsvSource({
            "-9223372036854775808.0, -9223372036854776000.000",
            "910.3375, 910.337",
            "0.0625, 0.063",
            "3333333333333333.5, 3333333333333334.000",
            "-0.0001, -0.000",
            "-0.0, 0.000",
            "0.0, 0.000",
            "0.0005, 0.001",
            "0.00049, 0.000",
            "1.0, 1.000",
            "9.9995, 9.999",
            "99.9996, 100.000",
            "1e20, 100000000000000000000.000",
            "123456789012345678, 123456789012345700.000",
            "-2.5, -2.500",
    })
    void realColumnsUseSqlitesPercentPoint3f(double value, String expected) {
        assertEquals(expected, r(value));
    }

    /** The shared small values and strings end where the general path takes over: no seam shows. */
    @Test
    void integersAroundTheSharedRangeRenderAndCompareAlike() {
        for (long v = -200; v <= 1100; v++) {
            SqlValue value = SqlValue.ofLong(v);
            assertEquals(new SqlValue.IntegerValue(v), value);
            assertEquals(Long.toString(v), i(value));
            assertEquals(Long.toString(v), t(value));
        }
    }

    @Test
    void realColumnsConvertIntegersAndTextPrefixes() {
        assertEquals("7.000", ValueRenderer.render(SqlValue.ofLong(7), 'R'));
        assertEquals("12.500", ValueRenderer.render(SqlValue.ofText("12.5abc"), 'R'));
        assertEquals("0.000", ValueRenderer.render(SqlValue.ofText("x1"), 'R'));
        assertEquals("1500.000", ValueRenderer.render(SqlValue.ofText(" 1.5e3e"), 'R'));
        assertEquals("Inf", r(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", r(Double.NEGATIVE_INFINITY));
    }

    @Test
    void textColumnsShowNonPrintableBytesAsAtAndEmptyAsEmpty() {
        assertEquals("caf@@", t(SqlValue.ofText("café")));
        assertEquals("(empty)", t(SqlValue.ofText("")));
        assertEquals("a@b", t(SqlValue.ofText("a\tb")));
        assertEquals("ab", t(new SqlValue.BlobValue(new byte[] {'a', 'b', 0, 'c'})));
        assertEquals("(empty)", t(new SqlValue.BlobValue(new byte[] {0, 'c'})));
        assertEquals("(empty)", t(new SqlValue.BlobValue(new byte[0])));
        assertEquals("@~", t(new SqlValue.BlobValue(new byte[] {(byte) 0x7F, '~'})));
        assertEquals("-42", t(SqlValue.ofLong(-42)));
    }

    @ParameterizedTest
    @CsvSource({
            "1.0, 1.0",
            "0.1, 0.1",
            "1e20, 1.0e+20",
            "1.5e-7, 1.5e-07",
            "-0.0, 0.0",
            "100.0, 100.0",
            "123456789012345.0, 123456789012345.0",
            "1234567890123456.0, 1.23456789012346e+15",
            "0.0001, 0.0001",
            "0.00001, 1.0e-05",
            "-2.5, -2.5",
            "1e100, 1.0e+100",
    })
    void realsInTextColumnsUseSqlitesRealToTextConversion(double value, String expected) {
        assertEquals(expected, t(SqlValue.ofDouble(value)));
    }
}
