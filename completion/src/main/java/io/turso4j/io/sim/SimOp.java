package io.turso4j.io.sim;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;

import java.lang.foreign.MemorySegment;

/**
 * An operation issued to {@link SimulatedIO} and not yet completed.
 *
 * @param id sequence number, in issue order; names the operation in the log
 * @param kind what it does
 * @param file the handle it was issued on
 * @param pos file offset (reads and writes)
 * @param length bytes asked for (reads and writes) or the new length (truncate)
 * @param segments the memory read into or written from, captured while the caller owned it
 * @param pinned buffers pinned until the operation completes
 * @param completion handed to the caller at issue
 */
record SimOp(long id, Kind kind, SimDbFile file, long pos, long length, MemorySegment[] segments, Buffer[] pinned,
        Completion completion) {

    enum Kind { READ, WRITE, SYNC, TRUNCATE, SIZE, LOCK, UNLOCK, CLOSE }

    /** Writes change the file; the handle must be open for writing. */
    boolean writes() {
        return kind == Kind.WRITE || kind == Kind.TRUNCATE || kind == Kind.SYNC;
    }

    @Override
    public String toString() {
        String where = switch (kind) {
            case READ, WRITE -> " pos=" + pos + " len=" + length;
            case TRUNCATE -> " len=" + length;
            default -> "";
        };
        return "#" + id + " " + kind.name().toLowerCase() + " " + file.path() + where;
    }
}
