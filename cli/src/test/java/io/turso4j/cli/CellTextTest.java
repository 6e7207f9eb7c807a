package io.turso4j.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CellTextTest {

    private static String text(Object v) {
        return new String(CellText.of(v), StandardCharsets.UTF_8);
    }

    @Test
    void integersPrintInDecimal() {
        assertEquals("0", text(0L));
        assertEquals("-9223372036854775808", text(Long.MIN_VALUE));
        assertEquals("42", text(42));
    }

    @Test
    void realsPrintAsSqlite3Of340Does() {
        assertEquals("1.0", text(1.0));
        assertEquals("100.0", text(100.0));
        assertEquals("0.3", text(0.1 + 0.2));
        assertEquals("0.333333333333333", text(1.0 / 3));
        assertEquals("1.0e+15", text(1e15));
        assertEquals("123456789012345.0", text(123456789012345.0));
        assertEquals("1.23456789012346e+15", text(1234567890123456.0));
        assertEquals("1.0e-05", text(1e-5));
        assertEquals("0.0", text(-0.0));
        assertEquals("Inf", text(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", text(Double.NEGATIVE_INFINITY));
        assertEquals("4.94065645841247e-324", text(Double.MIN_VALUE));
    }

    @Test
    void textIsUtf8CutAtTheFirstNul() {
        assertEquals("ünï", text("ünï"));
        assertEquals("a", text("a\0b"));
        assertEquals("", text(""));
    }

    @Test
    void blobsAreTheirRawBytesCutAtTheFirstNul() {
        assertArrayEquals(new byte[] {(byte) 0xff, 'A'}, CellText.of(new byte[] {(byte) 0xff, 'A', 0, 'B'}));
        assertArrayEquals(new byte[0], CellText.of(new byte[] {0, 1}));
    }

    @Test
    void nullStaysNull() {
        assertNull(CellText.of(null));
    }

    @Test
    void displayWidthCountsCharactersNotBytes() {
        assertEquals(3, CellText.displayWidth("aéb".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, CellText.displayWidth("€".getBytes(StandardCharsets.UTF_8)));
    }
}
