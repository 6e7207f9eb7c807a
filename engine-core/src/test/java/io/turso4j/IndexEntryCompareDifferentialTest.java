package io.turso4j;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VM's tests of an index cursor's current entry against a key in registers (a range scan's
 * IdxGE/IdxGT/IdxLE/IdxLT end test; the equality check after the seek of an IN lookup, a
 * Found/NoConflict, an IdxDelete), and the seeks before them, on turso4j and SQLite: random ranges, IN lists and IN subqueries over indexes with DESC columns, NOCASE
 * and RTRIM collations, multi-column prefixes, values of every storage class that compare
 * across classes (1, 1.0, '1', x'31'), and text and blobs long enough to spill to overflow
 * pages; then UPDATE and DELETE through such ranges, which change the index the statement scans,
 * and INSERT OR IGNORE into UNIQUE indexes under the same collations. Rows and tables must end
 * up as SQLite's. Prints its seed; replay with {@code -Dturso4j.seed=N}. And an index entry that
 * an in-place compare must leave to decoding, a REAL stored as NaN (which reads as NULL), in a
 * file SQLite wrote and the test then changed.
 */
class IndexEntryCompareDifferentialTest {
    /** Past an index page's max-local (1002 bytes at 4096): the entry spills to overflow pages. */
    private static final String LONG = "x".repeat(1500);

    private static final String[] SCHEMA = {
        "CREATE TABLE t(a, b, c)",
        "CREATE INDEX ta ON t(a DESC, b COLLATE NOCASE)",
        "CREATE INDEX tb ON t(b COLLATE RTRIM, c DESC)",
        "CREATE INDEX tc ON t(c, a, b)",
        "CREATE TABLE u(k INTEGER PRIMARY KEY, x, y)",
        "CREATE UNIQUE INDEX uxy ON u(x COLLATE NOCASE, y DESC)",
        "CREATE TABLE w(p, q, r, PRIMARY KEY(p DESC, q COLLATE RTRIM)) WITHOUT ROWID",
    };

    private static final String[] VALUES = {
        "NULL", "0", "1", "1.0", "'1'", "'1.0'", "x'31'", "2", "2.5", "-1", "-0.5", "1e300",
        "9223372036854775807", "9.2233720368547758e18", "'a'", "'A'", "'a '", "'A  '", "'b'", "'B '", "''",
        "x''", "x'00'", "x'61'", "'" + LONG + "a'", "'" + LONG.toUpperCase() + "A'", "'" + LONG + "a  '",
        "'" + LONG + "b'", "'" + LONG + "'", "x'" + "61".repeat(1200) + "'", "x'" + "61".repeat(1200) + "00'",
    };

    private static final String[] TABLES = {"t", "u", "w"};
    private static final String[][] COLUMNS = {{"a", "b", "c"}, {"x", "y"}, {"p", "q", "r"}};
    /** Each table's rows in a total order, to compare it whole after a change. */
    private static final String[] ROW_ORDER = {"rowid", "k", "p DESC, q COLLATE RTRIM"};
    /**
     * Per table, its indexes: each the column terms of its fields, under the index's collation
     * (else the index could not serve them), and the order the index keeps, its key made whole.
     */
    private static final String[][][] INDEXES = {
        {{"a", "b COLLATE NOCASE"}, {"a DESC", "b COLLATE NOCASE", "rowid"}},
        {{"b COLLATE RTRIM", "c"}, {"b COLLATE RTRIM", "c DESC", "rowid"}},
        {{"c", "a", "b"}, {"c", "a", "b", "rowid"}},
        {{"x COLLATE NOCASE", "y"}, {"x COLLATE NOCASE", "y DESC", "k"}},
        {{"p", "q COLLATE RTRIM"}, {"p DESC", "q COLLATE RTRIM"}},
    };
    /** Which of {@link #INDEXES} belong to each table. */
    private static final int[][] TABLE_INDEXES = {{0, 1, 2}, {3}, {4}};

