package io.turso4j;

import io.turso4j.storage.format.TestSeed;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scan's shortcuts against SQLite: Column's in-line read of a short integer (and every case
 * it hands on: NULL rows, deferred seeks, defaults after ADD COLUMN, non-integers, records whose
 * header size takes two bytes, integers in the last bytes of a record) and the comparisons'
 * integer-against-integer test, over values at the edges of each integer width. The random
 * part prints its seed; replay with {@code -Dturso4j.seed=N}.
 */
class ScanColumnDifferentialTest {
    /** Integers at both ends of every serial type's width, and 0 and 1 (types ZERO and ONE). */
    private static final long[] EDGES = {0, 1, -1, 2, 127, -128, 128, 32767, -32768, 32768, 8388607, -8388608,
            8388608, 2147483647L, -2147483648L, 2147483648L, 140737488355327L, -140737488355328L,
            140737488355328L, Long.MAX_VALUE, Long.MIN_VALUE};

    @Test
    void integerColumnsOfEveryWidth() throws SQLException {
        List<String> script = new ArrayList<>();
        script.add("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b TEXT, c INTEGER)");
        script.add("CREATE INDEX tc ON t(c)");
        int id = 1;
        for (long v : EDGES) {
            // c last: its value ends the record, so the read meets the array's last bytes
            script.add("INSERT INTO t VALUES (" + id++ + ", " + v + ", 'x', " + v + ")");
            script.add("INSERT INTO t VALUES (" + id++ + ", 'text', " + v + ", " + v + ")");
        }
        script.add("INSERT INTO t VALUES (" + id++ + ", NULL, NULL, NULL)");
        script.add("INSERT INTO t VALUES (" + id++ + ", 2.5, x'01', 1.5)");
        script.add("SELECT id, a, b, c, typeof(a), typeof(c) FROM t");
        script.add("SELECT sum(c), count(*), min(a), max(c) FROM t");
        script.add("SELECT c FROM t NOT INDEXED ORDER BY id");
        script.add("SELECT c, id FROM t INDEXED BY tc ORDER BY c, id");
        script.add("SELECT count(*) FROM t INDEXED BY tc WHERE c > 5");
        // a deferred seek: the index finds the row, the table's columns are read after it
        script.add("SELECT a, b FROM t INDEXED BY tc WHERE c >= 128 ORDER BY c, id");
        // NULL rows: an outer join's unmatched side reads as NULL through Column
        script.add("SELECT t.id, u.c FROM t LEFT JOIN t AS u ON u.id = t.id + 1000 ORDER BY t.id");
        // a default for rows written before the column was added
        script.add("ALTER TABLE t ADD COLUMN d INTEGER DEFAULT 42");
        script.add("INSERT INTO t(id, a, c, d) VALUES (1000, 1, 2, 3)");
        script.add("SELECT id, d, d + c FROM t ORDER BY id");
        SqliteOracle.differential(script.toArray(String[]::new));
    }

    @Test
    void recordsWithALongHeader() throws SQLException {
        // 140 columns: the header size is a two-byte varint, which the in-line path hands on
        StringBuilder create = new StringBuilder("CREATE TABLE w(k INTEGER PRIMARY KEY");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 140; i++) {
            create.append(", c").append(i);
            values.append(i == 0 ? "" : ", ").append(i % 7 == 0 ? "NULL" : String.valueOf((long) i * i * 1000 - 7));
        }
        SqliteOracle.differential(
                create.append(")").toString(),
                "INSERT INTO w VALUES (1, " + values + ")",
                "INSERT INTO w(k, c0, c139) VALUES (2, 5, 6)",
                "SELECT k, c0, c1, c64, c138, c139 FROM w ORDER BY k",
                "SELECT sum(c139), sum(c1) FROM w");
    }

    @Test
    void integerComparisons() throws SQLException {
        List<String> script = new ArrayList<>();
        script.add("CREATE TABLE v(x, y INTEGER, z TEXT)");
        for (long a : EDGES) {
            script.add("INSERT INTO v VALUES (" + a + ", " + a + ", '" + a + "')");
        }
        script.add("INSERT INTO v VALUES (NULL, NULL, NULL), (2.5, 2.5, '2.5'), ('abc', 'abc', 'abc'), (x'00', 3, 3)");
        for (String op : new String[] {"=", "<>", "<", "<=", ">", ">=", "IS", "IS NOT"}) {
            for (String rhs : new String[] {"5", "-1", "0", "9223372036854775807", "-9223372036854775808", "2.5",
                    "'5'", "NULL", "y", "z"}) {
                script.add("SELECT count(*), group_concat(rowid) FROM v WHERE x " + op + " " + rhs);
                script.add("SELECT count(*), group_concat(rowid) FROM v WHERE y " + op + " " + rhs);
            }
        }
        SqliteOracle.differential(script.toArray(String[]::new));
    }

    @Test
    void randomIntegerComparisons() throws SQLException {
        long seed = TestSeed.seed("ScanColumnDifferentialTest.randomIntegerComparisons");
        Random random = new Random(seed);
        List<String> script = new ArrayList<>();
        script.add("CREATE TABLE r(p INTEGER, q)");
        for (int i = 0; i < 60; i++) {
            script.add("INSERT INTO r VALUES (" + value(random) + ", " + value(random) + ")");
        }
        String[] ops = {"=", "<>", "<", "<=", ">", ">="};
        for (int i = 0; i < 60; i++) {
            String op = ops[random.nextInt(ops.length)];
            String rhs = random.nextBoolean() ? "q" : String.valueOf(value(random));
            script.add("SELECT count(*), sum(p), group_concat(rowid) FROM r WHERE p " + op + " " + rhs);
        }
        SqliteOracle.differential(script.toArray(String[]::new));
    }

    private static long value(Random random) {
        return random.nextInt(4) == 0 ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(21) - 10;
    }
}
