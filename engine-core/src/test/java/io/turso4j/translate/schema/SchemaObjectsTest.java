package io.turso4j.translate.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.schema.CheckConstraint;
import io.turso4j.schema.Column;
import io.turso4j.schema.Conflict;
import io.turso4j.schema.ForeignKey;
import io.turso4j.schema.Index;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.parser.Parser;
import io.turso4j.value.Affinity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookups, copies-on-change, the cookie, stat1 and SQL text of the schema objects. */
class SchemaObjectsTest {

    private static Schema withTable(Schema schema, String sql) {
        Table t = SchemaBuilder.createTable(schema, (CreateTable) Parser.parse(sql), sql, SchemaBuilder.Mode.EXECUTE);
        return schema.withTable(t.withRootPage(2));
    }

    @Test
    void lookupsIgnoreAsciiCaseAndKnowTheSchemaTable() {
        Schema s = withTable(SchemaLoader.bootstrap(7), "CREATE TABLE Users(Id INTEGER PRIMARY KEY, Name TEXT UNIQUE)");
        assertSame(s.table("users"), s.table("USERS"));
        assertEquals(0, s.table("users").columnIndex("ID"));
        assertEquals(-1, s.table("users").columnIndex("nope"));
        assertNotNull(s.index("SQLITE_AUTOINDEX_USERS_1"));
        assertSame(s.table("sqlite_schema"), s.table("SQLITE_MASTER"));
        assertEquals(1, s.table("sqlite_schema").rootPage());
        assertEquals(List.of("type", "name", "tbl_name", "rootpage", "sql"),
                s.table("sqlite_master").columns().stream().map(Column::name).toList());
        assertNull(s.table("nope"));
    }

    @Test
    void changesMakeNewSchemas() {
        Schema before = withTable(SchemaLoader.bootstrap(1), "CREATE TABLE t(a, b)");
        String indexSql = "CREATE INDEX ti ON t(b)";
        Index ti = SchemaBuilder.createIndex(before, (CreateIndex) Parser.parse(indexSql), indexSql,
                SchemaBuilder.Mode.EXECUTE);
        Schema after = before.withIndex(ti.withRootPage(3)).withCookie(2);
        assertNull(before.index("ti"), "the old schema is unchanged");
        assertEquals(3, after.index("TI").rootPage());
        assertTrue(after.isCurrent(2));
        assertFalse(after.isCurrent(1));
        Schema dropped = after.withoutIndex("ti");
        assertNull(dropped.index("ti"));
        assertTrue(dropped.table("t").indexes().isEmpty());
        assertNull(after.withoutTable("T").table("t"));
        assertNull(after.withoutTable("t").index("ti"), "a table's indexes go with it");
    }

    @Test
    void sequenceAndStat1Tables() throws Exception {
        try (SqliteSchemaOracle sqlite = new SqliteSchemaOracle()) {
            sqlite.run("CREATE TABLE s(id INTEGER PRIMARY KEY AUTOINCREMENT, v);"
                    + "CREATE TABLE t(a, b, c PRIMARY KEY) WITHOUT ROWID; CREATE INDEX ta ON t(a, b);"
                    + "INSERT INTO t VALUES (1, 1, 1), (1, 2, 2), (2, 3, 3), (2, 3, 4); ANALYZE;");
            Schema s = SchemaLoader.load(sqlite.schemaRows(), sqlite.cookie(), 0);
            assertEquals(List.of("name", "seq"), s.sequenceTable().columns().stream().map(Column::name).toList());
            assertTrue(s.table("s").autoincrement());
            assertNotNull(s.stat1Table());
            List<Schema.Stat1Row> rows = sqlite.query("SELECT tbl, idx, stat FROM sqlite_stat1").stream()
                    .map(r -> new Schema.Stat1Row(r.get(0), r.get(1), r.get(2))).toList();
            Schema withStats = s.withStat1(rows);
            for (Schema.Stat1Row row : rows) {
                String index = row.idx().equals(row.tbl()) ? s.table("t").primaryKeyIndex().name() : row.idx();
                long[] expected = java.util.Arrays.stream(row.stat().split(" ")).mapToLong(Long::parseLong).toArray();
                assertArrayEquals(expected, withStats.indexStats(index).estimates(), row.toString());
            }
            assertEquals(2, rows.size(), "stat1 has a row for ta and one (idx = tbl) for t's primary key");
            assertEquals(4, withStats.estimatedRows("T"));
            assertEquals(-1, withStats.estimatedRows("s"));
            assertNull(s.indexStats("ta"), "stats are only in the schema they were added to");
        }
    }

