package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteJdbcEngineTest {

    private final SqliteJdbcEngine engine = new SqliteJdbcEngine();

    /** The storage-class name SQLite's typeof() gives for a value the engine returned. */
    private static String typeName(SqlValue v) {
        return switch (v) {
            case SqlValue.NullValue _ -> "null";
            case SqlValue.IntegerValue _ -> "integer";
            case SqlValue.RealValue _ -> "real";
            case SqlValue.TextValue _ -> "text";
            case SqlValue.BlobValue _ -> "blob";
        };
    }

    @Test
    void eachValueCarriesItsOwnStorageClassEvenWithinOneColumn() throws SltEngineException {
        try (SltDatabase db = engine.openDatabase()) {
            // One untyped column holding every storage class, and a typed column whose affinity
            // converts some values but not others.
            db.executeScript("""
                    CREATE TABLE t(v, r REAL);
                    INSERT INTO t VALUES (NULL, 1), (7, 'x'), (3000000000, 2.5), (2.5, '3'), ('txt', NULL),
                                         (x'00ff', x'01'), ('', 4), (x'', 5);
                    """);
            QueryOutcome.Rows rows = assertInstanceOf(QueryOutcome.Rows.class,
                    db.query("SELECT v, typeof(v), r, typeof(r) FROM t ORDER BY rowid"));
            assertNull(rows.stepError());
            assertEquals(4, rows.columnCount());
            assertEquals(8, rows.rows().size());
            for (SqlValue[] row : rows.rows()) {
                assertEquals(text(row[1]), typeName(row[0]), "value " + row[0]);
                assertEquals(text(row[3]), typeName(row[2]), "value " + row[2]);
            }
            assertEquals(3000000000L, ((SqlValue.IntegerValue) rows.rows().get(2)[0]).value());
            assertArrayEquals(new byte[] {0, (byte) 0xFF}, ((SqlValue.BlobValue) rows.rows().get(5)[0]).bytes());
            assertEquals(3.0, ((SqlValue.RealValue) rows.rows().get(3)[2]).value());
        }
    }

    @Test
    void textComesBackAsTheBytesSqliteHolds() throws SltEngineException {
        try (SltDatabase db = engine.openDatabase()) {
            QueryOutcome.Rows rows = assertInstanceOf(QueryOutcome.Rows.class,
                    db.query("SELECT CAST(x'41ff42' AS TEXT), 'é'"));
            assertArrayEquals(new byte[] {'A', (byte) 0xFF, 'B'}, ((SqlValue.TextValue) rows.rows().getFirst()[0]).utf8());
            assertEquals("A@B", ValueRenderer.render(rows.rows().getFirst()[0], 'T'));
            assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), ((SqlValue.TextValue) rows.rows().getFirst()[1]).utf8());
        }
    }

    @Test
    void prepareFailureIsToldApartFromAnErrorWhileStepping() throws SltEngineException {
        try (SltDatabase db = engine.openDatabase()) {
            assertInstanceOf(QueryOutcome.PrepareFailed.class, db.query("SELECT * FROM nosuch"));
            assertInstanceOf(QueryOutcome.PrepareFailed.class, db.query("SELEC 1"));
            db.executeScript("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3);");
            // abs() of the smallest integer overflows at the third row (rowid order, no sorter): the
            // first two rows are kept.
            QueryOutcome.Rows rows = assertInstanceOf(QueryOutcome.Rows.class, db.query(
                    "SELECT CASE WHEN x < 3 THEN x ELSE abs(-9223372036854775807 - 1) END FROM t"));
            assertEquals(List.of(1L, 2L), rows.rows().stream().map(r -> ((SqlValue.IntegerValue) r[0]).value()).toList());
            assertEquals(1, rows.columnCount());
            assertInstanceOf(String.class, rows.stepError());
            // The corpus's case: sum() overflowing on the first step gives no rows at all.
            db.executeScript("INSERT INTO t VALUES (9223372036854775807);");
            QueryOutcome.Rows none = assertInstanceOf(QueryOutcome.Rows.class, db.query("SELECT sum(x) FROM t"));
            assertEquals(0, none.rows().size());
            assertInstanceOf(String.class, none.stepError());
        }
    }

    @Test
    void scriptsStopAtTheFirstFailingStatement() throws SltEngineException {
        try (SltDatabase db = engine.openDatabase()) {
            db.executeScript("CREATE TABLE t(x UNIQUE)");
            assertThrows(SltEngineException.class,
                    () -> db.executeScript("INSERT INTO t VALUES(1); INSERT INTO t VALUES(1); INSERT INTO t VALUES(2);"));
            QueryOutcome.Rows rows = assertInstanceOf(QueryOutcome.Rows.class, db.query("SELECT count(*) FROM t"));
            assertEquals(1L, ((SqlValue.IntegerValue) rows.rows().getFirst()[0]).value());
            // An error on a later row of a row-returning statement fails the statement too.
            assertThrows(SltEngineException.class,
                    () -> db.execute("SELECT CASE WHEN x = 1 THEN abs(-9223372036854775807 - 1) END FROM t"));
        }
    }

    @Test
    void everyDatabaseStartsEmpty() throws SltEngineException {
        try (SltDatabase first = engine.openDatabase()) {
            first.executeScript("CREATE TABLE t(x)");
            try (SltDatabase second = engine.openDatabase()) {
                assertInstanceOf(QueryOutcome.PrepareFailed.class, second.query("SELECT x FROM t"));
            }
        }
    }

    private static String text(SqlValue v) {
        return new String(((SqlValue.TextValue) v).utf8(), StandardCharsets.UTF_8);
    }
}
