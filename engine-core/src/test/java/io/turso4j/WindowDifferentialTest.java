package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Window functions on SQLite 3.54 (sqlite-jdbc) and on turso4j: built-ins, aggregates over
 * ROWS/RANGE/GROUPS frames with EXCLUDE and FILTER, named windows, and the errors. The random
 * test prints its seed; {@code -Dturso4j.seed=N} replays it ({@code random} draws a new one);
 * {@code -Dturso4j.show=N} shows N of the mismatching queries instead of 4.
 */
class WindowDifferentialTest {
    private static final String[] SETUP = {
        "CREATE TABLE t(a INTEGER, b TEXT, c)",
        "INSERT INTO t VALUES(1,'x',10),(2,'y',20),(3,'x',30),(4,'y',NULL),(5,'x',50),(6,'z',60),(7,'y',20),(8,'x',30)",
    };

    @Test
    void builtinsFramesAndErrors() throws SQLException {
        try (SqliteOracle oracle = new SqliteOracle()) {
            for (String sql : SETUP) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
            for (String sql : List.of(
                    "SELECT a, row_number() OVER (ORDER BY a DESC) FROM t",
                    "SELECT a, rank() OVER w, dense_rank() OVER w, percent_rank() OVER w, cume_dist() OVER w, ntile(3) OVER w"
                            + " FROM t WINDOW w AS (ORDER BY c) ORDER BY a",
                    "SELECT a, lag(c, 2) OVER (PARTITION BY b ORDER BY a), lead(c, 1, 'none') OVER (PARTITION BY b ORDER BY a) FROM t ORDER BY a",
                    "SELECT a, first_value(a) OVER w, last_value(a) OVER w, nth_value(a, 3) OVER w FROM t"
                            + " WINDOW w AS (ORDER BY c ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING EXCLUDE GROUP) ORDER BY a",
                    "SELECT a, sum(a) OVER (ORDER BY c GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES) FROM t ORDER BY a",
                    "SELECT a, avg(a) OVER (ORDER BY a RANGE BETWEEN 1.5 PRECEDING AND 2 FOLLOWING) FROM t ORDER BY a",
                    "SELECT a, count(*) FILTER (WHERE c > 15) OVER (PARTITION BY b) FROM t ORDER BY a",
                    "SELECT b, count(*), sum(sum(a)) OVER (ORDER BY b) FROM t GROUP BY b",
                    "SELECT a FROM t ORDER BY row_number() OVER (ORDER BY c DESC, a)",
                    "SELECT ntile(0) OVER () FROM t", "SELECT nth_value(a, 0) OVER () FROM t",
                    "SELECT sum(a) OVER (ROWS -1 PRECEDING) FROM t",
                    "SELECT sum(a) OVER (RANGE 1 PRECEDING) FROM t",
                    "SELECT a FROM t WHERE rank() OVER () = 1", "SELECT rank() FROM t", "SELECT rank(1) OVER () FROM t",
                    "SELECT abs(a) OVER () FROM t", "SELECT nosuch(a) OVER () FROM t", "SELECT sum(a) OVER w FROM t",
                    "SELECT count(DISTINCT a) OVER () FROM t",
                    "SELECT sum(a) OVER (w ORDER BY a) FROM t WINDOW w AS (PARTITION BY b) ORDER BY a")) {
                assertEquals(oracle.sqlite(sql), oracle.turso(sql), sql);
            }
        }
    }