    @Test
    void storedSqlIsSqlitesText() throws Exception {
        String[] statements = {
            "CREATE TABLE IF NOT EXISTS main.\"T 1\" (a INTEGER PRIMARY KEY, b)  ;",
            "CREATE TABLE w(a PRIMARY KEY) WITHOUT ROWID  ;",
            "CREATE TABLE w2(a PRIMARY KEY) WITHOUT ROWID  ",
            "create temp table if not exists x(a)",
            "CREATE UNIQUE INDEX IF NOT EXISTS main.i1 ON \"T 1\"(b) WHERE b > 0 ;",
            "CREATE INDEX i2 ON \"T 1\"(a)  ",
            "CREATE VIEW IF NOT EXISTS v (x) AS SELECT b FROM \"T 1\"   ;",
            "CREATE TRIGGER main.tr AFTER INSERT ON \"T 1\" BEGIN SELECT 1; END  ;",
        };
        try (SqliteSchemaOracle sqlite = new SqliteSchemaOracle()) {
            for (String sql : statements) {
                sqlite.run(sql);
            }
            List<List<String>> rows = sqlite.query("SELECT sql FROM sqlite_schema ORDER BY rowid");
            List<List<String>> temp = sqlite.query("SELECT sql FROM sqlite_temp_schema");
            int row = 0;
            for (String sql : statements) {
                String expected = sql.contains("temp") ? temp.getFirst().getFirst() : rows.get(row++).getFirst();
                assertEquals(expected, StatementText.of(sql).storedSql(), sql);
            }
        }
        assertEquals("\"T 1\"", StatementText.of(statements[0]).nameToken());
    }

    @Test
    void declaredTypes() {
        Schema s = withTable(SchemaLoader.bootstrap(0),
                "CREATE TABLE t(a \"integer\", b 'x' y, c \"\", d, e int GENERATED ALWAYS AS (1), f my type always)");
        Table t = s.table("t");
        assertEquals("INTEGER", t.column(0).type());
        assertEquals("x", t.column(1).type(), "sqlite3Dequote keeps only the quoted part");
        assertEquals("", t.column(2).type());
        assertEquals(Affinity.NUMERIC, t.column(2).affinity(), "a declared but empty type is NUMERIC");
        assertEquals(Affinity.BLOB, t.column(3).affinity());
        assertEquals("INT", t.column(4).type());
        assertEquals("my type always", t.column(5).type(), "short types keep a trailing 'always'");
        assertEquals(SystemTables.SCHEMA_ROOT_PAGE, s.table("sqlite_master").rootPage());
    }

    /** Our CHECK names and texts are what SQLite names a failed CHECK with. */
    @Test
    void checkConstraintsNameFailuresAsSqliteDoes() throws Exception {
        String sql = "CREATE TABLE c(a CHECK (a > 0) CONSTRAINT dd CHECK(a < 100), b,"
                + " CONSTRAINT tc CHECK( b  IS NOT NULL ), CHECK (\n  a <> b  ))";
        Table table = withTable(SchemaLoader.bootstrap(0), sql).table("c");
        assertEquals(4, table.checks().size());
        String[] violations = {"(0, 1)", "(100, 1)", "(5, NULL)", "(5, 5)"};
        try (SqliteSchemaOracle sqlite = new SqliteSchemaOracle()) {
            sqlite.run(sql);
            for (int i = 0; i < violations.length; i++) {
                CheckConstraint check = table.checks().get(i);
                String expected = "CHECK constraint failed: " + (check.name() != null ? check.name() : check.sql());
                String actual = sqlite.errorOf("INSERT INTO c VALUES " + violations[i]);
                assertNotNull(actual, violations[i]);
                assertTrue(actual.endsWith(expected), actual + " vs " + expected);
            }
        }
        assertEquals("a <> b", table.checks().get(3).sql());
    }

    @Test
    void columnTextsAndForeignKeys() {
        Table t = withTable(SchemaLoader.bootstrap(0), "CREATE TABLE t(a DEFAULT (1 +  2) REFERENCES p(x)"
                + " ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, b AS ( a * 2 ) STORED, c DEFAULT 'x' NOT NULL"
                + " ON CONFLICT IGNORE, FOREIGN KEY (c, b) REFERENCES q NOT DEFERRABLE)").table("t");
        assertEquals("1 +  2", t.column(0).defaultSql());
        assertEquals("a * 2", t.column(1).generatedSql());
        assertEquals(Column.Generated.STORED, t.column(1).generated());
        assertEquals("'x'", t.column(2).defaultSql());
        assertEquals(Conflict.IGNORE, t.column(2).notNullConflict());
        ForeignKey first = t.foreignKeys().get(0);
        assertEquals(List.of("a"), first.fromColumns());
        assertEquals(ForeignKey.Action.CASCADE, first.onDelete());
        assertTrue(first.deferred());
        ForeignKey second = t.foreignKeys().get(1);
        assertEquals(List.of("c", "b"), second.fromColumns());
        assertEquals(List.of(), second.toColumns());
        assertFalse(second.deferred());
    }
}
