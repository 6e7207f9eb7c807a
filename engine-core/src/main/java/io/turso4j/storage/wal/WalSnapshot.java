package io.turso4j.storage.wal;

/**
 * What one read transaction sees: the committed prefix of the WAL and the database size then.
 *
 * <p>A reader looks a page up in the {@link WalIndex} among frames 1..{@link #maxFrame()} of
 * WAL {@link #generation()} and reads the database file otherwise. When {@link #readsWal()}
 * is false every committed frame had already been copied into the database file when the
 * snapshot was taken, so the reader reads the database file only and does not care if the WAL
 * restarts under it (it still stops checkpoints from writing newer pages into the file).
 *
 * @param generation how many times the WAL has restarted (at frame 1) before this snapshot
 * @param maxFrame the last committed frame included
 * @param dbSize database size in pages
 * @param commitSeq how many transactions had committed: equal sequence numbers mean equal
 *     contents, whatever the WAL did in between
 * @param readsWal whether page lookups consult the WAL index
 */
public record WalSnapshot(long generation, int maxFrame, int dbSize, long commitSeq, boolean readsWal) {

    /** The same contents seen through the database file only. */
    WalSnapshot fileOnly() {
        return new WalSnapshot(generation, maxFrame, dbSize, commitSeq, false);
    }
}
