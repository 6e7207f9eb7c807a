package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * The running state of a WAL's frame sequence: salts, byte order and cumulative checksum.
 * Recovery feeds it frames in file order with {@link #verify} until the first invalid one; a
 * writer asks it for the next frame's header with {@link #append}. See <a
 * href="https://www.sqlite.org/fileformat2.html#wal_file_format">fileformat2, "WAL File
 * Format"</a> and {@link WalChecksum}.
 *
 * <p>A frame is valid when its salts equal the WAL header's, its page number is not 0, and its
 * checksum equals the checksum continued from the previous valid frame over its first 8 header
 * bytes and its page. Frames after the last valid commit frame are not part of the database,
 * even if valid ({@link #lastCommitFrame()}).
 *
 * <p>States: fresh (after {@link #WalFrameChain(WalHeader)}, no frames) → extended by each
 * {@link #verify} that returns true or each {@link #append}; a {@link #verify} that returns
 * false leaves the state unchanged, and recovery stops there. Not thread-safe: owned by the
 * WAL's recovery or its single writer.
 */
public final class WalFrameChain {
    private final WalHeader header;
    private long checksum;
    private long frames;
    private long lastCommitFrame;
    private long lastCommitDatabaseSize;

    /** A chain starting after {@code header}, whose checksum the caller has checked. */
    public WalFrameChain(WalHeader header) {
        this.header = header;
        this.checksum = header.checksum();
    }

    /**
     * Checks the frame whose header is at {@code frameHeaderOffset} of {@code frameHeader} and
     * whose page image is {@code page} (page-size bytes), and on success makes it the chain's
     * last frame.
     *
     * @return whether the frame is valid
     */
    public boolean verify(MemorySegment frameHeader, long frameHeaderOffset, MemorySegment page) {
        WalFrameHeader frame = WalFrameHeader.decode(frameHeader, frameHeaderOffset);
        if (frame.salt1() != header.salt1() || frame.salt2() != header.salt2() || frame.pageNumber() == 0
                || page.byteSize() != header.pageSize()) {
            return false;
        }
        long sum = frameChecksum(frameHeader, frameHeaderOffset, page);
        if (sum != frame.checksum()) {
            return false;
        }
        advance(sum, frame.databaseSize());
        return true;
    }

    /**
     * The header for the next frame, holding {@code page} of page {@code pageNumber}, and makes
     * it the chain's last frame; the caller writes header and page to the WAL.
     *
     * @param databaseSize for a commit frame the database size in pages after the commit, else 0
     */
    public WalFrameHeader append(long pageNumber, long databaseSize, MemorySegment page) {
        MemorySegment prefix = MemorySegment.ofArray(new byte[WalFrameHeader.SIZE]);
        new WalFrameHeader(pageNumber, databaseSize, header.salt1(), header.salt2(), 0, 0).encode(prefix, 0);
        long sum = frameChecksum(prefix, 0, page);
        advance(sum, databaseSize);
        return new WalFrameHeader(pageNumber, databaseSize, header.salt1(), header.salt2(),
                WalChecksum.s0(sum), WalChecksum.s1(sum));
    }

    /** Valid frames so far. */
    public long frames() {
        return frames;
    }

    /** The 1-based index of the last valid commit frame, or 0 if none. */
    public long lastCommitFrame() {
        return lastCommitFrame;
    }

    /** Database size in pages recorded by the last commit frame, or 0 if none. */
    public long lastCommitDatabaseSize() {
        return lastCommitDatabaseSize;
    }

    /** The cumulative checksum after the last frame. */
    public long checksum() {
        return checksum;
    }

    private long frameChecksum(MemorySegment frameHeader, long offset, MemorySegment page) {
        boolean big = header.bigEndianChecksum();
        long sum = WalChecksum.update(checksum, frameHeader, offset, WalFrameHeader.CHECKSUMMED_SIZE, big);
        return WalChecksum.update(sum, page, 0, page.byteSize(), big);
    }

    private void advance(long sum, long databaseSize) {
        checksum = sum;
        frames++;
        if (databaseSize != 0) {
            lastCommitFrame = frames;
            lastCommitDatabaseSize = databaseSize;
        }
    }
}