    @Test
    void entryComparesMatchSqlite() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("IndexEntryCompareDifferentialTest seed: " + seed);
        Random random = new Random(seed);
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SCHEMA) {
                same(oracle, seed, sql);
            }
            for (int i = 0; i < 80; i++) {
                same(oracle, seed, "INSERT INTO t VALUES (" + v(random) + ", " + v(random) + ", " + v(random) + ")");
                same(oracle, seed, "INSERT OR IGNORE INTO u(x, y) VALUES (" + v(random) + ", " + v(random) + ")");
                same(oracle, seed, "INSERT OR IGNORE INTO w VALUES (" + v(random) + ", " + v(random) + ", "
                        + v(random) + ")");
            }
            for (int i = 0; i < 1500; i++) {
                int t = random.nextInt(TABLES.length);
                int[] own = TABLE_INDEXES[t];
                String[][] index = INDEXES[own[random.nextInt(own.length)]];
                String where = where(random, index[0]);
                switch (random.nextInt(12)) {
                    case 0 -> change(oracle, seed, t, "DELETE FROM " + TABLES[t] + " WHERE " + where);
                    case 1 -> change(oracle, seed, t, "UPDATE OR IGNORE " + TABLES[t] + " SET "
                            + COLUMNS[t][random.nextInt(COLUMNS[t].length)] + " = " + v(random) + " WHERE " + where);
                    default -> same(oracle, seed, "SELECT " + String.join(", ", COLUMNS[t]) + " FROM " + TABLES[t]
                            + " WHERE " + where + " ORDER BY " + orderBy(index[1], random.nextBoolean()));
                }
            }
        }
    }

    /**
     * A NaN in an index entry, where no SQLite writes one: it reads as NULL, as in SQLite, in
     * the seeks' compares and the range ends' alike. A forward range past it must not stop
     * there; a backward one stops there as at the NULLs.
     */
    @Test
    void entriesTheCursorLeavesToTheVmMatchSqlite(@TempDir Path dir) throws SQLException, IOException {
        Path file = dir.resolve("sqlite.db");
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(a REAL, b)");
            s.execute("CREATE INDEX tab ON t(a, b)");
            s.execute("CREATE INDEX tba ON t(b DESC, a)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
                    + " INSERT INTO t SELECT i * 1.5, i % 3 FROM n");
            s.execute("INSERT INTO t VALUES (" + MARKER + ", 1)");
        }
        byte[] bytes = Files.readAllBytes(file);
        byte[] marker = ByteBuffer.allocate(8).putDouble(MARKER).array();
        byte[] nan = ByteBuffer.allocate(8).putLong(0x7ff8000000000000L).array();
        int replaced = 0;
        for (int i = 0; i + 8 <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + 8, marker, 0, 8)) {
                System.arraycopy(nan, 0, bytes, i, 8);
                replaced++;
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(3, replaced, "the row's and its two index entries' REAL");
        Files.write(file, bytes);
        Files.copy(file, dir.resolve("turso.db"));
        try (SqliteOracle oracle = new SqliteOracle(dir)) {
            for (String sql : new String[] {
                "SELECT a, b FROM t WHERE a < 100 ORDER BY a, b",
                "SELECT a, b FROM t WHERE a <= 100 ORDER BY a DESC, b DESC",
                "SELECT a, b FROM t WHERE a > 1 AND a < 100 ORDER BY a, b",
                "SELECT a, b FROM t WHERE a BETWEEN 1 AND 100 ORDER BY a DESC, b DESC",
                "SELECT a, b FROM t WHERE b = 1 AND a < 100 ORDER BY a",
                "SELECT a, b FROM t WHERE b = 1 AND a > 1 ORDER BY a DESC",
                "SELECT a, b FROM t WHERE b IN (1, 2) AND a < 30 ORDER BY b DESC, a",
            }) {
                same(oracle, 0, sql);
            }
        }
    }

    /** A REAL between the rows' values, in the middle of the indexes' ranges: the one made NaN. */
    private static final double MARKER = 24.125;

    private static void same(SqliteOracle oracle, long seed, String sql) {
        String expected = oracle.sqlite(sql);
        String actual = oracle.turso(sql);
        if (!expected.equals(actual)) {
            fail("seed " + seed + ": " + sql + "\nsqlite: " + expected + "\nturso4j: " + actual);
        }
    }

    /** Runs {@code sql} on both, then compares table {@code t} whole. */
    private static void change(SqliteOracle oracle, long seed, int t, String sql) {
        same(oracle, seed, sql);
        same(oracle, seed, "SELECT " + String.join(", ", COLUMNS[t]) + " FROM " + TABLES[t] + " ORDER BY "
                + ROW_ORDER[t]);
    }

    private static String v(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    /** Terms on a prefix of an index's fields: equalities, then a range or an IN on the next one. */
    private static String where(Random random, String[] fields) {
        List<String> terms = new ArrayList<>();
        int equal = random.nextInt(fields.length);
        for (int i = 0; i < equal; i++) {
            terms.add(fields[i] + " = " + v(random));
        }
        String c = fields[equal];
        terms.add(switch (random.nextInt(10)) {
            case 0 -> c + " > " + v(random);
            case 1 -> c + " >= " + v(random);
            case 2 -> c + " < " + v(random);
            case 3 -> c + " <= " + v(random);
            case 4, 5 -> c + " BETWEEN " + v(random) + " AND " + v(random);
            case 6, 7 -> c + " IN (" + v(random) + ", " + v(random) + ", " + v(random) + ")";
            case 8 -> c + " IN (SELECT " + COLUMNS[0][random.nextInt(3)] + " FROM t WHERE rowid % 3 = "
                    + random.nextInt(3) + ")";
            default -> c + " = " + v(random);
        });
        return String.join(" AND ", terms);
    }

    /** The index's own order (a loop along it needs no sort), or its reverse: total, as the key is whole. */
    private static String orderBy(String[] order, boolean reverse) {
        List<String> terms = new ArrayList<>();
        for (String o : order) {
            boolean desc = o.endsWith(" DESC");
            String c = desc ? o.substring(0, o.length() - 5) : o;
            terms.add(desc != reverse ? c + " DESC" : c);
        }
        return String.join(", ", terms);
    }
}
