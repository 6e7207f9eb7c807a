package io.turso4j.io.sim;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.sim.SimOp.Kind;

import java.lang.foreign.MemorySegment;

/**
 * A handle on a {@link SimFile}. Each operation is queued in the {@link SimulatedIO} and
 * completes on a later {@link SimulatedIO#poll()}; a handle that is closed, read-only (for
 * writes), or from before a {@link SimulatedIO#crash()} gets a failed completion at once.
 *
 * <p>Threads: any thread; all state is guarded by the simulator's lock.
 */
final class SimDbFile implements DbFile {
    private final SimulatedIO io;
    private final String path;
    final SimFile file;
    final boolean readOnly;
    /** The simulator's crash count when opened: a later crash makes this handle invalid. */
    final int generation;
    /** Set when close is issued; guarded by the simulator's lock. */
    boolean closed;

    SimDbFile(SimulatedIO io, String path, SimFile file, boolean readOnly, int generation) {
        this.io = io;
        this.path = path;
        this.file = file;
        this.readOnly = readOnly;
        this.generation = generation;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Completion read(long pos, Buffer buf, int off, int len) {
        DbFile.checkRange(pos, buf, off, len);
        return io.submit(this, Kind.READ, pos, len, new Buffer[] {buf}, new MemorySegment[] {buf.segment().asSlice(off, len)});
    }

    @Override
    public Completion write(long pos, Buffer buf, int off, int len) {
        DbFile.checkRange(pos, buf, off, len);
        return io.submit(this, Kind.WRITE, pos, len, new Buffer[] {buf}, new MemorySegment[] {buf.segment().asSlice(off, len)});
    }

    @Override
    public Completion write(long pos, Buffer... bufs) {
        if (pos < 0) {
            throw new IllegalArgumentException("negative file position: " + pos);
        }
        MemorySegment[] segs = new MemorySegment[bufs.length];
        long total = 0;
        for (int i = 0; i < bufs.length; i++) {
            segs[i] = bufs[i].segment();
            total += segs[i].byteSize();
        }
        return io.submit(this, Kind.WRITE, pos, total, bufs.clone(), segs);
    }

    @Override
    public Completion sync() {
        return io.submit(this, Kind.SYNC, 0, 0, null, null);
    }

    @Override
    public Completion truncate(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative file length: " + length);
        }
        return io.submit(this, Kind.TRUNCATE, 0, length, null, null);
    }

    @Override
    public Completion size() {
        return io.submit(this, Kind.SIZE, 0, 0, null, null);
    }

    @Override
    public Completion lock() {
        return io.submit(this, Kind.LOCK, 0, 0, null, null);
    }

    @Override
    public Completion unlock() {
        return io.submit(this, Kind.UNLOCK, 0, 0, null, null);
    }

    @Override
    public Completion close() {
        return io.submit(this, Kind.CLOSE, 0, 0, null, null);
    }

    @Override
    public String toString() {
        return "SimDbFile[" + path + "]";
    }
}
