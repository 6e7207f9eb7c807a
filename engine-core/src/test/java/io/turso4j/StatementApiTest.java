package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.value.ValueType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public API over table-less statements: prepare and tail, binding, columns, errors, EXPLAIN, async. */
class StatementApiTest {
    private Database db;
    private Connection conn;

    @BeforeEach
    void open() {
        db = Database.open(":memory:");
        conn = db.connect();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void preparesTheFirstStatementAndKeepsTheTail() {
        Statement s = conn.prepare("  SELECT 1 ;  SELECT 2; -- done");
        assertEquals("SELECT 1 ;", s.sql());
        assertEquals("SELECT 2; -- done", s.tail(), "the tail starts at the next token");
        assertTrue(s.next());
        assertEquals(1, s.getLong(0));
        assertFalse(s.next());
        assertFalse(s.next(), "DONE again until reset");
        s.reset();
        assertTrue(s.next());
        Statement second = conn.prepare(s.tail());
        assertTrue(second.next());
        assertEquals(2, second.getLong(0));
        assertNull(conn.prepare(second.tail()));
        assertNull(conn.prepare("  /* nothing */ ;; "));
    }

    @Test
    void bindsPositionalAndNamedParameters() {
        Statement s = conn.prepare("SELECT ?, :a, ?5, :a, @b, $c, ?");
        assertEquals(8, s.parameterCount(), "the last ? follows ?5's number");
        assertEquals(2, s.parameterIndex(":a"));
        assertEquals(6, s.parameterIndex("@b"));
        assertEquals(7, s.parameterIndex("$c"));
        assertEquals(0, s.parameterIndex(":zz"));
        assertEquals("?5", s.parameterName(5));
        assertNull(s.parameterName(1));
        s.bindLong(1, 7).bind(2, "x").bind(5, new byte[] {1, 2}).bindDouble(6, 2.5).bind(8, true);
        assertTrue(s.next());
        assertEquals(7, s.getLong(0));
        assertEquals("x", s.getText(1));
        assertArrayEquals(new byte[] {1, 2}, s.getBlob(2));
        assertEquals("x", s.getObject(3));
        assertEquals(2.5, s.getDouble(4));
        assertEquals(ValueType.NULL, s.columnType(5));
        assertEquals(1L, s.getObject(6));
        s.reset();
        s.clearBindings();
        assertTrue(s.next());
        assertTrue(s.isNull(0));
        SqliteException range = assertThrows(SqliteException.class, () -> s.bind(9, 1));
        assertEquals(ResultCode.RANGE, range.code());
    }

    @Test
    void aPlainParameterCodedTwiceKeepsOneNumber() {
        // The index seek and the re-check of "b = ?" both code the same "?": it must stay ?1.
        conn.execute("CREATE TABLE pt(id INTEGER PRIMARY KEY, b INTEGER)");
        conn.execute("CREATE INDEX pt_b ON pt(b)");
        conn.execute("INSERT INTO pt VALUES (1, 10), (2, 20), (3, 30)");
        Statement s = conn.prepare("SELECT id FROM pt WHERE b = ? AND id > ?");
        assertEquals(2, s.parameterCount());
        s.bindLong(1, 20).bindLong(2, 0);
        assertTrue(s.next());
        assertEquals(2, s.getLong(0));
        assertFalse(s.next());
    }

    @Test
    void columnNamesMatchSqlite() throws Exception {
        String sql = "SELECT 1, 1+1 AS two, 'a'  ||  'b', (1 + 2) * 3, CAST(1 AS TEXT) x, count(*) IS NULL,"
                + " CASE WHEN 1 THEN 2 END, ?, -(5), 'x' COLLATE NOCASE, 1 BETWEEN 0 AND 2";
        String ours = sql.replace("count(*) IS NULL", "NULL IS NULL");
        try (SqliteOracle oracle = new SqliteOracle()) {
            List<String> expected = new ArrayList<>();
            try (var ps = oracle.sqliteConnection().prepareStatement(ours); ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    expected.add(md.getColumnName(i));
                }
            }
            Statement s = conn.prepare(ours);
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < s.columnCount(); i++) {
                actual.add(s.columnName(i));
            }
            assertEquals(expected, actual);
        }
        Statement v = conn.prepare("VALUES (1, 2)");
        assertEquals(List.of("column1", "column2"), List.of(v.columnName(0), v.columnName(1)));
    }

    @Test
    void errorsCarrySqliteMessages() {
        assertError("near \"SELEC\": syntax error", "SELEC 1");
        assertError("no such table: t", "SELECT * FROM t");
        assertError("no such table: main.t", "SELECT a FROM main.t");
        assertError("no such table: t", "INSERT INTO t VALUES (1)");
        assertError("no such column: c", "SELECT c");
        assertError("no such function: nosuch", "SELECT nosuch(1)");
        assertError("incomplete input", "SELECT (1");
        SqliteException e = assertThrows(SqliteException.class, () -> conn.prepare("SELECT 1 LIMIT 'x'").next());
        assertEquals(ResultCode.MISMATCH, e.code());
        assertEquals("datatype mismatch", e.getMessage());
    }

    @Test
    void refusesCompoundsOfMoreThan500Arms() {
        assertEquals(500 * 2, countRows("SELECT 1, 2" + " UNION ALL SELECT 1, 2".repeat(499)));
        assertError("too many terms in compound SELECT", "SELECT 1" + " UNION ALL SELECT 1".repeat(500));
    }

    private int countRows(String sql) {
        Statement s = conn.prepare(sql);
        int values = 0;
        while (s.next()) {
            values += s.columnCount();
        }
        return values;
    }

    private void assertError(String message, String sql) {
        SqliteException e = assertThrows(SqliteException.class, () -> conn.prepare(sql));
        assertEquals(message, e.getMessage(), sql);
        assertEquals(ResultCode.ERROR, e.code());
    }

    @Test
    void explainListsTheProgramInSqlite3sColumns() {
        Statement s = conn.prepare("EXPLAIN SELECT 1 + ?");
        assertTrue(s.isExplain());
        assertTrue(s.isReadOnly());
        assertFalse(conn.prepare("SELECT 1").isExplain());
        assertEquals(List.of("addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment"),
                List.of(s.columnName(0), s.columnName(1), s.columnName(2), s.columnName(3), s.columnName(4),
                        s.columnName(5), s.columnName(6), s.columnName(7)));
        List<String> opcodes = new ArrayList<>();
        while (s.next()) {
            assertEquals(opcodes.size(), s.getLong(0));
            opcodes.add(s.getText(1));
        }
        assertEquals("Init", opcodes.getFirst());
        assertTrue(opcodes.containsAll(List.of("Variable", "Add", "ResultRow", "Halt")), opcodes.toString());
    }

    @Test
    void executeRunsEveryStatementAndStopsAtTheFirstError() {
        conn.execute("SELECT 1; VALUES (2), (3); SELECT 4");
        SqliteException e = assertThrows(SqliteException.class, () -> conn.execute("SELECT 1; SELECT nope; SELECT 2"));
        assertEquals("no such column: nope", e.getMessage());
    }

    @Test
    void asyncSteppingAndExecution() throws Exception {
        Statement s = conn.prepare("VALUES (1), (2)");
        assertEquals(StepResult.ROW, s.stepAsync().get());
        assertEquals(1, s.getLong(0));
        assertEquals(StepResult.ROW, s.stepAsync().get());
        assertEquals(StepResult.DONE, s.stepAsync().get());
        conn.executeAsync("SELECT 1; SELECT 2").get();
        ExecutionException e = assertThrows(ExecutionException.class, () -> conn.executeAsync("SELECT x").get());
        assertEquals("no such column: x", e.getCause().getMessage());
        // Long scripts and results run in a loop, not a chain of callbacks that could exhaust the stack.
        conn.executeAsync("SELECT 1;".repeat(20_000)).get();
        conn.executeAsync("VALUES " + "(1),".repeat(50_000) + "(2)").get();
    }

    @Test
    void beginCommitAndRollbackTrackTheAutocommitMode() {
        assertTrue(conn.isAutocommit());
        conn.execute("BEGIN");
        assertFalse(conn.isAutocommit());
        assertEquals("cannot start a transaction within a transaction",
                assertThrows(SqliteException.class, () -> conn.execute("BEGIN IMMEDIATE")).getMessage());
        conn.execute("COMMIT");
        assertTrue(conn.isAutocommit());
        assertEquals("cannot commit - no transaction is active",
                assertThrows(SqliteException.class, () -> conn.execute("END")).getMessage());
        assertEquals("cannot rollback - no transaction is active",
                assertThrows(SqliteException.class, () -> conn.execute("ROLLBACK")).getMessage());
        conn.execute("BEGIN; ROLLBACK TRANSACTION");
        assertTrue(conn.isAutocommit());
    }

    @Test
    void aFileThatCannotBeCreatedIsRefused() {
        SqliteException e = assertThrows(SqliteException.class,
                () -> Database.open("/nonexistent-dir/turso4j.db", DatabaseOptions.defaults().withIo("nio")));
        assertEquals(ResultCode.CANTOPEN, e.code());
    }
}
