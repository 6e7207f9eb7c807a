package io.turso4j.translate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.error.SqliteException;
import io.turso4j.schema.Schema;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.CreateTrigger;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.parser.Parser;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For each case of {@code ddl-errors.sql}: SQLite and {@link SchemaBuilder} must both refuse
 * the statement with the same message, or both accept it.
 */
class DdlErrorDifferentialTest {

    @TestFactory
    Stream<DynamicTest> corpus() throws Exception {
        return Corpus.load("/schema/ddl-errors.sql").cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.title(), () -> check(c.text())));
    }

    private static void check(String text) throws Exception {
        int marker = text.indexOf("-- bad\n");
        assertTrue(marker >= 0, "case without a -- bad line");
        String setup = text.substring(0, marker);
        String bad = text.substring(marker + "-- bad\n".length()).strip();
        try (SqliteSchemaOracle sqlite = new SqliteSchemaOracle()) {
            sqlite.run(setup);
            Schema schema = SchemaLoader.load(sqlite.schemaRows(), sqlite.cookie(), 0);
            String ours = ourError(schema, bad);
            String theirs = sqlite.errorOf(bad);
            assertEquals(theirs, ours, bad);
        }
    }

    @org.junit.jupiter.api.Test
    void tooManyColumns() throws Exception {
        for (int n : new int[] {TableBuilder.MAX_COLUMNS, TableBuilder.MAX_COLUMNS + 1}) {
            StringBuilder sql = new StringBuilder("CREATE TABLE wide(c0");
            for (int i = 1; i < n; i++) {
                sql.append(", c").append(i);
            }
            String statement = sql.append(')').toString();
            try (SqliteSchemaOracle sqlite = new SqliteSchemaOracle()) {
                assertEquals(sqlite.errorOf(statement), ourError(SchemaLoader.bootstrap(0), statement), n + " columns");
            }
        }
    }

    static String ourError(Schema schema, String sql) {
        try {
            Stmt stmt = Parser.parse(sql);
            SchemaBuilder.Mode mode = SchemaBuilder.Mode.EXECUTE;
            switch (stmt) {
                case CreateTable t -> SchemaBuilder.createTable(schema, t, sql, mode);
                case CreateIndex i -> SchemaBuilder.createIndex(schema, i, sql, mode);
                case CreateView v -> SchemaBuilder.createView(schema, v, sql, mode);
                case CreateTrigger t -> SchemaBuilder.createTrigger(schema, t, sql, mode);
                default -> throw new IllegalArgumentException("not a CREATE: " + sql);
            }
            return null;
        } catch (SqliteException e) {
            return e.getMessage();
        }
    }
}
