package io.turso4j.value;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AffinityTest {

    @Test
    void declaredTypesFollowTheRulesInOrder() {
        assertEquals(Affinity.INTEGER, Affinity.ofDeclaredType("INT"));
        assertEquals(Affinity.INTEGER, Affinity.ofDeclaredType("bigint"));
        assertEquals(Affinity.INTEGER, Affinity.ofDeclaredType("CHARINT")); // rule 1 wins
        assertEquals(Affinity.INTEGER, Affinity.ofDeclaredType("FLOATING POINT")); // "INT" in POINT
        assertEquals(Affinity.TEXT, Affinity.ofDeclaredType("VARCHAR(255)"));
        assertEquals(Affinity.TEXT, Affinity.ofDeclaredType("clob"));
        assertEquals(Affinity.BLOB, Affinity.ofDeclaredType("BLOB"));
        assertEquals(Affinity.BLOB, Affinity.ofDeclaredType(""));
        assertEquals(Affinity.BLOB, Affinity.ofDeclaredType(null));
        assertEquals(Affinity.REAL, Affinity.ofDeclaredType("DOUBLE PRECISION"));
        assertEquals(Affinity.REAL, Affinity.ofDeclaredType("float"));
        assertEquals(Affinity.NUMERIC, Affinity.ofDeclaredType("DECIMAL(10,5)"));
        assertEquals(Affinity.NUMERIC, Affinity.ofDeclaredType("STRING"));
        assertEquals(Affinity.NUMERIC, Affinity.ofDeclaredType("FOO"));
    }

    @Test
    void numericAffinityConvertsOnlyWellFormedNumbers() {
        assertStored(Affinity.NUMERIC, " 12 ", "INTEGER 12");
        assertStored(Affinity.NUMERIC, "1e5", "INTEGER 100000");
        assertStored(Affinity.NUMERIC, "2.0", "INTEGER 2");
        assertStored(Affinity.NUMERIC, "2.5", "REAL 2.5");
        assertStored(Affinity.NUMERIC, "0x1A", "TEXT '0x1A'");
        assertStored(Affinity.NUMERIC, "12abc", "TEXT '12abc'");
        assertStored(Affinity.NUMERIC, "9223372036854775808", "REAL 9.2233720368547758e+18");
        assertStored(Affinity.INTEGER, 3.0, "INTEGER 3");
        assertStored(Affinity.REAL, 3L, "REAL 3.0");
        assertStored(Affinity.REAL, "7", "REAL 7.0");
        assertStored(Affinity.TEXT, 1.5, "TEXT '1.5'");
        assertStored(Affinity.TEXT, 42L, "TEXT '42'");
        assertStored(Affinity.BLOB, "12", "TEXT '12'");
    }

    private static void assertStored(Affinity a, Object value, String expected) {
        Register r = Register.of(value);
        a.apply(r);
        assertEquals(expected, r.toString());
    }

    @Test
    void comparisonAffinityPrefersNumericThenText() {
        assertEquals(Affinity.NUMERIC, Affinity.forComparison(Affinity.INTEGER, Affinity.NONE));
        assertEquals(Affinity.NUMERIC, Affinity.forComparison(Affinity.TEXT, Affinity.REAL));
        assertEquals(Affinity.TEXT, Affinity.forComparison(Affinity.NONE, Affinity.TEXT));
        assertEquals(Affinity.NONE, Affinity.forComparison(Affinity.TEXT, Affinity.BLOB));
        assertEquals(Affinity.NONE, Affinity.forComparison(Affinity.NONE, Affinity.NONE));
        assertEquals(Affinity.NONE, Affinity.forComparison(Affinity.BLOB, Affinity.NONE));
    }
}
