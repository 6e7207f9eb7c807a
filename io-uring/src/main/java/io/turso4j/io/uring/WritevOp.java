package io.turso4j.io.uring;

import io.netty.channel.uring.IoUringIoOps;
import io.turso4j.buffer.Buffer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@code IORING_OP_WRITEV}: whole buffers written back to back from {@code pos}, described
 * to the kernel by an array of {@code struct iovec} in native memory.
 *
 * <p>iovec array (one entry per buffer, 16 bytes each on 64-bit Linux):
 * <pre>
 * OFFSET SIZE DESCRIPTION
 *      0    8 iov_base: address of the first byte still to write
 *      8    8 iov_len: bytes still to write from it
 * </pre>
 * A short write is resumed by consuming the written bytes from the front of the array:
 * entries written whole are skipped ({@link #first}), the entry written in part has its base
 * advanced and its length cut. One submission carries at most {@value #IOV_MAX} entries, the
 * kernel's limit; the rest follow as the resumption of a "short" write.
 *
 * <p>The array lives in an automatic arena that the op keeps reachable until it ends; every
 * buffer is pinned from construction until the op ends.
 */
final class WritevOp extends KernelOp {
    private static final int IOV_MAX = 1024;
    private static final long IOVEC_SIZE = 16;

    private final long pos;
    private final Buffer[] bufs;
    private final long total;
    private final MemorySegment iovecs;
    private int first; // loop thread only: first entry not yet written whole
    private long done; // loop thread only

    WritevOp(UringFile file, long pos, Buffer[] bufs) {
        super(file);
        this.pos = pos;
        this.bufs = bufs.clone();
        this.iovecs = Arena.ofAuto().allocate(IOVEC_SIZE * bufs.length, 8);
        long sum = 0;
        for (int i = 0; i < this.bufs.length; i++) {
            Buffer b = this.bufs[i];
            iovecs.set(ValueLayout.JAVA_LONG, i * IOVEC_SIZE, b.address());
            iovecs.set(ValueLayout.JAVA_LONG, i * IOVEC_SIZE + 8, b.size());
            sum += b.size();
        }
        this.total = sum;
        pinAll();
    }

    /** Pins every buffer, or none: if a pin is refused, those already taken are given back. */
    private void pinAll() {
        int pinned = 0;
        try {
            for (Buffer b : bufs) {
                b.pinForIo();
                pinned++;
            }
        } catch (RuntimeException e) {
            for (int i = 0; i < pinned; i++) {
                bufs[i].unpinForIo();
            }
            throw e;
        }
    }

    /** Total bytes this op writes. */
    long total() {
        return total;
    }

    @Override
    IoUringIoOps sqe(int fd, int tag) {
        int count = Math.min(bufs.length - first, IOV_MAX);
        return entry(IORING_OP_WRITEV, fd, pos + done, iovecs.address() + first * IOVEC_SIZE, count, 0, tag);
    }

    @Override
    boolean onCompletion(int res) {
        if (res < 0) {
            fail(-res);
            return false;
        }
        done += res;
        if (res == 0 || done == total || completion.isDone()) { // an aborted op is not resumed
            succeed(done);
            return false;
        }
        consume(res);
        return true;
    }

    /** Drops {@code written} bytes from the front of the iovec array. */
    private void consume(long written) {
        long left = written;
        while (left > 0) {
            long at = first * IOVEC_SIZE;
            long entryLen = iovecs.get(ValueLayout.JAVA_LONG, at + 8);
            if (left >= entryLen) {
                left -= entryLen;
                first++;
            } else {
                iovecs.set(ValueLayout.JAVA_LONG, at, iovecs.get(ValueLayout.JAVA_LONG, at) + left);
                iovecs.set(ValueLayout.JAVA_LONG, at + 8, entryLen - left);
                left = 0;
            }
        }
    }

    @Override
    void releaseResources() {
        for (Buffer b : bufs) {
            b.unpinForIo();
        }
    }

    @Override
    String describe() {
        return "vectored write of " + total + " bytes in " + bufs.length + " buffers at " + pos + " in " + file.path();
    }
}
