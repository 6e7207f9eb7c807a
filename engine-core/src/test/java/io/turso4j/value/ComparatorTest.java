package io.turso4j.value;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparatorTest {

    private static int cmp(Object a, Object b, Collation c) {
        return Integer.signum(ValueComparator.compare(Register.of(a), Register.of(b), c));
    }

    @Test
    void storageClassesSortInSqlitesOrder() {
        assertEquals(-1, cmp(null, Long.MIN_VALUE, BuiltinCollation.BINARY));
        assertEquals(0, cmp(null, null, BuiltinCollation.BINARY));
        assertEquals(-1, cmp(Double.MAX_VALUE, "", BuiltinCollation.BINARY));
        assertEquals(-1, cmp("zzz", new byte[0], BuiltinCollation.BINARY));
    }

    @Test
    void integersAndRealsCompareExactly() {
        assertEquals(-1, cmp(Long.MAX_VALUE, 9.223372036854775807e18, null)); // the real is 2^63
        assertEquals(1, cmp(Long.MAX_VALUE, 9.2233720368547748e18, null));
        assertEquals(1, cmp((1L << 53) + 1, (double) (1L << 53), null));
        assertEquals(0, cmp(0L, -0.0, null));
        assertEquals(-1, cmp(-5L, -4.5, null));
    }

    @Test
    void collationsFoldOnlyWhatSqliteFolds() {
        assertEquals(0, cmp("ABC", "abc", BuiltinCollation.NOCASE));
        assertEquals(-1, cmp("É", "é", BuiltinCollation.NOCASE)); // ASCII only: 0xC3 0x89 < 0xC3 0xA9
        assertEquals(0, cmp("abc  ", "abc", BuiltinCollation.RTRIM));
        assertEquals(1, cmp("abc ", "abc", BuiltinCollation.BINARY));
        assertEquals(1, cmp("abc\t", "abc ", BuiltinCollation.RTRIM)); // only spaces are trimmed
        assertEquals(BuiltinCollation.NOCASE, Collation.builtin("nocase"));
    }

    @Test
    void indexKeysHonourPerFieldCollationAndOrder() {
        IndexKeyComparator keys = new IndexKeyComparator(
                new Collation[] {BuiltinCollation.NOCASE, null}, new boolean[] {false, true});
        Register[] a = {Register.of("Apple"), Register.of(1L)};
        Register[] b = {Register.of("apple"), Register.of(2L)};
        assertTrue(keys.compare(a, 0, b, 0, 2) > 0); // equal first field, DESC second
        assertEquals(0, keys.compare(a, 0, b, 0, 1));
    }
}
