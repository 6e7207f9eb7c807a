package io.turso4j.storage.btree;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.DatabaseOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows in the middle of a table grow until their leaf overflows, again and again: the leaf
 * and its siblings are then spread over the same pages, or one more, and their parent keeps
 * its cells where they lie (divider rowids rewritten in place, a new divider put where there
 * is room), as SQLite edits it, rather than being decoded and rebuilt. The file comes from
 * sqlite3, whose inserts in random order leave the parent's cells out of pointer order, so a
 * rebuild (which packs them in pointer order) would move them. The file must stay intact and
 * hold the rows sqlite3 holds after the same statements.
 */
class LeafRebalanceTest {
    @TempDir
    Path dir;

    private static final int PAGE_SIZE = 4096;
    private static final int ROWS = 1500;

    @Test
    void anOverflowingLeafIsBalancedWithoutRebuildingItsParent() throws Exception {
        Random random = new Random(Oracle.seed("LeafRebalanceTest"));
        List<Integer> order = new ArrayList<>(IntStream.rangeClosed(1, ROWS).boxed().toList());
        Collections.shuffle(order, random);
        StringBuilder setup = new StringBuilder("PRAGMA page_size = " + PAGE_SIZE
                + "; PRAGMA journal_mode = WAL; CREATE TABLE t(a INTEGER PRIMARY KEY, c); BEGIN;");
        for (int a : order) {
            setup.append("INSERT INTO t VALUES (").append(a).append(", printf('%.40c', 'x'));");
        }
        setup.append("COMMIT;");
        Path ours = dir.resolve("ours.db");
        Path theirs = dir.resolve("theirs.db");
        Oracle.sqlite3(ours, setup.toString());
        Files.copy(ours, theirs);
        int root = Integer.parseInt(Oracle.sqlite3(ours, "SELECT rootpage FROM sqlite_schema WHERE name = 't';").get(0));
        List<Integer> cells = cellPointers(ours, root);
        List<Integer> packed = new ArrayList<>(cells);
        packed.sort(Comparator.reverseOrder());
        assertNotEquals(packed, cells, "sqlite3 left the root's cells in pointer order: the test proves nothing");

        StringBuilder all = new StringBuilder();
        int changed = 0;
        for (int r = 0; r < 40; r++) {
            String sql = "UPDATE t SET c = c || printf('%.300c', 'y') WHERE a = " + (ROWS / 3 + random.nextInt(ROWS / 3))
                    + ";";
            all.append(sql);
            try (Database db = Database.open(ours.toString(), DatabaseOptions.defaults().withIo("nio"));
                 Connection c = db.connect()) {
                c.execute(sql);
            }
            Oracle.sqlite3(ours, "PRAGMA wal_checkpoint(TRUNCATE);");
            List<Integer> after = cellPointers(ours, root);
            assertTrue(inPlace(cells, after), "round " + r + ": the root's cells moved: " + cells + " -> " + after);
            changed += after.size() != cells.size() ? 1 : 0;
            cells = after;
        }
        assertTrue(changed > 0, "no balance changed the number of leaves");
        assertEquals(List.of("ok"), Oracle.sqlite3(ours, "PRAGMA integrity_check;"));
        Oracle.sqlite3(theirs, all.toString());
        String digest = "SELECT count(*), sum(length(c)), group_concat(length(c)) FROM t;";
        assertEquals(Oracle.sqlite3(theirs, digest), Oracle.sqlite3(ours, digest));
    }

    /**
     * Whether the pointers {@code after} are {@code before} in the same order, but for at most
     * one inserted or removed: every cell that stayed kept its offset and its place.
     */
    private static boolean inPlace(List<Integer> before, List<Integer> after) {
        List<Integer> longer = before.size() >= after.size() ? before : after;
        List<Integer> shorter = longer == before ? after : before;
        if (longer.size() - shorter.size() > 1) {
            return false;
        }
        for (int skip = 0; skip <= longer.size(); skip++) {
            List<Integer> rest = new ArrayList<>(longer);
            if (skip < longer.size() && longer.size() > shorter.size()) {
                rest.remove(skip);
            }
            if (rest.equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    /** The cell pointers of interior table page {@code page} of the file {@code db}, in order. */
    private static List<Integer> cellPointers(Path db, int page) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(db));
        int at = (page - 1) * PAGE_SIZE;
        assertEquals(5, b.get(at), "page " + page + " is not an interior table page");
        int count = Short.toUnsignedInt(b.getShort(at + 3));
        List<Integer> pointers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pointers.add(Short.toUnsignedInt(b.getShort(at + 12 + 2 * i)));
        }
        return pointers;
    }
}
