package io.turso4j.io.uring;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;
import io.turso4j.io.ForwardingDbFile;

/**
 * A {@link UringFile} as its {@link DbFile#forWaitingCaller()}: writes and syncs are {@code
 * pwritev2(2)} and {@code fdatasync(2)} on the calling thread, which they block until the
 * kernel is done, and return completed completions. A durable write is one {@code pwritev2}
 * with {@code RWF_DSYNC}, as its ring entry would be.
 *
 * <p>Why: a caller that blocks on the result anyway gains nothing from the ring, and a ring
 * write that must reach the disk passes through four threads (the caller, the loop, a kernel
 * worker, the loop again, then the caller woken) where SQLite's write and fsync pass through
 * none. An autocommit INSERT's commit is that one write.
 *
 * <p>Results match the ring's: a short write is resumed where it stopped; a write that takes
 * no bytes (a full device) completes with the count written so far; a failure carries errno.
 * Reads, and every other operation, go to the file itself (a cached read is already made on
 * the caller's thread; one that waits for the disk goes to the ring, where read-ahead can
 * overlap it with others). The descriptor stays open during each call ({@link
 * UringFile#onCallerThread}); after {@code close()} operations fail with EBADF.
 *
 * <p>Threads: any thread that may block; buffers belong to the call until it returns.
 */
final class CallerThreadFile extends ForwardingDbFile {
    private final UringFile file;

    CallerThreadFile(UringFile file) {
        super(file);
        this.file = file;
    }

    @Override
    public Completion write(long pos, Buffer buf, int off, int len) {
        DbFile.checkRange(pos, buf, off, len);
        return write("write", pos, new Buffer[] {buf}, off, len, 0);
    }

    @Override
    public Completion writeDurably(long pos, Buffer buf, int off, int len) {
        DbFile.checkRange(pos, buf, off, len);
        return write("durable write", pos, new Buffer[] {buf}, off, len, TransferOp.RWF_DSYNC);
    }

    @Override
    public Completion write(long pos, Buffer... bufs) {
        if (pos < 0) {
            throw new IllegalArgumentException("negative file offset " + pos);
        }
        return write("vectored write", pos, bufs, 0, -1, 0);
    }

    /**
     * Writes {@code bufs} back to back at {@code pos}: the first from {@code off} for {@code
     * len} bytes when there is one buffer and {@code len >= 0}, else every buffer whole. {@code
     * kind} names the write in a failure's message, built only then.
     */
    private Completion write(String kind, long pos, Buffer[] bufs, int off, int len, int flags) {
        if (file.isClosed()) {
            return file.closedFailure("write");
        }
        long[] addresses = new long[bufs.length];
        int[] lengths = new int[bufs.length];
        long total = 0;
        for (int i = 0; i < bufs.length; i++) {
            addresses[i] = bufs[i].address() + (len >= 0 ? off : 0);
            lengths[i] = len >= 0 ? len : bufs[i].size();
            total += lengths[i];
        }
        long done = 0;
        int first = 0; // the first buffer not wholly written
        long skip = 0; // and how much of it was
        while (done < total) {
            int from = first;
            int written = (int) skip;
            long at = pos + done;
            long r = file.onCallerThread(fd -> Libc.pwritev2(fd, addresses, lengths, from, written, at, flags));
            if (r < 0) {
                return failed(kind + " of " + total + " bytes at " + pos + " in " + file.path(), r);
            }
            if (r == 0) {
                break; // the device took no more: the count so far, as a short write
            }
            done += r;
            skip += r;
            while (first < lengths.length && skip >= lengths[first]) {
                skip -= lengths[first];
                first++;
            }
        }
        return Completion.succeeded(done);
    }

    @Override
    public Completion sync() {
        if (file.isClosed()) {
            return file.closedFailure("sync");
        }
        long r = file.onCallerThread(Libc::fdatasync);
        return r < 0 ? failed("sync of " + file.path(), r) : Completion.succeeded(0);
    }

    private static Completion failed(String what, long negativeErrno) {
        return Completion.failed(new IoFailure(what + " failed", (int) -negativeErrno));
    }
}