    /**
     * Sliding frames keep SQLite's accumulator quirks: sum() stays REAL once a REAL came in
     * (but not with an EXCLUDE clause, even NO OTHERS, where each frame is computed afresh),
     * group_concat() cuts bytes off the front, min()/max() keep the newest of equal values,
     * integer overflow, and RANGE offsets with NULL keys sorted first or last.
     */
    @Test
    void slidingFramesKeepSqliteQuirks() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE s(k INTEGER PRIMARY KEY, v, t)",
            "INSERT INTO s VALUES(1,1,''),(2,2.5,''),(3,3,'a'),(4,1.0,''),(5,5,NULL),(6,1,''),(7,NULL,'bc'),(8,NULL,'d')",
            "CREATE TABLE o(k INTEGER PRIMARY KEY, v)",
            "INSERT INTO o VALUES(1,-1),(2,9223372036854775807),(3,1),(4,-5)",
        },
            "SELECT k, sum(v) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM s",
            "SELECT k, sum(v) OVER (ORDER BY k ROWS BETWEEN CURRENT ROW AND CURRENT ROW) FROM s",
            "SELECT k, sum(v) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE NO OTHERS) FROM s",
            "SELECT k, avg(v) OVER w, total(v) OVER w FROM s WINDOW w AS (ORDER BY k ROWS BETWEEN 2 FOLLOWING AND 3 FOLLOWING)",
            "SELECT k, group_concat(t) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM s",
            "SELECT k, group_concat(t, k) OVER (ORDER BY k ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM s",
            "SELECT k, max(v) OVER (ORDER BY k ROWS BETWEEN 2 PRECEDING AND CURRENT ROW),"
                    + " min(v) OVER (ORDER BY k ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM s",
            "SELECT k, max(v) OVER (ORDER BY k ROWS BETWEEN 2 PRECEDING AND CURRENT ROW EXCLUDE NO OTHERS) FROM s",
            "SELECT k, sum(v) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM o",
            "SELECT k, sum(v) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING) FROM o",
            "SELECT k, sum(k) OVER (ORDER BY v NULLS LAST RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM s",
            "SELECT k, sum(k) OVER (ORDER BY v DESC RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) FROM s",
            "SELECT k, count(*) OVER (ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING EXCLUDE GROUP) FROM s",
            "SELECT k, sum(v) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND 2 PRECEDING) FROM s");
    }

    /**
     * first_value/last_value/nth_value pick their row by arithmetic on the frame's bounds and its
     * EXCLUDE runs; JSON group aggregates slide: a NULL label adds no member and takes none back
     * (SQLite 3.54; 3.40 wrote a bare {@code :value}), JSON values come out of the frame as text,
     * and long frames of escaped and non-ASCII text make the members' buffer grow and compact.
     */
    @Test
    void valueFunctionsAndJsonAggregatesSlide() throws SQLException {
        SqliteOracle.differential(new String[] {
            "CREATE TABLE s(k INTEGER PRIMARY KEY, a, b, g)",
            "INSERT INTO s VALUES(1,'x',1,1),(2,NULL,2,1),(3,'y',3,2),(4,'z',NULL,2),(5,NULL,5,2),(6,'q','a,\"b',3),"
                    + "(7,'r',json('[1,{\"a\":\"}\"}]'),4),(8,NULL,NULL,4),(9,'w\\x',2.5,5)",
            "CREATE TABLE big(k INTEGER PRIMARY KEY, v)",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
                    + " INSERT INTO big SELECT i, CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN i * 1.5"
                    + " WHEN 2 THEN printf('%.*c\u00e9\"%d', i % 37, 'x', i) ELSE i END FROM n",
        },
            "SELECT k, json_group_object(a, b) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM s",
            "SELECT k, json_group_object(a, b) OVER (ORDER BY k ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM s",
            "SELECT k, json_group_array(b) OVER (ORDER BY g GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM s",
            "SELECT k, jsonb_group_object(a, b) OVER (ORDER BY g RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM s",
            "SELECT k, json_group_array(b) FILTER (WHERE k % 2) OVER (ORDER BY k ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM s",
            "SELECT k, first_value(b) OVER w, last_value(b) OVER w, nth_value(b, 2) OVER w, nth_value(b, k) OVER w FROM s"
                    + " WINDOW w AS (ORDER BY g ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING EXCLUDE TIES)",
            "SELECT k, first_value(b) OVER w, last_value(b) OVER w, nth_value(b, 3) OVER w FROM s"
                    + " WINDOW w AS (ORDER BY g GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING EXCLUDE GROUP)",
            "SELECT k, last_value(a) OVER w, nth_value(a, 2) OVER w FROM s"
                    + " WINDOW w AS (ORDER BY k ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW)",
            "SELECT k, json_group_array(v) OVER (ORDER BY k ROWS BETWEEN 40 PRECEDING AND 3 FOLLOWING) FROM big",
            "SELECT k, json_group_object(v, k) OVER (ORDER BY k ROWS BETWEEN 2 FOLLOWING AND 70 FOLLOWING) FROM big",
            "SELECT k, nth_value(v, 7) OVER (ORDER BY k % 7 RANGE BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE TIES) FROM big");
    }

    @Test
    void randomWindowsMatchSqlite() throws SQLException {
        String property = System.getProperty("turso4j.seed", "11");
        long seed = property.equals("random") ? System.nanoTime() : Long.parseLong(property);
        System.out.println("WindowDifferentialTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random rnd = new Random(seed);
        List<String> mismatches = new ArrayList<>();
        try (SqliteOracle oracle = new SqliteOracle()) {
            oracle.sqlite("CREATE TABLE r(k INTEGER PRIMARY KEY, p, v, w)");
            oracle.turso("CREATE TABLE r(k INTEGER PRIMARY KEY, p, v, w)");
            // w mixes integers, REALs (some inexact in binary), NULLs and text, so sum()'s REAL
            // flag, its compensated rounding and group_concat()'s inverse are exercised.
            String[] mixed = {"NULL", "0.1", "2.5", "-1.75", "1e15", "0.3", "''", "'ab'", "'x'", "4611686018427387904",
                "'a,\"b'", "'[1,{'", "'c\\d'", "char(9, 34, 1)", "'}'"};
            for (int i = 0; i < 30; i++) {
                String w = rnd.nextInt(3) == 0 ? mixed[rnd.nextInt(mixed.length)] : String.valueOf(rnd.nextInt(10) - 3);
                String insert = "INSERT INTO r VALUES(" + i + ", " + rnd.nextInt(3) + ", "
                        + (rnd.nextInt(6) == 0 ? "NULL" : String.valueOf(rnd.nextInt(10))) + ", " + w + ")";
                oracle.sqlite(insert);
                oracle.turso(insert);
            }
            String[] functions = {"sum(v)", "count(v)", "count(*)", "min(v)", "max(v)", "avg(v)", "total(v)",
                "group_concat(v, '.')", "first_value(v)", "last_value(v)", "nth_value(v, 2)",
                "sum(w)", "avg(w)", "total(w)", "count(w)", "min(w)", "max(w)", "group_concat(w)",
                "group_concat(w, v)", "string_agg(w, '--')",
                "first_value(w)", "last_value(w)", "nth_value(w, 3)", "nth_value(w, k % 3 + 1)", "nth_value(v, 1)",
                "json_group_array(w)", "json_group_array(json_array(v, w))", "json_group_object(w, v)",
                "json_group_object(v, json_object('w', w))", "jsonb_group_array(w)", "jsonb_group_object(w, k)"};
            String[] bounds = {"UNBOUNDED PRECEDING", "2 PRECEDING", "CURRENT ROW", "1 FOLLOWING", "4 PRECEDING"};
            String[] ends = {"CURRENT ROW", "1 FOLLOWING", "UNBOUNDED FOLLOWING", "3 FOLLOWING", "1 PRECEDING"};
            // Frames without EXCLUDE slide (rows added and taken back), so they come up more often.
            String[] excludes = {"", "", "", " EXCLUDE CURRENT ROW", " EXCLUDE GROUP", " EXCLUDE TIES", " EXCLUDE NO OTHERS"};
            String[] nulls = {"", "", " NULLS FIRST", " NULLS LAST"};
            for (int i = 0; i < 400; i++) {
                String units = List.of("ROWS", "GROUPS", "RANGE").get(rnd.nextInt(3));
                int s = rnd.nextInt(bounds.length);
                int e = rnd.nextInt(ends.length);
                if (s == 3 && (e == 0 || e == 4) || s == 2 && e == 4) {
                    e = 1; // a frame may not end before CURRENT ROW when it starts at or after it
                }
                String frame = rnd.nextInt(4) == 0 ? "" : " " + units + " BETWEEN " + bounds[s] + " AND " + ends[e]
                        + excludes[rnd.nextInt(excludes.length)];
                String partition = rnd.nextBoolean() ? "PARTITION BY p " : "";
                String order = "ORDER BY v" + (rnd.nextBoolean() ? " DESC" : "") + nulls[rnd.nextInt(nulls.length)]
                        + (frame.isEmpty() || rnd.nextBoolean() ? ", k" : "");
                if (frame.contains("RANGE") && order.contains(",") && frame.matches(".*\\d (PRECEDING|FOLLOWING).*")) {
                    order = order.replace(", k", "");
                }
                String f = functions[rnd.nextInt(functions.length)];
                String filter = (f.startsWith("sum") || f.startsWith("max") || f.startsWith("group") || f.startsWith("json"))
                        && rnd.nextBoolean() ? " FILTER (WHERE k % 2 = 0)" : "";
                String sql = "SELECT k, " + f + filter + " OVER (" + partition + order + frame + ") FROM r ORDER BY k";
                String expected = oracle.sqlite(sql);
                String actual = oracle.turso(sql);
                if (!expected.equals(actual)) {
                    mismatches.add(sql + "\n    sqlite:  " + expected + "\n    turso4j: " + actual);
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches (seed " + seed + "), first:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(Integer.getInteger("turso4j.show", 4), mismatches.size()))));
        }
    }
}
