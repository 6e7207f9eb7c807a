package io.turso4j.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifiersTest {
    @Test
    void foldsAsciiLettersOnly() {
        assertEquals("abc_xyz", Identifiers.fold("AbC_XyZ"));
        assertEquals("straße", Identifiers.fold("STRAße"));
        assertEquals("Ä", Identifiers.fold("Ä"), "non-ASCII letters keep their case, as in sqlite3StrICmp");
    }

    @Test
    void sameIgnoresAsciiCase() {
        assertTrue(Identifiers.same("Sqlite_Master", "SQLITE_MASTER"));
        assertFalse(Identifiers.same("Ä", "ä"));
        assertFalse(Identifiers.same("a", "ab"));
        assertFalse(Identifiers.same("a[", "A{"), "only letters fold: '[' and '{' differ by 32 too");
    }

    @Test
    void reservedPrefix() {
        assertTrue(SystemTables.isReserved("SQLITE_x"));
        assertTrue(SystemTables.isReserved("sqlite_"));
        assertFalse(SystemTables.isReserved("sqlite"));
        assertFalse(SystemTables.isReserved("my_sqlite_t"));
    }
}
