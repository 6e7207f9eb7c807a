package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.PageHeader;

import java.lang.foreign.MemorySegment;

/**
 * One cell taken off a page where it lies, as SQLite's {@code dropCell} and {@code freeSpace}
 * do it: its pointer leaves the pointer array, and its bytes become free space. If they start
 * the content area, the content area just shrinks; otherwise they become a freeblock, in
 * offset order in the page's chain, merged with a freeblock that ends or starts within three
 * bytes of it (the bytes between were fragments, and now belong to the block, so the page's
 * fragment count drops by them).
 *
 * <p>{@link #plan} reads the page as it is and makes every check (a broken chain or an overlap
 * means a corrupt page) before anything changes; {@link #apply} then writes the page, and
 * cannot fail. Immutable; any thread.
 */
final class CellRemoval {
    private final int pos;
    /** The merged block: {@code [start, end)}. */
    private final int start;
    private final int end;
    /** The freeblock after the merged block, or 0. */
    private final int next;
    /** The freeblock before the merged block (whose link is updated), or 0 for the header's. */
    private final int prev;
    private final int fragmentsAbsorbed;

    private CellRemoval(int pos, int start, int end, int next, int prev, int fragmentsAbsorbed) {
        this.pos = pos;
        this.start = start;
        this.end = end;
        this.next = next;
        this.prev = prev;
        this.fragmentsAbsorbed = fragmentsAbsorbed;
    }

    /** Plans the removal of cell {@code pos} of {@code pg}, which takes {@code size} bytes at {@code offset}. */
    static CellRemoval plan(BTreePage pg, int pos, int offset, int size) {
        int start = offset;
        int end = offset + size;
        int prev = 0;
        int next = pg.nextFreeblock(0);
        while (next != 0 && next < start) {
            prev = next;
            next = pg.nextFreeblock(next);
        }
        int fragments = 0;
        if (next != 0 && end + 3 >= next) {
            if (end > next) {
                throw new CorruptDatabaseException(pg.pageNumber(), "cell at " + offset + " overlaps a freeblock");
            }
            fragments = next - end;
            end = next + pg.freeblockSize(next);
            next = pg.nextFreeblock(next);
        }
        if (prev != 0) {
            int prevEnd = prev + pg.freeblockSize(prev);
            if (prevEnd > start) {
                throw new CorruptDatabaseException(pg.pageNumber(), "cell at " + offset + " overlaps a freeblock");
            }
            if (prevEnd + 3 >= start) {
                fragments += start - prevEnd;
                start = prev; // the block before grows over the cell; its predecessor's link stands
            }
        }
        if (fragments > pg.fragmentedBytes() || start < pg.contentStart()
                || start == pg.contentStart() && prev != 0) {
            throw new CorruptDatabaseException(pg.pageNumber(), "free space accounting broken around cell " + pos);
        }
        return new CellRemoval(pos, start, end, next, prev, fragments);
    }

    /** Removes the cell from {@code s}, the writable bytes of the page {@code pg} was read from. */
    void apply(MemorySegment s, BTreePage pg) {
        int hdr = pg.headerOffset();
        int pointers = hdr + pg.type().headerSize();
        int n = pg.cellCount();
        MemorySegment.copy(s, pointers + 2L * (pos + 1), s, pointers + 2L * pos, 2L * (n - pos - 1));
        PageHeader.setCellCount(s, hdr, n - 1);
        PageHeader.setFragmentedBytes(s, hdr, pg.fragmentedBytes() - fragmentsAbsorbed);
        if (start == pg.contentStart()) {
            PageHeader.setFirstFreeblock(s, hdr, next);
            PageHeader.setContentStart(s, hdr, end);
            return;
        }
        if (start != prev) { // a new block, linked in after prev (or first)
            if (prev == 0) {
                PageHeader.setFirstFreeblock(s, hdr, start);
            } else {
                BigEndian.putU16(s, prev + PageHeader.FREEBLOCK_NEXT_OFFSET, start);
            }
        }
        BigEndian.putU16(s, start + PageHeader.FREEBLOCK_NEXT_OFFSET, next);
        BigEndian.putU16(s, start + PageHeader.FREEBLOCK_SIZE_OFFSET, end - start);
    }
}
