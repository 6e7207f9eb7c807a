package io.turso4j.storage.format;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.util.BitSet;

/**
 * Follows the overflow chain of one spilled cell, one page at a time, gathering its payload.
 * See <a href="https://www.sqlite.org/fileformat2.html#cell_payload_overflow_pages">fileformat2,
 * "Cell Payload Overflow Pages"</a> and {@link OverflowPage} for the page layout.
 *
 * <p>No I/O: the caller asks {@link #nextPage()} which page is needed, reads it however it
 * reads pages (possibly returning "pending" and resuming later), and hands it to {@link
 * #accept}. Protocol: {@link #start} → [{@link #copyLocal}] → ({@link #nextPage()} ≠ 0 →
 * {@link #accept})* → {@link #nextPage()} = 0, payload complete.
 *
 * <p>Checks, each a {@link CorruptDatabaseException} naming the page that holds the bad
 * pointer: a payload needing more overflow pages than the database has, a link to page 0 before the payload is complete, to page 1 or past the database
 * size, or to a page already in this chain (a loop). The chain is followed only as far as the
 * payload size requires, so even an undetected cycle could not run forever.
 *
 * <p>Reusable and not thread-safe: it belongs to one cursor.
 */
public final class OverflowChain {
    private final BitSet visited = new BitSet();
    private MemorySegment destination;
    private int usableSize;
    private long databaseSize;
    private long payloadSize;
    private long filled;
    private long next;
    private long pagesRead;

    /**
     * Starts on {@code cell}, just parsed from page {@code pageNumber}, checking that its
     * payload could fit in the database at all, so a corrupt size is refused before anyone
     * allocates room for it. Then call {@link #copyLocal} to gather into a buffer, or go
     * straight to {@link #nextPage()} to walk the chain without copying (e.g. to free it).
     *
     * @param databaseSize pages in the database, the bound for page numbers; 0 if unknown
     * @throws CorruptDatabaseException if the payload needs more overflow pages than the
     *     database has, or the first link is bad
     */
    public void start(Cell cell, long pageNumber, int usableSize, long databaseSize) {
        this.destination = null;
        this.usableSize = usableSize;
        this.databaseSize = databaseSize;
        this.payloadSize = cell.payloadSize();
        this.filled = cell.localSize();
        this.pagesRead = 0;
        visited.clear();
        long needed = (payloadSize - filled + OverflowPage.contentSize(usableSize) - 1)
                / OverflowPage.contentSize(usableSize);
        if (databaseSize != 0 && needed >= databaseSize) {
            throw new CorruptDatabaseException(pageNumber, "payload of " + payloadSize + " bytes needs "
                    + needed + " overflow pages in a database of " + databaseSize);
        }
        this.next = 0;
        follow(cell.overflowPage(), pageNumber);
    }

    /**
     * Copies the cell's local payload from {@code page} to the start of {@code destination}
     * (at least {@link #payloadSize()} bytes), where {@link #accept} will append the rest.
     */
    public void copyLocal(Cell cell, MemorySegment page, MemorySegment destination) {
        this.destination = destination;
        MemorySegment.copy(page, cell.payloadOffset(), destination, 0, cell.localSize());
    }

    /** P, the payload size of the cell being followed. */
    public long payloadSize() {
        return payloadSize;
    }

    /** The overflow page to read next, or 0 once the payload is complete. */
    public long nextPage() {
        return next;
    }

    /** Pages accepted so far. */
    public long pagesRead() {
        return pagesRead;
    }

    /**
     * Takes the content of overflow page {@link #nextPage()}, held in {@code overflowPage}.
     *
     * @throws CorruptDatabaseException if its next pointer is bad
     */
    public void accept(MemorySegment overflowPage) {
        if (next == 0) {
            throw new IllegalStateException("the overflow chain is complete");
        }
        long current = next;
        int length = (int) Math.min(OverflowPage.contentSize(usableSize), payloadSize - filled);
        if (destination != null) {
            MemorySegment.copy(overflowPage, OverflowPage.CONTENT_OFFSET, destination, filled, length);
        }
        filled += length;
        pagesRead++;
        next = 0;
        follow(OverflowPage.nextPage(overflowPage), current);
    }

    private void follow(long link, long from) {
        if (filled >= payloadSize) {
            return;
        }
        if (link == 0) {
            throw new CorruptDatabaseException(from, "overflow chain ends " + (payloadSize - filled)
                    + " bytes before the payload does");
        }
        if (link < 2 || link > Integer.MAX_VALUE || (databaseSize != 0 && link > databaseSize)) {
            throw new CorruptDatabaseException(from, "overflow page number " + link + " out of range");
        }
        if (visited.get((int) link)) {
            throw new CorruptDatabaseException(from, "overflow chain loops back to page " + link);
        }
        visited.set((int) link);
        next = link;
    }
}
