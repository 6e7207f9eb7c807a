package io.turso4j.translate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.schema.Column;
import io.turso4j.schema.Index;
import io.turso4j.schema.PragmaRows;
import io.turso4j.schema.Schema;
import io.turso4j.schema.SchemaPragmas;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.lexer.StatementSplitter;
import io.turso4j.sql.parser.Parser;
import io.turso4j.value.Register;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For each case of {@code create-corpus.sql}: run it in SQLite, load our {@link Schema} from
 * SQLite's sqlite_schema rows, and compare, for every table, our table_info, table_xinfo,
 * index_list, index_info, index_xinfo and foreign_key_list rows with SQLite's PRAGMA output,
 * which column is the rowid alias (SQLite reads it with the Rowid opcode), and each column's
 * affinity (the typeof of the text '1' stored into it). The same statements built as DDL
 * execution builds them (from their own text, in EXECUTE mode) must give the same PRAGMA rows,
 * and the sqlite_schema text we would store must be SQLite's.
 */
class SchemaDifferentialTest {

    @TestFactory
    Stream<DynamicTest> corpus() throws Exception {
        return Corpus.load("/schema/create-corpus.sql").cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.title(), () -> check(c.text())));
    }

    private static void check(String script) throws Exception {
        try (SqliteSchemaOracle sqlite = new SqliteSchemaOracle()) {
            Schema executed = SchemaLoader.bootstrap(0);
            for (String sql : StatementSplitter.split(script)) {
                if (sql.isBlank()) {
                    continue;
                }
                sqlite.run(sql);
                executed = execute(executed, sql, sqlite);
            }
            compareWithSqlite(sqlite);
            for (Table table : executed.tables()) {
                if (table.rootPage() != 1) {
                    comparePragmas(sqlite, table);
                }
            }
        }
    }

    /**
     * Builds a CREATE the way DDL execution will (EXECUTE mode, from the statement's own text
     * rather than sqlite_schema's), checking the text we would store against SQLite's.
     */
    private static Schema execute(Schema schema, String sql, SqliteSchemaOracle sqlite) throws SQLException {
        Stmt stmt = Parser.parse(sql);
        SchemaBuilder.Mode mode = SchemaBuilder.Mode.EXECUTE;
        Schema next = switch (stmt) {
            case CreateTable t -> {
                Table table = SchemaBuilder.createTable(schema, t, sql, mode);
                yield table == null ? schema : schema.withTable(table);
            }
            case CreateIndex i -> {
                Index index = SchemaBuilder.createIndex(schema, i, sql, mode);
                yield index == null ? schema : schema.withIndex(index);
            }
            // Other statements (ALTER TABLE, ANALYZE, …) are not ours to run: take SQLite's result.
            default -> SchemaLoader.load(sqlite.schemaRows(), sqlite.cookie(), 0);
        };
        if (next != schema && (stmt instanceof CreateTable || stmt instanceof CreateIndex)) {
            String name = stmt instanceof CreateTable t ? t.name().name() : ((CreateIndex) stmt).name().name();
            List<List<String>> stored = sqlite.query("SELECT sql FROM sqlite_schema WHERE name = '"
                    + name.replace("'", "''") + "'");
            assertEquals(stored.getFirst().getFirst(), StatementText.of(sql).storedSql(), "stored text of " + name);
        }
        return next;
    }

    /** Loads our schema from SQLite's rows and compares every object with SQLite's view of it. */
    static void compareWithSqlite(SqliteSchemaOracle sqlite) throws Exception {
        {
            Schema ours = SchemaLoader.load(sqlite.schemaRows(), sqlite.cookie(), sqlite.single("PRAGMA page_count"));
            assertEquals(sqlite.cookie(), ours.cookie());
            int tables = 0;
            for (SchemaRow row : sqlite.schemaRows()) {
                if (row.type().equals("table")) {
                    Table table = ours.table(row.name());
                    assertNotNull(table, row.name());
                    assertEquals(row.rootPage().intValue(), table.rootPage(), row.name());
                    if (table.withoutRowid()) {
                        assertEquals(table.rootPage(), table.primaryKeyIndex().rootPage(),
                                "a WITHOUT ROWID table lives in its primary key's b-tree: " + row.name());
                    }
                    comparePragmas(sqlite, table);
                    compareRowidAlias(sqlite, table);
                    if (ours.triggersOn(table.name()).isEmpty()) {
                        compareAffinities(sqlite, table);
                    }
                    tables++;
                } else if (row.type().equals("index")) {
                    Index index = ours.index(row.name());
                    assertNotNull(index, row.name());
                    assertEquals(row.rootPage().intValue(), index.rootPage(), row.name());
                } else if (row.type().equals("view")) {
                    assertNotNull(ours.view(row.name()), row.name());
                } else {
                    assertNotNull(ours.trigger(row.name()), row.name());
                }
            }
            assertTrue(tables > 0, "the case creates no table");
        }
    }

    static void comparePragmas(SqliteSchemaOracle sqlite, Table table) throws SQLException {
        String t = table.name();
        assertEquals(sqlite.pragma("table_info", t), SchemaPragmas.tableInfo(table), "table_info " + t);
        assertEquals(sqlite.pragma("table_xinfo", t), SchemaPragmas.tableXinfo(table), "table_xinfo " + t);
        PragmaRows indexList = sqlite.pragma("index_list", t);
        assertEquals(indexList, SchemaPragmas.indexList(table), "index_list " + t);
        assertEquals(sqlite.pragma("foreign_key_list", t), SchemaPragmas.foreignKeyList(table), "foreign_key_list " + t);
        for (List<Object> row : indexList.rows()) {
            String name = (String) row.get(1);
            Index index = table.index(name);
            assertEquals(sqlite.pragma("index_info", name), SchemaPragmas.indexInfo(table, index), "index_info " + name);
            assertEquals(sqlite.pragma("index_xinfo", name), SchemaPragmas.indexXinfo(table, index),
                    "index_xinfo " + name);
        }
    }

    /**
     * SQLite reads a rowid alias column with the Rowid opcode (IdxRowid when a covering index is
     * scanned instead), any other column with Column.
     */
    private static void compareRowidAlias(SqliteSchemaOracle sqlite, Table table) throws SQLException {
        Set<Integer> theirs = new HashSet<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Column c = table.column(i);
            if (c.isGenerated()) {
                continue;
            }
            List<List<String>> program = sqlite.query("EXPLAIN SELECT " + quote(c.name()) + " FROM " + quote(table.name()));
            if (program.stream().anyMatch(r -> r.get(1).equals("Rowid") || r.get(1).equals("IdxRowid"))) {
                theirs.add(i);
            }
        }
        Set<Integer> ours = table.rowidAlias() >= 0 ? Set.of(table.rowidAlias()) : Set.of();
        assertEquals(theirs, ours, "rowid alias of " + table.name());
    }

    /**
     * Stores the text '1' into each column and compares SQLite's typeof with what our affinity
     * makes of it. Columns whose constraints refuse the value on its own are left out.
     */
    private static void compareAffinities(SqliteSchemaOracle sqlite, Table table) throws SQLException {
        for (int i = 0; i < table.columns().size(); i++) {
            Column c = table.column(i);
            if (c.isGenerated()) {
                continue;
            }
            String theirs = typeofStored(sqlite, table, c);
            if (theirs == null) {
                continue;
            }
            Register r = new Register().setText("1");
            c.affinity().apply(r);
            String ours = i == table.rowidAlias() ? "integer" : r.type().typeofName();
            assertEquals(theirs, ours, "affinity of " + table.name() + "." + c.name() + " (" + c.type() + ")");
        }
    }

    private static String typeofStored(SqliteSchemaOracle sqlite, Table table, Column c) throws SQLException {
        String t = quote(table.name());
        String col = quote(c.name());
        try (Statement s = sqlite.connection().createStatement()) {
            s.execute("SAVEPOINT probe");
            try {
                s.execute("DELETE FROM " + t);
                s.execute("INSERT INTO " + t + "(" + col + ") VALUES ('1')");
                List<List<String>> rows = sqlite.query("SELECT typeof(" + col + ") FROM " + t);
                return rows.isEmpty() ? null : rows.getFirst().getFirst(); // empty: ON CONFLICT IGNORE
            } catch (SQLException refused) {
                return null;
            } finally {
                rollback(s);
            }
        }
    }

    /** Undoes the probe; an ON CONFLICT ROLLBACK constraint may have ended the transaction already. */
    private static void rollback(Statement s) throws SQLException {
        try {
            s.execute("ROLLBACK TO probe");
            s.execute("RELEASE probe");
        } catch (SQLException alreadyRolledBack) {
            if (!alreadyRolledBack.getMessage().contains("no such savepoint")) {
                throw alreadyRolledBack;
            }
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
