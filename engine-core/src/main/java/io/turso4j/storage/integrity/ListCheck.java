package io.turso4j.storage.integrity;

import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.FreelistTrunkPage;
import io.turso4j.storage.format.OverflowPage;
import io.turso4j.storage.format.PointerMap;
import io.turso4j.storage.pager.Page;
import java.lang.foreign.MemorySegment;

/**
 * Walks the freelist or one overflow chain, as SQLite's {@code checkList}: claims every page
 * on it (so a cycle ends at the "2nd reference"), checks the pointer-map entries of auto-vacuum
 * databases, and compares the number of pages found with the number expected (the header's
 * freelist count, or what the cell's payload size needs).
 *
 * <p>States: HEAD (claim the next page) → TRUNK_PTRMAP → TRUNK_COUNT → TRUNK_LEAVES (freelist)
 * or OVERFLOW_PTRMAP (overflow chain) → HEAD, until the list ends, a page cannot be claimed or
 * the message budget is spent; then TAIL reports a count mismatch. The count is an unsigned
 * 32-bit value that may wrap, as in SQLite, and is printed as {@code %d} prints it.
 *
 * <p>For an overflow chain it can also gather the payload (for the index key order check):
 * {@link #gathered()} is the whole payload when the chain was complete. One thread.
 */
final class ListCheck implements Step {
    private enum Phase { HEAD, TRUNK_PTRMAP, TRUNK_COUNT, TRUNK_LEAVES, OVERFLOW_PTRMAP, TAIL }

    private final CheckContext ctx;
    private final boolean freelist;
    private final int expected;
    private final int errorsAtStart;
    private final byte[] payload;
    private int filled;
    private Phase phase = Phase.HEAD;
    private long page;
    private long next;
    private int remaining;
    private long leafCount;
    private int leafIndex;

    /**
     * @param payload when not null, an overflow chain's payload buffer whose first {@code
     *     local} bytes are already filled; the chain's content is appended
     */
    ListCheck(CheckContext ctx, boolean freelist, long firstPage, int expected, byte[] payload, int local) {
        this.ctx = ctx;
        this.freelist = freelist;
        this.page = firstPage;
        this.expected = expected;
        this.remaining = expected;
        this.errorsAtStart = ctx.errorCount();
        this.payload = payload;
        this.filled = local;
    }

    /** The gathered payload if every byte of it was found, else null. */
    byte[] gathered() {
        return payload != null && filled == payload.length ? payload : null;
    }

    @Override
    public boolean step() {
        switch (phase) {
            case HEAD -> head();
            case TRUNK_PTRMAP -> {
                ctx.checkPtrmap(page, PointerMap.FREEPAGE, 0);
                phase = Phase.TRUNK_COUNT;
            }
            case TRUNK_COUNT -> trunkCount();
            case TRUNK_LEAVES -> trunkLeaf();
            case OVERFLOW_PTRMAP -> {
                ctx.checkPtrmap(next, PointerMap.OVERFLOW2, page);
                advance();
            }
            case TAIL -> {
                if (remaining != 0 && errorsAtStart == ctx.errorCount()) {
                    ctx.message((freelist ? "size" : "overflow list length") + " is "
                            + (expected - remaining) + " but should be " + expected);
                }
                return true;
            }
        }
        return false;
    }

    private void head() {
        if (page == 0 || !ctx.budgetLeft()) {
            phase = Phase.TAIL;
            return;
        }
        if (!ctx.claimable(page)) {
            ctx.checkRef(page);
            phase = Phase.TAIL;
            return;
        }
        Page p = ctx.get(page);
        try {
            MemorySegment s = p.buffer().segment();
            next = BigEndian.u32(s, freelist ? FreelistTrunkPage.NEXT_TRUNK_OFFSET : OverflowPage.NEXT_PAGE_OFFSET);
            leafCount = freelist ? BigEndian.u32(s, FreelistTrunkPage.LEAF_COUNT_OFFSET) : 0;
            if (payload != null) {
                int n = Math.min(OverflowPage.contentSize(ctx.usableSize), payload.length - filled);
                MemorySegment.copy(s, OverflowPage.CONTENT_OFFSET, MemorySegment.ofArray(payload), filled, n);
                filled += n;
            }
        } finally {
            ctx.pager.unpin(p);
        }
        ctx.checkRef(page);
        remaining--;
        if (freelist) {
            phase = ctx.autoVacuum ? Phase.TRUNK_PTRMAP : Phase.TRUNK_COUNT;
        } else if (ctx.autoVacuum && remaining != 0) {
            phase = Phase.OVERFLOW_PTRMAP;
        } else {
            advance();
        }
    }

    private void trunkCount() {
        if (leafCount > FreelistTrunkPage.capacity(ctx.usableSize)) {
            ctx.message("freelist leaf count too big on page " + (int) page);
            remaining--;
            advance();
        } else {
            leafIndex = 0;
            phase = Phase.TRUNK_LEAVES;
        }
    }

    /** One leaf per call: read it, check its pointer-map entry (both may pend), then claim it. */
    private void trunkLeaf() {
        if (leafIndex == leafCount) {
            remaining -= (int) leafCount;
            advance();
            return;
        }
        long leaf = ctx.readFrom(page, s -> FreelistTrunkPage.leaf(s, leafIndex));
        if (ctx.autoVacuum) {
            ctx.checkPtrmap(leaf, PointerMap.FREEPAGE, 0);
        }
        ctx.checkRef(leaf);
        leafIndex++;
    }

    private void advance() {
        page = next;
        phase = Phase.HEAD;
    }
}
