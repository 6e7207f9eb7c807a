package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mixes of INSERT [OR …] / REPLACE / UPSERT / UPDATE (key columns included) /
 * DELETE with RETURNING on WITHOUT ROWID tables (composite, DESC and NOCASE keys, UNIQUE and
 * plain secondary indexes, values long enough to overflow), run on SQLite (sqlite-jdbc) and
 * turso4j: every statement's rows or error, the counters and the tables' contents must be the
 * same. The same run on files must leave a file that sqlite3's integrity check passes and
 * whose contents sqlite3 reads as SQLite's own. Prints its seed; replay with
 * {@code -Dturso4j.seed=<seed>}.
 */
class WithoutRowidRandomTest {
    private static final String[] SCHEMA = {
        "CREATE TABLE w(a INT, b TEXT COLLATE NOCASE, c, d INT UNIQUE, PRIMARY KEY(a DESC, b)) WITHOUT ROWID",
        "CREATE INDEX wc ON w(c)",
        "CREATE TABLE s(k TEXT PRIMARY KEY ON CONFLICT REPLACE, v NOT NULL DEFAULT 0, big) WITHOUT ROWID",
        "CREATE INDEX sv ON s(v, k)",
    };
    private static final String[] CONTENTS = {"SELECT * FROM w ORDER BY a, b", "SELECT * FROM s ORDER BY k"};
    private static final String[] OR = {"", "", "", "OR IGNORE ", "OR REPLACE ", "OR ABORT ", "OR FAIL "};

    @TempDir
    Path dir;

    private static long seed() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("WithoutRowidRandomTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        return seed;
    }

    @Test
    void randomMixesMatchSqlite() throws Exception {
        long seed = seed();
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SCHEMA) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (String sql : script(new Random(seed), 400)) {
                String context = "seed " + seed + ": " + sql;
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), context);
                String counters = "SELECT changes(), total_changes(), last_insert_rowid()";
                assertEquals(oracle.sqlite(counters), oracle.turso(counters), "counters after " + context);
                for (String query : CONTENTS) {
                    assertEquals(oracle.sqlite(query), oracle.turso(query), query + " after " + context);
                }
            }
        }
    }

    @Test
    void randomRunOnFilePassesSqlite3IntegrityCheck() throws Exception {
        long seed = seed();
        Files.createDirectories(dir.resolve("files"));
        try (SqliteOracle oracle = new SqliteOracle(dir.resolve("files"))) {
            for (String sql : SCHEMA) {
                oracle.sqlite(sql);
                oracle.turso(sql);
            }
            for (String sql : script(new Random(seed), 500)) {
                oracle.sqlite(sql);
                oracle.turso(sql);
            }
            for (String query : CONTENTS) {
                assertEquals(oracle.sqlite(query), oracle.turso(query), "seed " + seed + ": " + query);
            }
        }
        Path ours = dir.resolve("files").resolve("turso.db");
        Path theirs = dir.resolve("files").resolve("sqlite.db");
        assertEquals("ok", TablesTest.sqlite3(ours, "PRAGMA integrity_check").strip(), "seed " + seed);
        String dump = "SELECT a, b, c, d FROM w ORDER BY a, b; SELECT k, v, length(big) FROM s ORDER BY k;"
                + " SELECT count(*) FROM w INDEXED BY wc WHERE c IS NOT NULL OR c IS NULL;";
        assertEquals(TablesTest.sqlite3(theirs, dump), TablesTest.sqlite3(ours, dump), "seed " + seed);
    }

    private static List<String> script(Random r, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(switch (r.nextInt(9)) {
                case 0, 1 -> insertW(r);
                case 2 -> "UPDATE " + pick(r, OR) + "w SET " + pick(r, new String[] {"a = a + 1", "b = upper(b)",
                        "c = " + value(r), "d = " + maybeNull(r), "a = " + small(r) + ", b = 'x'", "b = NULL"})
                        + " WHERE " + whereW(r) + returning(r);
                case 3 -> "DELETE FROM w WHERE " + whereW(r) + returning(r);
                case 4 -> "INSERT INTO w VALUES (" + small(r) + ", '" + pick(r, new String[] {"x", "X", "y"})
                        + "', " + value(r) + ", " + maybeNull(r) + ") ON CONFLICT(a, b) DO UPDATE SET c = excluded.c, d = "
                        + pick(r, new String[] {"d + 1", "excluded.d", "NULL"}) + returning(r);
                case 5 -> (r.nextInt(3) == 0 ? "REPLACE " : "INSERT " + pick(r, OR)) + "INTO s VALUES ('k"
                        + r.nextInt(9) + "', " + maybeNull(r) + ", " + big(r) + ")" + returning(r);
                case 6 -> "UPDATE " + pick(r, OR) + "s SET " + pick(r, new String[] {"k = 'k' || (v % 9)",
                        "v = v + 1", "big = " + big(r), "v = NULL"}) + " WHERE v > " + r.nextInt(6) + returning(r);
                case 7 -> "DELETE FROM s WHERE k " + pick(r, new String[] {"=", ">", "<"}) + " 'k" + r.nextInt(9)
                        + "'";
                default -> "INSERT INTO s VALUES ('k" + r.nextInt(9) + "', " + small(r)
                        + ", NULL) ON CONFLICT DO NOTHING";
            });
        }
        return out;
    }

    private static String insertW(Random r) {
        StringBuilder sql = new StringBuilder(r.nextInt(6) == 0 ? "REPLACE " : "INSERT " + pick(r, OR));
        sql.append("INTO w VALUES ");
        int rows = 1 + r.nextInt(3);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append('(').append(r.nextInt(8) == 0 ? "NULL" : small(r)).append(", '")
                    .append(pick(r, new String[] {"x", "X", "y", "z", "Yy"})).append("', ").append(value(r))
                    .append(", ").append(maybeNull(r)).append(')');
        }
        return sql + returning(r);
    }

    private static String whereW(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "a = " + small(r);
            case 1 -> "a = " + small(r) + " AND b = '" + pick(r, new String[] {"x", "Y", "z"}) + "'";
            case 2 -> "c > " + small(r);
            case 3 -> "d IS NULL OR d < " + small(r);
            default -> "a BETWEEN " + small(r) + " AND " + small(r);
        };
    }

    private static String value(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "NULL";
            case 1 -> "'t" + r.nextInt(5) + "'";
            case 2 -> r.nextInt(10) + ".5";
            default -> small(r);
        };
    }

    private static String big(Random r) {
        return r.nextBoolean() ? "NULL" : "printf('%.*c', " + (100 + r.nextInt(6000)) + ", 'q')";
    }

    private static String returning(Random r) {
        return r.nextInt(4) == 0 ? " RETURNING *" : "";
    }

    private static String small(Random r) {
        return String.valueOf(r.nextInt(10));
    }

    private static String maybeNull(Random r) {
        return r.nextInt(4) == 0 ? "NULL" : small(r);
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }
}
