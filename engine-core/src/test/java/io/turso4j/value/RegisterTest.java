package io.turso4j.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterTest {

    @Test
    void nanIsStoredAsNull() {
        assertTrue(new Register().setReal(Double.NaN).isNull());
    }

    @Test
    void copyIsIndependentOfTheSource() {
        Register a = new Register().setText("héllo");
        Register b = new Register().copyFrom(a);
        a.setText("x");
        assertEquals("héllo", b.toText());
        assertEquals(6, b.length()); // UTF-8 bytes
    }

    @Test
    void reusesItsArrayAndReadsOverlappingSources() {
        Register r = new Register().setText("abcdef");
        r.setText(r.bytes(), 2, 3);
        assertEquals("cde", r.toText());
        r.setBlob(new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, (byte[]) r.toObject());
    }

    @Test
    void convertsAsTheSqliteValueAccessorsDo() {
        assertEquals(12L, Register.of("12abc").toLong());
        assertEquals(Long.MAX_VALUE, Register.of(1e300).toLong());
        assertEquals(-3L, Register.of(-3.9).toLong());
        assertEquals(2.5, Register.of("2.5x").toDouble());
        assertEquals("1.0e+20", Register.of(1e20).toText());
        assertEquals("7", Register.of(7L).toText());
        assertNull(new Register().toObject());
        assertEquals("A", Register.of("A".getBytes(StandardCharsets.UTF_8)).toText());
    }
}
