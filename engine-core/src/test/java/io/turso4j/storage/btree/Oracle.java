package io.turso4j.storage.btree;

import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.Sqlite3;
import io.turso4j.storage.format.TestSeed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Test plumbing for the B-tree tests: the sqlite3 command as oracle, seeds that print and
 * replay ({@code -Dturso4j.seed=N}), and retrying an operation while it reports pending I/O.
 */
final class Oracle {

    private Oracle() {}

    static long seed(String test) {
        return TestSeed.seed(test);
    }

    /** Runs {@code op} until it stops throwing {@link IoPending} (the test pager's reads are instant). */
    static <T> T retry(Supplier<T> op) {
        for (int i = 0; ; i++) {
            try {
                return op.get();
            } catch (IoPending pending) {
                if (!pending.completion().isDone() || i > 10_000) {
                    throw new AssertionError("pending I/O that never completes", pending);
                }
            }
        }
    }

    static void retryRun(Runnable op) {
        retry(() -> {
            op.run();
            return null;
        });
    }

    /**
     * Writes a database image for sqlite3, first setting the header's page count the way a
     * committing pager would (the test pager leaves it alone).
     */
    static Path writeImage(Path dir, String name, byte[] image) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(image);
        int pageSize = Short.toUnsignedInt(b.getShort(DatabaseHeader.PAGE_SIZE_OFFSET));
        pageSize = pageSize == 1 ? 65536 : pageSize;
        b.putInt(DatabaseHeader.DATABASE_SIZE_OFFSET, image.length / pageSize);
        b.putInt(DatabaseHeader.VERSION_VALID_FOR_OFFSET, b.getInt(DatabaseHeader.CHANGE_COUNTER_OFFSET));
        Path file = dir.resolve(name);
        Files.write(file, image);
        return file;
    }

    /** Runs {@code script} against {@code db} with sqlite3; returns its output lines. */
    static List<String> sqlite3(Path db, String script) throws IOException, InterruptedException {
        return Sqlite3.run(db, ".mode list\n.separator |\n" + script + "\n").lines().toList();
    }
}
