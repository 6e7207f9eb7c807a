package io.turso4j.io;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;

import java.util.Objects;

/**
 * One open file (a database or its WAL). Every operation returns a {@link Completion} at
 * once and never blocks the caller; the completion carries the result or an
 * {@link IoFailure}. Operations on one file may be in flight together
 * and may complete in any order: callers that need an order (write, then sync) wait for the
 * first completion before issuing the second.
 *
 * <p>Threads: any thread may issue operations. The buffer passed to a read or write belongs
 * to the operation until its completion is done.
 */
public interface DbFile {

    /** The path this file was opened with. */
    String path();

    /**
     * Reads {@code len} bytes at file offset {@code pos} into {@code buf[off, off+len)}.
     * Completes with the number of bytes read, less than {@code len} only at end of file;
     * the rest of the range is then zero-filled.
     */
    Completion read(long pos, Buffer buf, int off, int len);

    /** Reads the whole buffer. */
    default Completion read(long pos, Buffer buf) {
        return read(pos, buf, 0, buf.size());
    }

    /**
     * {@link #read(long, Buffer)} for a read ahead of need: nobody waits for it yet, so a
     * backend may run it wholly off the caller's thread (where {@link #read} may spend the
     * caller's time on a read it can finish at once), and a scan goes on while the next pages
     * arrive. The default is {@link #read(long, Buffer)}.
     */
    default Completion readAhead(long pos, Buffer buf) {
        return read(pos, buf);
    }

    /**
     * Whether reading ahead pays on this file now: true when a read waits for a device or for
     * another thread, which a read ahead overlaps with the caller's work; false when reads
     * complete on the caller's thread at once anyway, so that a read ahead would only move
     * the copy elsewhere and spend a thread on it. The default is true.
     */
    default boolean readsAheadPay() {
        return true;
    }

    /**
     * Reads the whole buffer on the caller's thread if that takes no wait for a device (the OS
     * has the range cached), returning a completed completion; else null, with nothing read
     * and no read issued. For a caller that needs bytes a {@link #readAhead} is still fetching:
     * whether to take them now or wait. The default cannot tell, and says null.
     */
    default Completion readIfCached(long pos, Buffer buf) {
        return null;
    }

    /**
     * Writes {@code buf[off, off+len)} at {@code pos}, extending the file if needed.
     * Completes with the number of bytes written: {@code len}, or less when the device took
     * no more (disk full).
     */
    Completion write(long pos, Buffer buf, int off, int len);

    /** Writes the whole buffer. */
    default Completion write(long pos, Buffer buf) {
        return write(pos, buf, 0, buf.size());
    }

    /**
     * Writes the buffers back to back starting at {@code pos}, each whole, as one vectored
     * operation. Completes with the total number of bytes written.
     */
    Completion write(long pos, Buffer... bufs);

    /** Makes every completed write durable (fdatasync). */
    Completion sync();

    /**
     * Writes {@code buf[off, off+len)} at {@code pos} and completes only once those bytes
     * (and the file length that covers them) are durable: a write with O_DSYNC semantics.
     * Completes with the number of bytes written, like {@link #write(long, Buffer, int, int)};
     * a short write is not made durable. Unlike {@link #sync()} this promises nothing about
     * other writes, so a caller that has earlier writes still to make durable must sync.
     *
     * <p>The default writes, then syncs once the whole write has succeeded: one wait for the
     * caller. A backend that can ask the kernel for both in one request (io_uring's write
     * with {@code RWF_DSYNC}) overrides it, sparing the second request's round trip.
     */
    default Completion writeDurably(long pos, Buffer buf, int off, int len) {
        Completion durable = new Completion();
        write(pos, buf, off, len).onComplete(w -> {
            if (!w.isSucceeded() || w.result() != len) {
                forward(w, durable);
                return;
            }
            Completion synced;
            try {
                synced = sync();
            } catch (RuntimeException e) { // never leave the caller waiting on a thrown callback
                durable.fail(e instanceof IoFailure f ? f : new IoFailure("cannot sync " + path(), e));
                return;
            }
            synced.onComplete(s -> {
                if (s.isSucceeded()) {
                    durable.complete(len);
                } else {
                    durable.fail(s.failure());
                }
            });
        });
        return durable;
    }

    /**
     * This file for a caller about to block its own thread on each result anyway: a platform
     * thread stepping a statement through the blocking API. Writes and syncs issued through
     * the returned file may run on the calling thread, blocking it until the kernel is done,
     * and return completed completions. That spares the trip to the backend's threads and
     * back (for io_uring: the loop, a kernel worker, the loop again, then waking the caller),
     * which costs a small commit more than its write does. Everything else behaves as on this
     * file, which it shares its state with: closing either closes both.
     *
     * <p>Only for a thread that would otherwise wait: never an event loop, a completion
     * callback, an asynchronous caller, or a virtual thread (which parks rather than pin its
     * carrier in a system call). The default is this file itself, for a backend whose
     * operations cannot run on the caller's thread.
     */
    default DbFile forWaitingCaller() {
        return this;
    }

    private static void forward(Completion from, Completion to) {
        if (from.isSucceeded()) {
            to.complete(from.result());
        } else {
            to.fail(from.failure());
        }
    }

    /** Sets the file's length to {@code length}, cutting or zero-extending it. */
    Completion truncate(long length);

    /** Completes with the file's current length in bytes. */
    Completion size();

    /**
     * Takes an exclusive lock on the file, held until {@link #unlock()} or {@link #close()}.
     * Fails with errno EAGAIN if another owner, in this process or another, holds it.
     */
    Completion lock();

    /** Releases the lock taken by {@link #lock()}. */
    Completion unlock();

    /** Closes the file, releasing its lock. Operations issued afterwards fail. */
    Completion close();

    /**
     * The argument check every backend makes before a read or write: these are programming
     * errors, thrown at once rather than reported through the completion.
     *
     * @throws IllegalArgumentException if {@code pos} is negative
     * @throws IndexOutOfBoundsException if {@code [off, off+len)} is not inside {@code buf}
     */
    static void checkRange(long pos, Buffer buf, int off, int len) {
        if (pos < 0) {
            throw new IllegalArgumentException("negative file position: " + pos);
        }
        Objects.checkFromIndexSize(off, len, buf.size());
    }
}
