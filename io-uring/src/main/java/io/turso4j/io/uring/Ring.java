package io.turso4j.io.uring;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.uring.IoUringIoEvent;
import io.netty.channel.uring.IoUringIoHandle;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.netty.util.concurrent.Future;
import io.turso4j.completion.IoFailure;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One io_uring, driven by one Netty event loop thread, shared by every file of a {@link
 * UringIO}. It is the {@link IoUringIoHandle} registered with Netty's {@link
 * IoUringIoHandler}: it submits {@link KernelOp}s as submission entries and receives their
 * completions in {@link #handle}.
 *
 * <p>Threads. {@link #submit} and {@link #shutdown} may be called from any thread; everything
 * else runs on the loop thread, which alone owns the tag table, the waiting queue and the
 * files' loop-side state. An op from another thread goes into the lock-free {@link #incoming}
 * queue, and one task per batch ({@link #drain}, a ring's worth at most) moves the batch onto
 * the loop: the first issuer to find no drain scheduled schedules one, so a burst of
 * operations costs one task hop and one eventfd wake-up, not one per operation. Ops issued on
 * the loop itself (from a completion callback) skip the queue.
 *
 * <p>Tags. Each submitted op holds a tag, an index into {@link #inFlight}, carried as the
 * entry's user data and handed back by Netty with the completion. At most {@link #capacity}
 * ops (the ring's size) are in the kernel at once; the overflow waits in {@link #waiting}, in
 * order, and takes the next free tag. A short transfer is resubmitted under the tag it holds.
 *
 * <p>Shutdown. {@link #shutdown} flips {@link #closed} (ops issued later are rejected by their
 * issuer, or by the loop if they got into the queue), asks the loop to stop and waits for it.
 * Netty then calls {@link #close()} on the loop: queued and waiting ops fail, ops in the
 * kernel are left to finish while Netty drains the ring. When nothing is in flight any more,
 * {@code onDrained} runs (the backend closes the files left open). {@link #afterLoop} is the
 * backstop once the loop thread is about to exit: whatever is still in flight then fails.
 */
final class Ring implements IoUringIoHandle {
    private static final AtomicInteger RING_IDS = new AtomicInteger();
    /** How long {@link #shutdown} waits for the loop (and Netty for its quiet period). */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    private final int capacity;
    private final MultiThreadIoEventLoopGroup group;
    private final IoEventLoop loop;
    // JDK queue rather than JCTools: JCTools reaches for sun.misc.Unsafe, which JDK 24+
    // warns about on stderr; this queue is not the bottleneck (one CAS per offer).
    private final Queue<FileOp> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    private final Runnable onDrained;
    private volatile boolean closed;
    private final CountDownLatch loopExited = new CountDownLatch(1);

    // ---- loop thread only ----
    private IoRegistration registration;
    private volatile Throwable registrationFailure; // also read by issuers that refuse an op
    private final KernelOp[] inFlight;
    private final int[] freeTags;
    private int freeCount;
    private final ArrayDeque<KernelOp> waiting = new ArrayDeque<>();
    private boolean stopped;     // Netty closed this handle: the loop is going away
    private boolean drainedRun;  // onDrained has run

    /**
     * Starts the loop thread (a daemon) with a ring of {@code capacity} entries.
     *
     * @param capacity   a power of two, at most 32768 (tags must fit a positive short)
     * @param onDrained  runs once on the loop after shutdown, when no op is in the kernel
     */
    Ring(int capacity, Runnable onDrained) {
        if (Integer.bitCount(capacity) != 1 || capacity > Short.MAX_VALUE + 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two up to 32768: " + capacity);
        }
        this.capacity = capacity;
        this.onDrained = onDrained;
        this.inFlight = new KernelOp[capacity];
        this.freeTags = new int[capacity];
        for (int t = 0; t < capacity; t++) {
            freeTags[freeCount++] = capacity - 1 - t;
        }
        String name = "turso4j-uring-" + RING_IDS.incrementAndGet();
        IoUringIoHandlerConfig config = new IoUringIoHandlerConfig().setRingSize(capacity);
        this.group = new MultiThreadIoEventLoopGroup(1, task -> {
            Thread t = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    afterLoop();
                }
            }, name);
            t.setDaemon(true); // an IO nobody closed must not keep the JVM alive
            return t;
        }, IoUringIoHandler.newFactory(config));
        this.loop = group.next();
        loop.execute(this::register);
    }

    private void register() {
        Future<IoRegistration> f = loop.register(this); // done at once on the loop thread
        if (f.isSuccess()) {
            registration = f.getNow();
        } else {
            registrationFailure = f.cause();
        }
    }

    // ---- any thread ----

    /** Hands {@code op} to the loop; it completes there, or here if the ring is closed. */
    void submit(FileOp op) {
        if (loop.inEventLoop()) {
            accept(op);
            return;
        }
        incoming.offer(op);
        // Read after the offer: if the ring closed before we queued, the loop may never look
        // at the queue again, so the op is ours to fail. The CAS in reject() settles a race
        // with a loop that is still draining.
        if (closed) {
            if (op.reject()) {
                refuse(op);
            }
            return;
        }
        if (!drainScheduled.get() && drainScheduled.compareAndSet(false, true)) {
            try {
                loop.execute(drainTask);
            } catch (RejectedExecutionException e) {
                // The loop shut down between our check and now; close() fails what we queued.
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Stops accepting ops, lets the loop finish what is in the kernel, and waits (up to {@link
     * #SHUTDOWN_WAIT}) for the loop thread to end, so that afterwards every op is done and
     * every descriptor closed, its lock released. Called on the loop itself (from a callback)
     * it cannot wait for its own end and returns at once.
     */
    void shutdown() {
        closed = true;
        group.shutdownGracefully(0, SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        if (loop.inEventLoop()) {
            return;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        while (true) {
            try {
                // On timeout the kernel is stuck on something; the loop still ends when it returns.
                loopExited.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- loop thread ----

    private void drain() {
        drainScheduled.set(false);
        for (int i = 0; i < capacity; i++) {
            FileOp op = incoming.poll();
            if (op == null) {
                return;
            }
            if (op.take()) {
                accept(op);
            }
        }
        // More than a ring's worth arrived: let the loop reap completions before the next
        // batch rather than draining a queue that busy issuers keep filling.
        if (!incoming.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            loop.execute(drainTask);
        }
    }

    private void accept(FileOp op) {
        if (closed || stopped || registration == null) {
            refuse(op);
            return;
        }
        UringFile file = op.file;
        if (op instanceof LoopOp l && l.kind == LoopOp.Kind.CLOSE) {
            file.beginClose(l);
        } else if (file.isClosing()) {
            op.fail(new IoFailure(op.describe() + " failed: the file was closed", Libc.EBADF));
        } else if (op instanceof KernelOp k) {
            file.opStarted();
            if (freeCount == 0) {
                waiting.add(k);
            } else {
                send(k, freeTags[--freeCount]);
            }
        } else {
            ((LoopOp) op).run(file.fd());
        }
    }

    /** Submits {@code op}'s next entry under {@code tag}. */
    private void send(KernelOp op, int tag) {
        inFlight[tag] = op;
        try {
            if (registration.submit(op.sqe(op.file.fd(), tag)) != 0) {
                return;
            }
            end(tag, op);
            op.fail(closedFailure(op));
        } catch (RuntimeException e) { // the submission queue is full and the kernel refused it
            end(tag, op);
            op.fail(new IoFailure(op.describe() + " could not be submitted", e));
        }
    }

    @Override
    public void handle(IoRegistration reg, IoEvent event) {
        // Netty reuses the event object: copy what we need. Never throw from here: Netty would
        // log it and put the loop to sleep for 100 ms.
        IoUringIoEvent e = (IoUringIoEvent) event;
        long userData = e.userData();
        int res = e.res();
        if (userData < 0 || userData >= capacity || inFlight[(int) userData] == null) {
            return; // not an entry of ours
        }
        int tag = (int) userData;
        KernelOp op = inFlight[tag];
        boolean again;
        try {
            again = op.onCompletion(res);
        } catch (RuntimeException | Error t) {
            op.fail(new IoFailure(op.describe() + " failed in its completion", t));
            again = false;
        }
        if (again) {
            send(op, tag); // resumes a short transfer; fails the op if the ring is going away
        } else {
            end(tag, op);
            refill();
        }
        if (stopped) {
            maybeDrained();
        }
    }

    /** Frees {@code tag}; its op has left the kernel for good. */
    private void end(int tag, KernelOp op) {
        inFlight[tag] = null;
        freeTags[freeCount++] = tag;
        op.file.opEnded();
    }

    private void refill() {
        while (freeCount > 0 && !waiting.isEmpty()) {
            send(waiting.poll(), freeTags[--freeCount]);
        }
    }

    /** Called by Netty on the loop when it shuts down. */
    @Override
    public void close() {
        stopped = true;
        failQueued();
        if (registration != null) {
            registration.cancel(); // completions still in flight are delivered all the same
        }
        maybeDrained();
    }

    private void failQueued() {
        FileOp op;
        while ((op = incoming.poll()) != null) {
            if (op.take()) {
                refuse(op);
            }
        }
        KernelOp k;
        while ((k = waiting.poll()) != null) {
            k.file.opEnded();
            refuse(k);
        }
    }

    private void maybeDrained() {
        if (!drainedRun && freeCount == capacity) {
            drainedRun = true;
            onDrained.run();
        }
    }

    /**
     * Last words of the loop thread, after Netty destroyed the ring. Ops still in the kernel
     * then fail without unpinning their buffers: the kernel may yet write into them while it
     * tears the ring down, so they must never be recycled.
     */
    private void afterLoop() {
        try {
            stopped = true;
            closed = true;
            failQueued();
            for (int tag = 0; tag < capacity; tag++) {
                KernelOp op = inFlight[tag];
                if (op != null) {
                    inFlight[tag] = null;
                    op.file.opEnded();
                    op.completion.fail(closedFailure(op));
                }
            }
            if (!drainedRun) {
                drainedRun = true;
                onDrained.run();
            }
        } finally {
            loopExited.countDown();
        }
    }

    /** Fails an op the ring will not run (a close succeeds: the shutdown closes the file). */
    private void refuse(FileOp op) {
        if (op instanceof LoopOp l && l.kind == LoopOp.Kind.CLOSE) {
            op.succeed(0);
        } else if (registrationFailure != null && !closed) {
            op.fail(new IoFailure(op.describe() + " failed: io_uring registration failed", registrationFailure));
        } else {
            op.fail(closedFailure(op));
        }
    }

    private static IoFailure closedFailure(FileOp op) {
        return new IoFailure(op.describe() + " failed: the I/O backend is closed", IoFailure.NO_ERRNO);
    }
}
