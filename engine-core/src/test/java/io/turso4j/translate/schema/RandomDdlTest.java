package io.turso4j.translate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.schema.Schema;
import io.turso4j.sql.ast.CreateIndex;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random CREATE TABLE and CREATE INDEX statements (types, constraints, collations, key shapes,
 * WITHOUT ROWID, STRICT, expressions that SQLite refuses) run in SQLite and in our builder: where SQLite refuses one, our message
 * must be its message; where it accepts, the schema we load from its sqlite_schema must match
 * its PRAGMA output. Prints its seed; replay with {@code -Dturso4j.seed=…}; the number of
 * statements is {@code -Dturso4j.schema.cases} (1000).
 */
class RandomDdlTest {
    private static final int CASES = Integer.getInteger("turso4j.schema.cases", 1000);
    private static final String[] NAMES = {"a", "b", "C", "\"d d\"", "key", "e_1", "[f]"};
    private static final String[] TYPES = {"", "INT", "INTEGER", "\"integer\"", "TEXT", "VARCHAR(20)", "REAL", "BLOB",
        "NUMERIC", "DOUBLE PRECISION", "BIGINT", "ANY", "'text'", "DATE", "CHARINT", "FLOAT", "integer"};
    private static final String[] CONFLICTS = {"", "", "", " ON CONFLICT REPLACE", " ON CONFLICT IGNORE",
        " ON CONFLICT ABORT", " ON CONFLICT ROLLBACK", " ON CONFLICT FAIL"};
    private static final String[] COLLATIONS = {"NOCASE", "RTRIM", "BINARY", "nocase"};

    @Test
    void randomTables() throws Exception {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("RandomDdlTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random rnd = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            List<String> columns = new ArrayList<>();
            String table = createTable(rnd, columns);
            String context = "seed " + seed + ", case " + i + ": " + table;
            try (SqliteSchemaOracle sqlite = new SqliteSchemaOracle()) {
                String theirs = sqlite.errorOf(table);
                String ours = DdlErrorDifferentialTest.ourError(SchemaLoader.bootstrap(0), table);
                assertEquals(theirs, ours, context);
                if (theirs != null) {
                    continue;
                }
                accepted++;
                Schema executed = SchemaLoader.bootstrap(0);
                executed = executed.withTable(SchemaBuilder.createTable(executed, (CreateTable) Parser.parse(table), table,
                        SchemaBuilder.Mode.EXECUTE));
                for (int k = rnd.nextInt(3); k > 0; k--) {
                    String index = createIndex(rnd, columns, k);
                    String indexContext = context + "; " + index;
                    ours = DdlErrorDifferentialTest.ourError(
                            SchemaLoader.load(sqlite.schemaRows(), sqlite.cookie(), 0), index);
                    String theirIndexError = sqlite.errorOf(index);
                    assertEquals(theirIndexError, ours, indexContext);
                    if (theirIndexError == null) {
                        executed = executed.withIndex(SchemaBuilder.createIndex(executed,
                                (CreateIndex) Parser.parse(index), index, SchemaBuilder.Mode.EXECUTE));
                    }
                }
                try {
                    SchemaDifferentialTest.compareWithSqlite(sqlite);
                    SchemaDifferentialTest.comparePragmas(sqlite, executed.table("t"));
                } catch (AssertionError e) {
                    throw new AssertionError(context + " (and its indexes): " + e.getMessage(), e);
                }
            }
        }
        System.out.println("RandomDdlTest: " + accepted + " of " + CASES + " tables accepted by SQLite and compared");
    }

