package io.turso4j.storage.btree;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cursors on one tree that are open at once each read their own leaf copy ({@link LeafSnapshot}),
 * though the copies' arrays pass from cursor to cursor through the tree ({@link
 * PagerBTree#leafCopy}): a table joined with itself, scanned both ways, and a correlated
 * subquery whose cursor opens and closes once per outer row while the outer scan stands on its
 * copy. Compared with SQLite on the same statements.
 */
class LeafCopyReuseTest {
    @TempDir
    Path dir;

    private static final String[] SETUP = {
        "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT, n INTEGER)",
        "WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 3000) "
                + "INSERT INTO t SELECT x, 'row' || x || substr('..........', 1, x % 10), (x * 37) % 101 FROM s",
        "CREATE INDEX tv ON t(v)",
    };

    private static final String[] QUERIES = {
        "SELECT a.id, b.id, b.v FROM t AS a NOT INDEXED, t AS b NOT INDEXED"
                + " WHERE a.n = 7 AND b.n = a.n + 1 AND b.id % 5 = 0",
        "SELECT a.id, b.id FROM t AS a NOT INDEXED, t AS b NOT INDEXED"
                + " WHERE a.id % 400 = 1 AND b.n = a.id % 101 ORDER BY a.id DESC, b.id DESC",
        "SELECT a.id, (SELECT max(b.id) FROM t AS b NOT INDEXED WHERE b.id < a.id AND b.n = a.n)"
                + " FROM t AS a NOT INDEXED WHERE a.id % 97 = 3",
        "SELECT a.v, (SELECT count(*) FROM t AS b INDEXED BY tv WHERE b.v > a.v AND b.n < 3)"
                + " FROM t AS a INDEXED BY tv WHERE a.v > 'row2' AND a.n = 5 ORDER BY a.v DESC",
    };

    @Test
    void cursorsOpenAtOnceReadTheirOwnCopies() throws Exception {
        List<List<String>> expected = new ArrayList<>();
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sqlite.db"));
                java.sql.Statement st = c.createStatement()) {
            for (String s : SETUP) {
                st.execute(s);
            }
            for (String q : QUERIES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                expected.add(rows);
            }
        }
        try (Database db = Database.open(dir.resolve("turso.db").toString()); Connection c = db.connect()) {
            for (String s : SETUP) {
                c.execute(s);
            }
            for (int q = 0; q < QUERIES.length; q++) {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.prepare(QUERIES[q])) {
                    while (s.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 0; i < s.columnCount(); i++) {
                            row.append(s.getText(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                assertEquals(expected.get(q), rows, QUERIES[q]);
            }
        }
    }
}
