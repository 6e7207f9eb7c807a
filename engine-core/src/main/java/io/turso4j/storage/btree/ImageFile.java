package io.turso4j.storage.btree;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.pager.Page;

import java.lang.foreign.MemorySegment;

/**
 * VACUUM INTO's output: a new database file holding a {@link CompactImage} page for page, in
 * rollback-journal format (header bytes 18 and 19 set to 1), as SQLite writes it.
 *
 * <p>States, each advanced once its I/O is done: {@link #open} does OPEN (create the file) →
 * SIZE (a file that already has bytes is refused, SQLite's "output file already exists");
 * {@link #write} then does WRITE (the pages, {@value #PAGES_PER_WRITE} per vectored write) →
 * SYNC → CLOSE → DONE. Every call throws {@link IoPending} while its I/O is in flight and
 * continues from its stage when called again. Not thread-safe: one VM, one thread.
 */
public final class ImageFile {
    private enum Stage { OPEN, SIZE, WRITE, SYNC, CLOSE, DONE }

    private static final int PAGES_PER_WRITE = 256;

    private final IO io;
    private final String path;
    private Stage stage = Stage.OPEN;
    private DbFile file;
    private Completion pending;
    private int written;

    public ImageFile(IO io, String path) {
        this.io = io;
        this.path = path;
    }

    /**
     * Creates the file, or opens an empty one.
     *
     * @throws SqliteException "output file already exists" if it has bytes
     */
    public void open() {
        if (stage == Stage.OPEN) {
            try {
                file = io.open(path, OpenMode.CREATE);
            } catch (RuntimeException e) {
                throw new SqliteException(ResultCode.CANTOPEN, "unable to open database: " + path, e);
            }
            pending = file.size();
            stage = Stage.SIZE;
        }
        if (stage == Stage.SIZE) {
            long size = await();
            if (size > 0) {
                stage = Stage.DONE;
                file.close();
                throw new SqliteException(ResultCode.ERROR, "output file already exists");
            }
            stage = Stage.WRITE;
        }
    }

    /** Writes every page of {@code image}, syncs and closes the file. */
    public void write(CompactImage image) {
        while (stage == Stage.WRITE) {
            if (pending != null) {
                await();
            }
            int pages = image.pageCount();
            if (written == pages) {
                pending = file.sync();
                stage = Stage.SYNC;
                break;
            }
            int count = Math.min(PAGES_PER_WRITE, pages - written);
            Buffer[] bufs = new Buffer[count];
            for (int i = 0; i < count; i++) {
                bufs[i] = copy(image, written + i + 1);
            }
            pending = file.write((long) written * bufs[0].size(), bufs);
            written += count;
        }
        if (stage == Stage.SYNC) {
            await();
            pending = file.close();
            stage = Stage.CLOSE;
        }
        if (stage == Stage.CLOSE) {
            await();
            stage = Stage.DONE;
        }
    }

    private static Buffer copy(CompactImage image, int number) {
        Page page = image.page(number);
        try {
            MemorySegment from = page.buffer().segment();
            Buffer out = Buffer.allocate((int) from.byteSize());
            MemorySegment to = out.segment();
            MemorySegment.copy(from, 0, to, 0, from.byteSize());
            if (number == 1) {
                to.set(java.lang.foreign.ValueLayout.JAVA_BYTE, DatabaseHeader.WRITE_VERSION_OFFSET, (byte) DatabaseHeader.VERSION_LEGACY);
                to.set(java.lang.foreign.ValueLayout.JAVA_BYTE, DatabaseHeader.READ_VERSION_OFFSET, (byte) DatabaseHeader.VERSION_LEGACY);
            }
            return out;
        } finally {
            image.unpin(page);
        }
    }

    /** The pending operation's result once done; throws IoPending before, IOERR if it failed. */
    private long await() {
        Completion c = pending;
        if (!c.isDone()) {
            throw new IoPending(c);
        }
        pending = null;
        if (!c.isSucceeded()) {
            abandon();
            throw new SqliteException(ResultCode.IOERR, "disk I/O error", c.failure());
        }
        return c.result();
    }

    /** Closes the file if a failure or a reset left it open. */
    public void abandon() {
        if (file != null && stage != Stage.DONE) {
            stage = Stage.DONE;
            file.close();
        }
    }
}