    private static String createTable(Random rnd, List<String> columns) {
        StringBuilder sql = new StringBuilder("CREATE TABLE t(");
        int n = 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            String name = NAMES[rnd.nextInt(NAMES.length)];
            columns.add(name);
            sql.append(i == 0 ? "" : ", ").append(name);
            String type = TYPES[rnd.nextInt(TYPES.length)];
            if (!type.isEmpty()) {
                sql.append(' ').append(type);
            }
            for (int c = rnd.nextInt(3); c > 0; c--) {
                sql.append(columnConstraint(rnd, name));
            }
        }
        for (int c = rnd.nextInt(3); c > 0; c--) {
            sql.append(", ").append(tableConstraint(rnd, columns));
        }
        sql.append(')');
        if (rnd.nextInt(4) == 0) {
            sql.append(" WITHOUT ROWID");
            if (rnd.nextInt(3) == 0) {
                sql.append(", STRICT");
            }
        } else if (rnd.nextInt(6) == 0) {
            sql.append(" STRICT");
        }
        return sql.toString();
    }

    private static String columnConstraint(Random rnd, String column) {
        return switch (rnd.nextInt(10)) {
            case 0, 1 -> " PRIMARY KEY" + pick(rnd, "", "", " ASC", " DESC") + pick(rnd, CONFLICTS)
                    + (rnd.nextInt(5) == 0 ? " AUTOINCREMENT" : "");
            case 2 -> " NOT NULL" + pick(rnd, CONFLICTS);
            case 3 -> " UNIQUE" + pick(rnd, CONFLICTS);
            case 4 -> " DEFAULT " + pick(rnd, "1", "'x'", "(1 + 2)", "-5", "NULL", "CURRENT_TIME", "(" + column + ")",
                    "(?)", "( lower('A') )", "+0x1F", "\"q\"", "x'00'");
            case 5, 6 -> " COLLATE " + pick(rnd, COLLATIONS);
            case 7 -> " CHECK (" + column + " > 0)";
            case 8 -> " REFERENCES p" + pick(rnd, "", "(x)", "(x, y)") + fkActions(rnd);
            default -> " AS (" + pick(rnd, "1", "rowid", column + " + 1", "(SELECT 1)") + ")"
                    + pick(rnd, "", " STORED", " VIRTUAL");
        };
    }

    private static String tableConstraint(Random rnd, List<String> columns) {
        return switch (rnd.nextInt(4)) {
            case 0 -> "PRIMARY KEY(" + terms(rnd, columns) + ")" + pick(rnd, CONFLICTS);
            case 1 -> "UNIQUE(" + terms(rnd, columns) + ")" + pick(rnd, CONFLICTS);
            case 2 -> {
                int n = 1 + rnd.nextInt(2);
                StringBuilder from = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    from.append(k == 0 ? "" : ", ").append(columns.get(rnd.nextInt(columns.size())));
                }
                yield pick(rnd, "", "CONSTRAINT fk ") + "FOREIGN KEY(" + from + ") REFERENCES \"p p\""
                        + pick(rnd, "", n == 1 ? "(x)" : "(x, y)", "(x, y, z)") + fkActions(rnd);
            }
            default -> "CHECK (" + pick(rnd, columns.get(rnd.nextInt(columns.size())), "rowid", "zz", "?")
                    + " IS NOT NULL)";
        };
    }

    private static String fkActions(Random rnd) {
        StringBuilder out = new StringBuilder();
        for (int k = rnd.nextInt(3); k > 0; k--) {
            out.append(pick(rnd, " ON DELETE", " ON UPDATE")).append(pick(rnd, " SET NULL", " SET DEFAULT", " CASCADE",
                    " RESTRICT", " NO ACTION"));
        }
        return out + pick(rnd, "", "", " MATCH SIMPLE", " DEFERRABLE INITIALLY DEFERRED", " NOT DEFERRABLE");
    }

    private static String terms(Random rnd, List<String> columns) {
        StringBuilder out = new StringBuilder();
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
            out.append(out.isEmpty() ? "" : ", ").append(columns.get(rnd.nextInt(columns.size())));
            if (rnd.nextInt(4) == 0) {
                out.append(" COLLATE ").append(pick(rnd, COLLATIONS));
            }
            out.append(pick(rnd, "", "", " ASC", " DESC"));
        }
        return out.toString();
    }

    private static String createIndex(Random rnd, List<String> columns, int k) {
        String where = rnd.nextInt(4) == 0 ? " WHERE " + columns.getFirst() + " > 0" : "";
        String terms = rnd.nextInt(5) == 0 ? columns.getFirst() + " + 1, " + terms(rnd, columns) : terms(rnd, columns);
        String name = pick(rnd, "i" + k, "\"I x" + k + "\"", "[i " + k + "]");
        return "CREATE " + pick(rnd, "", "UNIQUE ") + "INDEX " + name + " ON t(" + terms + ")" + where;
    }

    @SafeVarargs
    private static <T> T pick(Random rnd, T... choices) {
        return choices[rnd.nextInt(choices.length)];
    }
}
