package io.turso4j.storage.btree;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A scan that steps along its leaf without re-reading it ({@link PagerCursor#next()}'s and
 * {@link PagerCursor#prev()}'s shortcut, reading a {@link LeafSnapshot}) must still see what its
 * own connection changes between two steps: in place on the leaf it stands on, undone by
 * ROLLBACK TO, or undone by ROLLBACK, and committed (the leaf is then clean again, but not what
 * the snapshot holds); on a table and on an index, forwards and backwards. And its copy must
 * stay its own while other statements' cursors copy leaves of the same tree (the copies' arrays
 * are reused from cursor to cursor). Compared with SQLite doing the same on the same statements.
 */
class ScanShortcutTest {
    @TempDir
    Path dir;

    private static final String[] SETUP = {
        "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)",
        "WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 2000) "
                + "INSERT INTO t SELECT x, 'row' || x FROM s",
        "CREATE INDEX tv ON t(v)",
        "CREATE TABLE u(id INTEGER PRIMARY KEY, v TEXT)",
    };
    private static final String TABLE_SCAN = "SELECT id, v FROM t NOT INDEXED";
    /** Covered by the index tv: a scan of the index alone. */
    private static final String INDEX_SCAN = "SELECT id, v FROM t INDEXED BY tv WHERE v > ''";
    private static final String TABLE_SCAN_DESC = "SELECT id, v FROM t NOT INDEXED ORDER BY id DESC";
    private static final String INDEX_SCAN_DESC = "SELECT id, v FROM t INDEXED BY tv WHERE v > '' ORDER BY v DESC";

    /**
     * Between step 10 and 11 of {@code query}, runs {@code between}; returns every row the scan
     * saw. Inside one transaction, or else each statement commits on its own.
     */
    private List<String> turso(String name, String query, boolean transaction, String[] between) {
        try (Database db = Database.open(dir.resolve(name + ".db").toString()); Connection c = db.connect()) {
            for (String s : SETUP) {
                c.execute(s);
            }
            if (transaction) {
                c.execute("BEGIN");
            }
            List<String> seen = new ArrayList<>();
            try (Statement scan = c.prepare(query)) {
                int step = 0;
                while (scan.next()) {
                    seen.add(scan.getLong(0) + "=" + scan.getText(1));
                    if (++step == 10) {
                        for (String s : between) {
                            c.execute(s);
                        }
                    }
                }
            }
            if (transaction) {
                c.execute("COMMIT");
            }
            return seen;
        }
    }

    private List<String> sqlite(String name, String query, boolean transaction, String[] between) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(name + "-sqlite.db");
        try (java.sql.Connection c = DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            for (String s : SETUP) {
                st.execute(s);
            }
            c.setAutoCommit(!transaction);
            List<String> seen = new ArrayList<>();
            try (PreparedStatement scan = c.prepareStatement(query); ResultSet rs = scan.executeQuery()) {
                int step = 0;
                while (rs.next()) {
                    seen.add(rs.getLong(1) + "=" + rs.getString(2));
                    if (++step == 10) {
                        for (String s : between) {
                            try (java.sql.Statement other = c.createStatement()) {
                                other.execute(s);
                            }
                        }
                    }
                }
            }
            if (transaction) {
                c.commit();
            }
            return seen;
        }
    }

    private void same(String name, String... between) throws Exception {
        sameOn(name, TABLE_SCAN, true, between);
    }

    private void sameOn(String name, String query, boolean transaction, String... between) throws Exception {
        List<String> expected = sqlite(name, query, transaction, between);
        assertEquals(expected, turso(name, query, transaction, between), name);
    }

    @Test
    void seesAnUpdateOnItsOwnLeaf() throws Exception {
        same("update", "UPDATE t SET v = 'changed' WHERE id BETWEEN 11 AND 15");
    }

    @Test
    void seesADeleteAheadOnItsOwnLeaf() throws Exception {
        same("delete", "DELETE FROM t WHERE id BETWEEN 12 AND 14");
    }

    @Test
    void seesChangesUndoneByRollbackTo() throws Exception {
        same("rollbackto", "SAVEPOINT s", "UPDATE t SET v = 'changed' WHERE id BETWEEN 11 AND 15",
                "ROLLBACK TO s", "RELEASE s");
    }

    @Test
    void seesAnUpdateCommittedMidScan() throws Exception {
        sameOn("committed", TABLE_SCAN, false, "UPDATE t SET v = 'changed' WHERE id BETWEEN 11 AND 15");
    }

    @Test
    void indexScanSeesAnUpdateOnItsOwnLeaf() throws Exception {
        sameOn("index-update", INDEX_SCAN, true, "UPDATE t SET v = 'row1008x' WHERE id = 1020");
    }

    @Test
    void indexScanSeesAnUpdateCommittedMidScan() throws Exception {
        sameOn("index-committed", INDEX_SCAN, false, "UPDATE t SET v = 'row1008x' WHERE id = 1020",
                "DELETE FROM t WHERE id = 1009");
    }

    @Test
    void backwardScanSeesAnUpdateOnItsOwnLeaf() throws Exception {
        sameOn("desc-update", TABLE_SCAN_DESC, true, "UPDATE t SET v = 'changed' WHERE id BETWEEN 1985 AND 1989");
    }

    @Test
    void backwardScanSeesADeleteAheadOnItsOwnLeaf() throws Exception {
        sameOn("desc-delete", TABLE_SCAN_DESC, true, "DELETE FROM t WHERE id BETWEEN 1986 AND 1988");
    }

    @Test
    void backwardScanSeesChangesUndoneByRollbackTo() throws Exception {
        sameOn("desc-rollbackto", TABLE_SCAN_DESC, true, "SAVEPOINT s",
                "UPDATE t SET v = 'changed' WHERE id BETWEEN 1985 AND 1989", "ROLLBACK TO s", "RELEASE s");
    }

    @Test
    void backwardScanSeesAnUpdateCommittedMidScan() throws Exception {
        sameOn("desc-committed", TABLE_SCAN_DESC, false, "UPDATE t SET v = 'changed' WHERE id BETWEEN 1985 AND 1989");
    }

    @Test
    void backwardIndexScanSeesChangesOnItsOwnLeaf() throws Exception {
        sameOn("desc-index-update", INDEX_SCAN_DESC, true, "UPDATE t SET v = 'row987x' WHERE id = 985",
                "DELETE FROM t WHERE id = 984");
    }

    /** Statements that copy leaves of t (forwards and backwards) and close, while the scan stands on its copy. */
    private static final String[] OTHER_SCANS = {
        "INSERT INTO u SELECT id, v FROM t NOT INDEXED WHERE id % 3 = 0",
        "INSERT INTO u SELECT id + 10000, v FROM t NOT INDEXED ORDER BY id DESC",
        "INSERT INTO u SELECT id + 20000, v FROM t INDEXED BY tv WHERE v > '' ORDER BY v DESC",
    };

    @Test
    void scanKeepsItsCopyWhileOtherCursorsCopyTheSameLeaves() throws Exception {
        sameOn("others", TABLE_SCAN, true, OTHER_SCANS);
        sameOn("others-desc", TABLE_SCAN_DESC, false, OTHER_SCANS);
        sameOn("others-index", INDEX_SCAN, true, OTHER_SCANS);
        sameOn("others-index-desc", INDEX_SCAN_DESC, false, OTHER_SCANS);
    }
}
