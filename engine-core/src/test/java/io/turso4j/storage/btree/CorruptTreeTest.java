package io.turso4j.storage.btree;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.storage.pager.ArrayPager;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged databases: bytes of a file sqlite3 wrote are overwritten at random, then every tree
 * is scanned and changed. Whatever happens must end quickly, either normally or with a
 * {@link CorruptDatabaseException}; any other exception is a bug (a check missing before a
 * pointer is followed).
 */
class CorruptTreeTest {
    @TempDir
    Path dir;

    @Test
    void damagedPagesGiveCorruptionErrorsNotCrashesOrHangs() throws Exception {
        Random random = new Random(Oracle.seed("CorruptTreeTest"));
        Path db = dir.resolve("fuzz.db");
        Oracle.sqlite3(db, SqliteFilesTest.script(512, 1, 0));
        byte[] clean = Files.readAllBytes(db);
        int[] roots = {1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        IndexKeyComparator one = new IndexKeyComparator(new Collation[] {null}, new boolean[] {false});
        int[] corruptions = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 150; round++) {
                byte[] image = clean.clone();
                for (int hits = 1 + random.nextInt(8); hits > 0; hits--) {
                    int at = 100 + random.nextInt(image.length - 100);
                    image[at] = random.nextInt(3) == 0 ? 0 : (byte) random.nextInt(256);
                }
                ArrayPager pager = ArrayPager.of(image);
                PagerBTree tree = new PagerBTree(pager);
                pager.beginRead();
                pager.beginWrite();
                for (int root : roots) {
                    try (BTreeCursor c = random.nextBoolean() ? tree.openTable(root, true) : tree.openIndex(root, one, true)) {
                        for (boolean ok = c.first(); ok; ok = c.next()) {
                            c.record().columnCount();
                        }
                        for (int n = 0; n < 20; n++) {
                            try {
                                c.insert(random.nextInt(500), new RecordWriter().addLong(n).addBlob(new byte[random.nextInt(900)]).toByteArray());
                            } catch (IllegalStateException indexCursor) {
                                c.insert(new RecordWriter().addLong(n).addLong(random.nextInt(500)).toByteArray());
                            }
                        }
                        if (c.last()) {
                            c.delete();
                        }
                        tree.drop(root == 1 ? 2 : root);
                    } catch (CorruptDatabaseException expected) {
                        corruptions[0]++;
                    }
                }
                pager.rollback();
                pager.endRead();
            }
        });
        assertTrue(corruptions[0] > 20, "damage was noticed: " + corruptions[0]);
    }
}
