package io.turso4j.io.uring;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.completion.IoFailure;
import io.turso4j.io.DbFile;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file opened by {@link UringIO}: a descriptor from open(2) whose operations go through the
 * backend's {@link Ring}.
 *
 * <p>Threads: any thread may issue operations; each becomes a {@link FileOp} handed to the
 * ring. The fields marked "loop thread" are touched only on the ring's event loop.
 *
 * <p>Reads the OS page cache can serve are done inline: {@link #read} first tries {@code
 * preadv2(RWF_NOWAIT)} on the caller's thread, which copies cached bytes or fails at once with
 * EAGAIN and never waits for the disk, and returns an already completed {@link Completion}.
 * Only a read that is not wholly cached (or an error, which the ring then reports) goes to the
 * ring. This spares a cached read the loop's round trip (queue hop, eventfd wake-up, completion)
 * without ever blocking the caller on disk I/O. A file system that cannot honour the flag turns
 * the attempt off for the file; a file whose tries keep missing pauses them ({@link
 * InlineReadPolicy}), so cold reads do not pay a wasted system call each.
 *
 * <p>{@link #forWaitingCaller} gives the same file to a caller that blocks its thread on each
 * result anyway: its writes and syncs are system calls on that thread ({@link
 * CallerThreadFile}), with no trip through the ring.
 *
 * <p>Closing, in order:
 * <ol>
 *   <li>{@link #close()} flips {@link #closed}: operations issued afterwards fail at once with
 *       EBADF, and a second close succeeds without doing anything.
 *   <li>The close op reaches the loop ({@link #beginClose}): {@link #closing} is set, so
 *       operations that were issued before the flip but reach the loop after it fail with
 *       EBADF instead of being submitted.
 *   <li>When the file's last kernel operation has ended ({@link #opEnded}), the descriptor is
 *       closed with close(2) on the loop ({@link #finishClose}). Closing only then means the
 *       descriptor number is never reused by another open while an entry naming it may still
 *       be submitted.
 * </ol>
 * {@link #retire} closes the descriptor exactly once, whether the close op or the backend's
 * shutdown gets there first, and never while a call on a caller's thread (an inline read, or a
 * waiting caller's write or sync) is using it: {@link #fdUsers} counts those calls in
 * progress, with {@link #RETIRED} set once the descriptor is to be closed; after that no such
 * call starts, and the last one running closes it.
 */
final class UringFile implements DbFile {
    private final String path;
    private final int fd;
    private final Ring ring;
    private final UringIO io;
    private static final int RETIRED = 1 << 30;

    private final AtomicBoolean closed = new AtomicBoolean();
    /** Calls on callers' threads using {@link #fd} now, plus {@link #RETIRED} once it is to be closed. */
    private final AtomicInteger fdUsers = new AtomicInteger();
    /** The close op to complete when the descriptor is closed; set before {@link #RETIRED}. */
    private LoopOp retiringOp;
    /** Cleared (a benign race) when the file system rejects RWF_NOWAIT. */
    private volatile boolean inlineReads = true;
    private final InlineReadPolicy inlinePolicy = new InlineReadPolicy();
    private final CallerThreadFile forWaitingCaller = new CallerThreadFile(this);

    private int kernelOps;    // loop thread: ops accepted and not yet ended
    private boolean closing;  // loop thread: the close op has been accepted
    private LoopOp closeOp;   // loop thread: waiting for kernelOps to reach 0

    UringFile(String path, int fd, Ring ring, UringIO io) {
        this.path = path;
        this.fd = fd;
        this.ring = ring;
        this.io = io;
    }

    @Override
    public String path() {
        return path;
    }

    int fd() {
        return fd;
    }

    @Override
    public Completion read(long pos, Buffer buf, int off, int len) {
        return read(pos, buf, off, len, true);
    }

    /** Straight to the ring, with no try of the page cache first: the loop thread makes the copy. */
    @Override
    public Completion readAhead(long pos, Buffer buf) {
        return read(pos, buf, 0, buf.size(), false);
    }

    /** A read through the ring, first tried inline ({@link #readCached}) if {@code tryInline} and the policy says so. */
    private Completion read(long pos, Buffer buf, int off, int len, boolean tryInline) {
        checkRange(pos, buf, off, len);
        if (closed.get()) {
            return closedFailure("read");
        }
        if (len == 0) {
            return Completion.succeeded(0);
        }
        if (tryInline && inlineReads && inlinePolicy.shouldTry()) {
            if (readCached(pos, buf, off, len)) {
                inlinePolicy.hit();
                return Completion.succeeded(len);
            }
            inlinePolicy.miss();
        }
        return issue(new TransferOp(this, false, pos, buf, off, len));
    }

    /**
     * Only while reads miss the OS page cache ({@link InlineReadPolicy#isCold}): a cached page
     * is copied on the caller's thread as cheaply as the loop would copy it, and handing it to
     * the loop costs a queue hop, and the caller's core, when the loop's thread must share it.
     */
    @Override
    public boolean readsAheadPay() {
        return !inlineReads || inlinePolicy.isCold();
    }

    @Override
    public Completion readIfCached(long pos, Buffer buf) {
        checkRange(pos, buf, 0, buf.size());
        return inlineReads && !closed.get() && readCached(pos, buf, 0, buf.size()) ? Completion.succeeded(buf.size()) : null;
    }

    /** Whether the whole range was copied from the OS page cache without waiting. */
    private boolean readCached(long pos, Buffer buf, int off, int len) {
        long r = onCallerThread(fd -> Libc.preadNoWait(fd, buf.address() + off, len, pos));
        if (r == -Libc.EOPNOTSUPP || r == -Libc.ENOSYS || r == -Libc.EINVAL) {
            inlineReads = false;
        }
        return r == len;
    }

    /** A system call on the descriptor, made on the calling thread: its result, or {@code -errno}. */
    @FunctionalInterface
    interface FdCall {
        long call(int fd);
    }

    /**
     * Makes {@code call} on the calling thread with the descriptor, which stays open until it
     * returns; {@code -EBADF} without calling once the descriptor is to be closed.
     */
    long onCallerThread(FdCall call) {
        int users;
        do {
            users = fdUsers.get();
            if ((users & RETIRED) != 0) {
                return -Libc.EBADF;
            }
        } while (!fdUsers.compareAndSet(users, users + 1));
        try {
            return call.call(fd);
        } finally {
            if (fdUsers.decrementAndGet() == RETIRED) {
                closeFd();
            }
        }
    }

    @Override
    public Completion write(long pos, Buffer buf, int off, int len) {
        checkRange(pos, buf, off, len);
        if (closed.get()) {
            return closedFailure("write");
        }
        return len == 0 ? Completion.succeeded(0) : issue(new TransferOp(this, true, pos, buf, off, len));
    }

    /** One io_uring write with {@code RWF_DSYNC}: no second request, no second round trip. */
    @Override
    public Completion writeDurably(long pos, Buffer buf, int off, int len) {
        checkRange(pos, buf, off, len);
        if (closed.get()) {
            return closedFailure("write");
        }
        return len == 0 ? Completion.succeeded(0)
                : issue(new TransferOp(this, true, TransferOp.RWF_DSYNC, pos, buf, off, len));
    }

    @Override
    public Completion write(long pos, Buffer... bufs) {
        if (pos < 0) {
            throw new IllegalArgumentException("negative file offset " + pos);
        }
        for (Buffer b : bufs) {
            Objects.requireNonNull(b, "buffer");
        }
        if (closed.get()) {
            return closedFailure("write");
        }
        WritevOp op = new WritevOp(this, pos, bufs);
        if (op.total() == 0) {
            op.succeed(0);
            return op.completion;
        }
        return issue(op);
    }

    @Override
    public DbFile forWaitingCaller() {
        return forWaitingCaller;
    }

    /** Whether {@link #close()} has been called: later operations fail with EBADF. */
    boolean isClosed() {
        return closed.get();
    }

    @Override
    public Completion sync() {
        return closed.get() ? closedFailure("sync") : issue(new SyncOp(this));
    }

    @Override
    public Completion truncate(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative file length " + length);
        }
        return closed.get() ? closedFailure("truncate") : issue(new TruncateOp(this, length));
    }

    @Override
    public Completion size() {
        return loopOp(LoopOp.Kind.SIZE);
    }

    @Override
    public Completion lock() {
        return loopOp(LoopOp.Kind.LOCK);
    }

    @Override
    public Completion unlock() {
        return loopOp(LoopOp.Kind.UNLOCK);
    }

    @Override
    public Completion close() {
        if (!closed.compareAndSet(false, true)) {
            return Completion.succeeded(0);
        }
        return issue(new LoopOp(this, LoopOp.Kind.CLOSE));
    }

    private Completion loopOp(LoopOp.Kind kind) {
        return closed.get() ? closedFailure(kind.name().toLowerCase()) : issue(new LoopOp(this, kind));
    }

    private Completion issue(FileOp op) {
        ring.submit(op);
        return op.completion;
    }

    Completion closedFailure(String what) {
        return Completion.failed(closedError(what));
    }

    private IoFailure closedError(String what) {
        return new IoFailure(what + " of " + path + " after it was closed", Libc.EBADF);
    }

    private static void checkRange(long pos, Buffer buf, int off, int len) {
        if (pos < 0) {
            throw new IllegalArgumentException("negative file offset " + pos);
        }
        Objects.checkFromIndexSize(off, len, buf.size());
    }

    // ---- loop thread ----

    /** Whether the close op has reached the loop; later operations must not be submitted. */
    boolean isClosing() {
        return closing;
    }

    void opStarted() {
        kernelOps++;
    }

    void opEnded() {
        if (--kernelOps == 0 && closeOp != null) {
            finishClose();
        }
    }

    void beginClose(LoopOp op) {
        closing = true;
        closeOp = op;
        if (kernelOps == 0) {
            finishClose();
        }
    }

    private void finishClose() {
        LoopOp op = closeOp;
        closeOp = null;
        io.forget(this);
        retire(op);
    }

    // ---- any thread ----

    /**
     * Closes the descriptor unless that has been done already; used by the backend's
     * shutdown for files left open. Only call once no entry naming the descriptor can still
     * be submitted.
     */
    void releaseFd() {
        retire(null);
    }

    /**
     * Marks the descriptor to be closed: now if no call on a caller's thread uses it, else by the last one.
     * {@code op}, the close op if any, completes with close(2)'s result; a second retirement
     * (the close op after shutdown, or the reverse) closes nothing.
     */
    private void retire(LoopOp op) {
        if (op != null && (fdUsers.get() & RETIRED) == 0) {
            // Both retirements run on the loop, so the check holds; the atomic update below
            // publishes the op to the reader that may close the descriptor.
            retiringOp = op;
        }
        int users = fdUsers.getAndUpdate(u -> u | RETIRED);
        if ((users & RETIRED) != 0) {
            if (op != null) {
                op.succeed(0);
            }
        } else if (users == 0) {
            closeFd();
        }
    }

    private void closeFd() {
        LoopOp op = retiringOp;
        if (op != null) {
            op.run(fd);
        } else {
            Libc.close(fd);
        }
    }

    @Override
    public String toString() {
        return "UringFile[" + path + ", fd " + fd + "]";
    }
}
