package io.turso4j.error;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultCodeTest {

    @Test
    void extendedCodesCarryTheirPrimaryInTheLowByte() {
        assertEquals(2067, ResultCode.CONSTRAINT_UNIQUE.code());
        assertEquals(ResultCode.CONSTRAINT, ResultCode.CONSTRAINT_UNIQUE.primary());
        assertEquals(266, ResultCode.IOERR_READ.code());
        assertEquals(ResultCode.IOERR, ResultCode.IOERR_READ.primary());
        assertEquals(ResultCode.BUSY, ResultCode.BUSY.primary());
    }

    @Test
    void extendedCodesShareTheirPrimarysText() {
        assertEquals("constraint failed", ResultCode.CONSTRAINT_NOTNULL.message());
        assertEquals("abort due to ROLLBACK", ResultCode.ABORT_ROLLBACK.message());
        assertEquals("database disk image is malformed", ResultCode.CORRUPT.message());
    }

    @Test
    void numbersAreUniqueAndRoundTrip() {
        Set<Integer> seen = new HashSet<>();
        for (ResultCode rc : ResultCode.values()) {
            assertTrue(seen.add(rc.code()), "duplicate number " + rc.code());
            assertEquals(rc, ResultCode.of(rc.code()));
        }
    }

    @Test
    void exceptionDefaultsToTheCodesText() {
        SqliteException e = new SqliteException(ResultCode.BUSY_TIMEOUT, null);
        assertEquals("database is locked", e.getMessage());
        assertEquals(ResultCode.BUSY, e.primaryCode());
        assertEquals("SQLITE_BUSY_TIMEOUT", e.code().cName());
    }
}
