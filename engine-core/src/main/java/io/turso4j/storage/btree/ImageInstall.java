package io.turso4j.storage.btree;

import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;

import java.lang.foreign.MemorySegment;

/**
 * In-place VACUUM's second half: makes a {@link CompactImage} the content of the main database,
 * inside the connection's write transaction. Every page 1..N of the image is written over the
 * database's page of the same number (so in WAL mode all of them go to the WAL at commit, as a
 * normal write transaction), and the database is truncated to N pages.
 *
 * <p>Page 1 keeps the database's own bytes 0..31 (format, page size, journal versions, change
 * counter, size) and 92..99 (version-valid-for, SQLite version), which the pager maintains;
 * the rest of the header, and the b-tree page, come from the image.
 *
 * <p>Resumable: {@link #run} copies page by page and remembers the next page, so a read of the
 * database's old page that throws {@link IoPending} resumes there. Not thread-safe.
 */
public final class ImageInstall {
    /** Pages read ahead of the copy, so their reads overlap. */
    private static final int READ_AHEAD = 64;
    private static final int KEPT_HEAD = DatabaseHeader.FIRST_FREELIST_TRUNK_OFFSET;
    private static final int KEPT_TAIL = DatabaseHeader.VERSION_VALID_FOR_OFFSET;

    private final Pager main;
    private final CompactImage image;
    private int next = 1;
    private int prefetched;

    public ImageInstall(Pager main, CompactImage image) {
        this.main = main;
        this.image = image;
    }

    /**
     * Copies the rest of the image and truncates the database to its size.
     *
     * @throws IoPending while an old page of the database is being read; call again
     */
    public void run() {
        int pages = image.pageCount();
        while (next <= pages) {
            int limit = Math.min(main.pageCount(), next + READ_AHEAD);
            for (int p = Math.max(prefetched, next) + 1; p <= limit; p++) {
                main.prefetch(p);
                prefetched = p;
            }
            Page dst = next <= main.pageCount() ? main.get(next) : main.allocate();
            try {
                main.write(dst);
                copy(next, dst.buffer().segment());
            } finally {
                main.unpin(dst);
            }
            next++;
        }
        if (pages < main.pageCount()) {
            main.truncate(pages);
        }
    }

    private void copy(int number, MemorySegment dst) {
        Page src = image.page(number);
        try {
            MemorySegment from = src.buffer().segment();
            if (number == 1) {
                MemorySegment.copy(from, KEPT_HEAD, dst, KEPT_HEAD, KEPT_TAIL - KEPT_HEAD);
                MemorySegment.copy(from, DatabaseHeader.SIZE, dst, DatabaseHeader.SIZE, dst.byteSize() - DatabaseHeader.SIZE);
            } else {
                MemorySegment.copy(from, 0, dst, 0, dst.byteSize());
            }
        } finally {
            image.unpin(src);
        }
    }
}
