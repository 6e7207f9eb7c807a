package io.turso4j.storage.wal;

import io.turso4j.storage.format.WalChecksum;
import io.turso4j.storage.format.WalFrameHeader;
import io.turso4j.storage.format.WalHeader;

import java.lang.foreign.MemorySegment;
import java.util.random.RandomGenerator;

/**
 * The writer's side of the WAL format: the header of the current WAL generation and the
 * checksum chain through the last frame written, committed or not.
 *
 * <p>States: <b>unstarted</b> ({@link #header()} null: the next frame is frame 1 of a new
 * WAL, and the header must be written with it; see {@link #startIfNeeded}) → <b>started</b>.
 * {@link #restart()} goes back to unstarted, so the next header gets salt-1 + 1, a fresh
 * salt-2 and the next checkpoint sequence number, as SQLite does. {@link #commit()} makes the
 * chain's current checksum the one {@link #rewind()} returns to (dropping uncommitted frames).
 *
 * <p>Threads: only the connection holding the write lock calls it, under {@link Wal}'s lock
 * or while no one else can write.
 */
final class FrameEncoder {
    private final RandomGenerator random;
    private int pageSize;
    private WalHeader header;
    /** The previous generation's header, for the salt-1 and sequence increments. */
    private WalHeader previous;
    private long checksum;
    private long committedChecksum;

    FrameEncoder(int pageSize, RandomGenerator random) {
        this.pageSize = pageSize;
        this.random = random;
    }

    /** Continues a recovered WAL whose last commit frame left the chain at {@code checksum}. */
    void resume(WalHeader recovered, long checksumAtLastCommit) {
        header = recovered;
        previous = recovered;
        checksum = checksumAtLastCommit;
        committedChecksum = checksumAtLastCommit;
    }

    /** Remembers a WAL header that holds no frames, so its successor increments it. */
    void forget(WalHeader stale) {
        previous = stale;
        header = null;
    }

    /** A new database chose its page size before its first frame. */
    void setPageSize(int pageSize) {
        if (header != null) {
            throw new IllegalStateException("the WAL already has a header");
        }
        this.pageSize = pageSize;
    }

    WalHeader header() {
        return header;
    }

    /**
     * Starts a new generation if none is started.
     *
     * @return true if the caller must write the new header (at offset 0) with its frames
     */
    boolean startIfNeeded() {
        if (header != null) {
            return false;
        }
        int salt1 = previous == null ? random.nextInt() : previous.salt1() + 1;
        int sequence = previous == null ? 0 : previous.checkpointSequence() + 1;
        header = WalHeader.create(false, pageSize, sequence, salt1, random.nextInt());
        previous = header;
        checksum = header.checksum();
        committedChecksum = checksum;
        return true;
    }

    /**
     * Writes the 24-byte header of the next frame into {@code out} and extends the chain.
     *
     * @param dbSize the database size in pages for a commit frame, 0 otherwise
     */
    void encodeFrameHeader(int pageNumber, int dbSize, MemorySegment page, MemorySegment out) {
        new WalFrameHeader(pageNumber, dbSize, header.salt1(), header.salt2(), 0, 0).encode(out, 0);
        boolean big = header.bigEndianChecksum();
        long sum = WalChecksum.update(checksum, out, 0, WalFrameHeader.CHECKSUMMED_SIZE, big);
        sum = WalChecksum.update(sum, page, 0, pageSize, big);
        checksum = sum;
        new WalFrameHeader(pageNumber, dbSize, header.salt1(), header.salt2(),
                WalChecksum.s0(sum), WalChecksum.s1(sum)).encode(out, 0);
    }

    /** The frames written so far are committed. */
    void commit() {
        committedChecksum = checksum;
    }

    /**
     * Drops the uncommitted frames from the chain.
     *
     * @param committedFrames committed frames in this generation; with none, the header
     *     itself may not have reached the disk, so the next writer starts a fresh one
     */
    void rewind(int committedFrames) {
        checksum = committedChecksum;
        if (committedFrames == 0) {
            header = null;
        }
    }

    /** The WAL restarts: the next frame is frame 1 of a new generation. */
    void restart() {
        header = null;
    }
}
