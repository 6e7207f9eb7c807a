package io.turso4j.value;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArithmeticTest {
    private interface Op {
        void apply(Register a, Register b, Register out);
    }

    private static String eval(Op op, Object a, Object b) {
        Register out = new Register();
        op.apply(Register.of(a), Register.of(b), out);
        return out.toString();
    }

    @Test
    void integerOverflowBecomesReal() {
        assertEquals("REAL 9.2233720368547758e+18", eval(Arithmetic::add, Long.MAX_VALUE, 1L));
        assertEquals("INTEGER -9223372036854775808", eval(Arithmetic::subtract, Long.MIN_VALUE + 1, 1L));
        assertEquals("REAL 9.2233720368547758e+18", eval(Arithmetic::divide, Long.MIN_VALUE, -1L));
        Register out = new Register();
        Arithmetic.negate(Register.of(Long.MIN_VALUE), out);
        assertEquals("REAL 9.2233720368547758e+18", out.toString());
    }

    @Test
    void divisionAndRemainderFollowSqlite() {
        assertEquals("INTEGER -3", eval(Arithmetic::divide, -7L, 2L));
        assertEquals("NULL", eval(Arithmetic::divide, 1L, 0L));
        assertEquals("NULL", eval(Arithmetic::divide, 1.5, 0.0));
        assertEquals("INTEGER -1", eval(Arithmetic::remainder, -7L, 2L));
        assertEquals("REAL 1.0", eval(Arithmetic::remainder, 5.5, 2L));
        assertEquals("NULL", eval(Arithmetic::remainder, 5L, 0.5));
    }

    @Test
    void textOperandsUseTheirNumericPrefix() {
        assertEquals("INTEGER 13", eval(Arithmetic::add, "12abc", 1L));
        assertEquals("INTEGER 1", eval(Arithmetic::add, "abc", 1L));
        assertEquals("REAL 2.5", eval(Arithmetic::add, "1.5x", 1L));
        assertEquals("TEXT '1.52'", eval(Arithmetic::concat, 1.5, 2L));
        assertEquals("NULL", eval(Arithmetic::concat, "a", null));
    }

    @Test
    void shiftsSaturateAndReverse() {
        assertEquals("INTEGER 0", eval(Arithmetic::shiftLeft, 1L, 64L));
        assertEquals("INTEGER -1", eval(Arithmetic::shiftRight, -8L, 100L));
        assertEquals("INTEGER 4", eval(Arithmetic::shiftLeft, 8L, -1L));
        assertEquals("INTEGER -4", eval(Arithmetic::shiftRight, -8L, 1L));
    }

    @Test
    void castUsesAffinityRulesForUnknownTypeNames() {
        Register r = Register.of("12.0");
        Cast.apply(r, "FOO");
        assertEquals("INTEGER 12", r.toString());
        r = Register.of("9223372036854775808");
        Cast.apply(r, "NUMERIC");
        assertEquals("REAL 9.2233720368547758e+18", r.toString());
        r = Register.of(1.5);
        Cast.apply(r, "BLOB");
        assertEquals("BLOB x'312e35'", r.toString());
        assertEquals(Truth.TRUE, Truth.of(Register.of("1x")));
        assertEquals(Truth.FALSE, Truth.of(Register.of("0.0")));
        assertEquals(Truth.UNKNOWN, Truth.of(new Register()));
    }
}
