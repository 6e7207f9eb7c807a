package io.turso4j.vdbe;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.DbFile;
import io.turso4j.storage.IoPending;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;

/**
 * One sorted run a {@link Sorter} spilled to its temporary file, and the reader that streams
 * it back during the merge. A run is its records in order, each as a 4-byte big-endian length
 * followed by the record's bytes, at {@code [offset, offset + length)} of the file.
 *
 * <p>Never blocks: {@link #write} issues one write and returns; {@link Reader#ready()} issues
 * the read of the next block when the window runs short and says whether the next record is
 * resident, so a caller throws {@link IoPending} before changing anything. One block is read
 * ahead once half the window is consumed. Used by the VM's thread only (completions may fire
 * elsewhere; their buffers are published by the completion).
 */
final class SortRun {
    static final int BLOCK = 64 * 1024;
    private static final ValueLayout.OfInt LENGTH = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    final long offset;
    final long length;
    /** The write of this run; done before the run may be read. */
    final Completion written;

    private SortRun(long offset, long length, Completion written) {
        this.offset = offset;
        this.length = length;
        this.written = written;
    }

    /** Issues the write of {@code records} (in order) at {@code offset} of {@code file}. */
    static SortRun write(DbFile file, long offset, List<byte[]> records) {
        long total = 0;
        for (byte[] r : records) {
            total += 4 + r.length;
        }
        if (total > Integer.MAX_VALUE) {
            throw new SqliteException(ResultCode.TOOBIG, "string or blob too big");
        }
        Buffer buf = Buffer.allocate((int) total);
        MemorySegment seg = buf.segment();
        long at = 0;
        for (byte[] r : records) {
            seg.set(LENGTH, at, r.length);
            MemorySegment.copy(r, 0, seg, ValueLayout.JAVA_BYTE, at + 4, r.length);
            at += 4 + r.length;
        }
        Completion c = file.write(offset, buf);
        c.onComplete(done -> buf.release());
        return new SortRun(offset, total, c);
    }

    /** Throws the SQLite error of a failed or short write; call once {@link #written} is done. */
    void checkWritten() {
        if (!written.isSucceeded()) {
            throw new SqliteException(ResultCode.IOERR_WRITE, "cannot write a sorter run: "
                    + (written.isFailed() ? written.failure().getMessage() : "aborted"),
                    written.isFailed() ? written.failure() : null);
        }
        if (written.result() < length) {
            throw new SqliteException(ResultCode.FULL, "database or disk is full");
        }
    }

    Reader reader(DbFile file) {
        return new Reader(file);
    }

    /** Streams the run's records back in order. */
    final class Reader {
        private final DbFile file;
        /** A block, or the whole run when it is smaller (a small budget makes many small runs). */
        private final Buffer block = Buffer.allocate((int) Math.min(BLOCK, length));
        /** Bytes read and not yet consumed are {@code window[pos, limit)}. */
        private byte[] window = new byte[2 * block.size()];
        private int pos;
        private int limit;
        /** The next file offset to read, and the read in flight (null when none). */
        private long next = offset;
        private Completion reading;
        private int readingLength;

        private Reader(DbFile file) {
            this.file = file;
        }

        /**
         * Whether the next record is resident, or the run is over ({@link #hasRecord()} false).
         * When not, a read is in flight: wait for {@link #pending()}.
         */
        boolean ready() {
            for (;;) {
                if (complete() || next >= offset + length && reading == null) {
                    return true;
                }
                if (reading == null) {
                    issue();
                }
                if (!reading.isDone()) {
                    return false;
                }
                arrived();
            }
        }

        /** The read to wait for after {@link #ready()} said no. */
        Completion pending() {
            return reading;
        }

        /** Whether a record is left; call after {@link #ready()} said yes. */
        boolean hasRecord() {
            return pos < limit;
        }

        /** The next record; call after {@link #ready()} said yes and {@link #hasRecord()}. */
        byte[] take() {
            int n = intAt(pos);
            byte[] r = new byte[n];
            System.arraycopy(window, pos + 4, r, 0, n);
            pos += 4 + n;
            if (reading == null && next < offset + length && limit - pos < block.size() / 2) {
                issue(); // read ahead while the caller merges what is here
            }
            return r;
        }

        void close() {
            block.release();
        }

        private boolean complete() {
            return limit - pos >= 4 && limit - pos >= 4 + intAt(pos);
        }

        private int intAt(int i) {
            return (window[i] & 0xff) << 24 | (window[i + 1] & 0xff) << 16 | (window[i + 2] & 0xff) << 8
                    | window[i + 3] & 0xff;
        }

        private void issue() {
            readingLength = (int) Math.min(block.size(), offset + length - next);
            reading = file.read(next, block, 0, readingLength);
        }

        /** Appends the finished read to the window. */
        private void arrived() {
            Completion c = reading;
            reading = null;
            if (!c.isSucceeded() || c.result() < readingLength) {
                throw new SqliteException(ResultCode.IOERR_READ, "cannot read a sorter run"
                        + (c.isFailed() ? ": " + c.failure().getMessage() : ""), c.isFailed() ? c.failure() : null);
            }
            System.arraycopy(window, pos, window, 0, limit - pos);
            limit -= pos;
            pos = 0;
            if (window.length - limit < readingLength) {
                byte[] grown = new byte[Math.max(window.length * 2, limit + readingLength)];
                System.arraycopy(window, 0, grown, 0, limit);
                window = grown;
            }
            MemorySegment.copy(block.segment(), ValueLayout.JAVA_BYTE, 0, window, limit, readingLength);
            limit += readingLength;
            next += readingLength;
        }
    }
}
