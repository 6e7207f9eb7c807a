package io.turso4j.storage.wal;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.io.DbFile;
import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.WalFrameChain;
import io.turso4j.storage.format.WalFrameHeader;
import io.turso4j.storage.format.WalHeader;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Recovery of a WAL file on open, as a resumable operation: reads the header and then the
 * frames in chunks, keeps every frame up to the last valid commit frame and forgets the rest
 * (a torn write, a transaction that never committed, frames of an older generation).
 *
 * <p>Valid, as SQLite decides it: a header with the right magic, version and checksum, and a
 * page size equal to the database's; then frames whose salts match the header and whose
 * checksums continue the chain ({@link WalFrameChain}). A WAL failing the header checks holds
 * nothing; it is overwritten by the next write.
 *
 * <p>States: SIZE (asking the file's length) → HEADER (reading 32 bytes) → FRAMES (reading
 * chunk after chunk) → DONE. {@link #step()} issues the next read and throws {@link IoPending},
 * or advances when the read is done; it returns the {@link Wal} once DONE. Single-threaded.
 */
public final class WalRecovery {
    /** Frames read per chunk. */
    private static final int FRAMES_PER_READ = 128;

    /** What recovery found: the committed frames, indexed. */
    record Result(WalHeader header, int maxFrame, int dbSize, long checksumAtCommit, WalIndex index,
            Map<Integer, Integer> commitSizes) {}

    private enum Stage { SIZE, HEADER, FRAMES, DONE }

    private final DbFile file;
    private final int dbPageSize;
    private final int dbPages;
    private final RandomGenerator random;
    private final WalIndex index = new WalIndex();
    private final Map<Integer, Integer> commitSizes = new HashMap<>();
    private Stage stage = Stage.SIZE;
    private Completion pending;
    private Buffer buffer;
    private long fileSize;
    private WalHeader header;
    private WalFrameChain chain;
    private long nextOffset;
    private int lastCommit;
    private int lastCommitSize;
    private long checksumAtCommit;
    private Wal result;

    /**
     * @param file the opened {@code -wal} file, or null if there is none (a read-only open)
     * @param dbPageSize the database's page size, or 0 if the database file is empty (the WAL
     *     header then decides)
     * @param dbPages the database size in pages that the database file's header gives
     */
    public WalRecovery(DbFile file, int dbPageSize, int dbPages, RandomGenerator random) {
        this.file = file;
        this.dbPageSize = dbPageSize;
        this.dbPages = dbPages;
        this.random = random;
    }

    /**
     * Advances recovery.
     *
     * @return the recovered WAL
     * @throws IoPending while a read is in flight
     * @throws SqliteException IOERR_READ if a read failed
     */
    public Wal step() {
        while (true) {
            if (pending != null) {
                if (!pending.isDone()) {
                    throw new IoPending(pending);
                }
                Completion done = pending;
                pending = null;
                if (!done.isSucceeded()) {
                    throw new SqliteException(ResultCode.IOERR_READ, "cannot read the WAL " + file.path()
                            + ": " + done.failure().getMessage(), done.failure());
                }
                consume(done.result());
            }
            switch (stage) {
                case SIZE -> {
                    if (file == null) {
                        finish();
                    } else {
                        pending = file.size();
                    }
                }
                case HEADER -> {
                    buffer = Buffer.allocate(WalHeader.SIZE);
                    pending = file.read(0, buffer);
                }
                case FRAMES -> readChunk();
                case DONE -> {
                    return result;
                }
            }
        }
    }

    /** The page size the WAL's header declared, or 0 if it had no valid header. */
    public int walPageSize() {
        return header == null ? 0 : header.pageSize();
    }

    private void consume(long result) {
        switch (stage) {
            case SIZE -> {
                fileSize = result;
                if (fileSize < WalHeader.SIZE) {
                    finish();
                } else {
                    stage = Stage.HEADER;
                }
            }
            case HEADER -> {
                header = validHeader(buffer.segment());
                if (header == null) {
                    finish();
                } else {
                    chain = new WalFrameChain(header);
                    checksumAtCommit = header.checksum();
                    nextOffset = WalHeader.SIZE;
                    stage = Stage.FRAMES;
                }
            }
            case FRAMES -> {
                if (!verifyChunk(result)) {
                    finish();
                }
            }
            case DONE -> throw new IllegalStateException("recovery is over");
        }
    }

    private WalHeader validHeader(MemorySegment bytes) {
        try {
            WalHeader h = WalHeader.decode(bytes);
            if (!h.checksumValid() || (dbPageSize != 0 && h.pageSize() != dbPageSize)) {
                return null;
            }
            return h;
        } catch (CorruptDatabaseException e) {
            return null;
        }
    }

    private void readChunk() {
        long frameSize = header.frameSize();
        long frames = Math.min(FRAMES_PER_READ, (fileSize - nextOffset) / frameSize);
        if (frames <= 0) {
            finish();
            return;
        }
        buffer = Buffer.allocate((int) (frames * frameSize));
        pending = file.read(nextOffset, buffer);
    }

    /** Verifies the frames of the chunk just read; false once the chain breaks or the file ends. */
    private boolean verifyChunk(long bytesRead) {
        long frameSize = header.frameSize();
        MemorySegment s = buffer.segment();
        long whole = Math.min(bytesRead, s.byteSize()) / frameSize;
        for (long i = 0; i < whole; i++) {
            long at = i * frameSize;
            MemorySegment page = s.asSlice(at + WalFrameHeader.SIZE, header.pageSize());
            if (!chain.verify(s, at, page)) {
                return false;
            }
            int pageNumber = (int) WalFrameHeader.decode(s, at).pageNumber();
            index.append(pageNumber);
            if (chain.lastCommitFrame() == chain.frames()) {
                lastCommit = (int) chain.frames();
                lastCommitSize = (int) chain.lastCommitDatabaseSize();
                checksumAtCommit = chain.checksum();
                commitSizes.put(lastCommit, lastCommitSize);
            }
        }
        nextOffset += whole * frameSize;
        return whole == s.byteSize() / frameSize;
    }

    private void finish() {
        index.truncate(lastCommit);
        commitSizes.keySet().removeIf(f -> f > lastCommit);
        int pageSize = header != null ? header.pageSize() : dbPageSize;
        Result r = new Result(header, lastCommit, lastCommit > 0 ? lastCommitSize : dbPages, checksumAtCommit, index,
                commitSizes);
        result = new Wal(file, pageSize == 0 ? 4096 : pageSize, random, r);
        buffer = null;
        stage = Stage.DONE;
    }
}
