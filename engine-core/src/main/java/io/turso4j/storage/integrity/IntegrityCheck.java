package io.turso4j.storage.integrity;

import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.PointerMap;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;
import io.turso4j.value.IndexKeyComparator;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;

/**
 * The storage-level part of {@code PRAGMA integrity_check}, as SQLite's {@code
 * sqlite3BtreeIntegrityCheck}: the freelist, every B-tree given as a root (page bounds, cells,
 * rowid order, overflow chains, depth, byte coverage), pointer-map entries in auto-vacuum
 * databases, and finally that every page of the file was used exactly once. Messages use
 * sqlite3 3.40's wording and order, so {@code messages} equals the lines sqlite3 prints after
 * "*** in database main ***"; an empty list means "ok". Checking that indexes match their
 * tables is SQL-level work, not done here. {@code PRAGMA quick_check} runs this same storage
 * check in SQLite (it only skips the SQL-level index checks), so it needs no mode of its own.
 *
 * <p>Phases, in SQLite's order: FREELIST ("Main freelist: ..."), HEADER (largest root page
 * against the header in auto-vacuum databases), TREES (one root at a time, each with its
 * pointer-map entry), UNUSED (pages never used, pointer-map pages referenced), DONE.
 *
 * <p>Never blocking: {@link #run} may throw {@link io.turso4j.storage.IoPending} when a page is
 * not resident; call it again once the read is done and it continues where it stopped (see
 * {@link Step}). The caller holds a read transaction across all calls. Corrupt bytes become
 * messages, never exceptions; the walk ends because every page is claimed at most once and
 * every loop is bounded by the page count. Not thread-safe: one connection's thread.
 */
public final class IntegrityCheck {
    /** SQLite's default limit on messages ({@code PRAGMA integrity_check} without N). */
    public static final int DEFAULT_MAX_ERRORS = 100;

    private enum Phase { START, FREELIST, HEADER, TREES, UNUSED, DONE }

    private final Pager pager;
    private final long[] roots;
    private final int maxErrors;
    private final boolean partial;
    private final Map<Long, IndexKeyComparator> keyOrders;
    private CheckContext ctx;
    private Phase phase = Phase.START;
    private int rootIndex;
    private long unusedPage = 1;
    private long freelistTrunk;
    private int freelistCount;
    private long largestRootInHeader;
    private long incrementalVacuum;

    /**
     * A full check of the trees rooted at {@code roots} (every table and index of the schema,
     * and 1 for sqlite_schema itself; see {@link SchemaRoots}), reporting at most {@code
     * maxErrors} messages, with no index key order checks.
     */
    public IntegrityCheck(Pager pager, List<Long> roots, int maxErrors) {
        this(pager, roots, maxErrors, false, Map.of());
    }

    /**
     * @param roots root pages in the order to check them (messages follow this order); 0 entries
     *     are skipped
     * @param partial check only these trees, as {@code PRAGMA integrity_check(table)}: no unused
     *     page check, no root pointer-map or header checks, and the freelist only if
     *     {@code roots} starts with page 1
     * @param keyOrders per index root page, the comparator whose order its keys must follow
     *     (our addition; roots without one get no key order check)
     */
    public IntegrityCheck(Pager pager, List<Long> roots, int maxErrors, boolean partial,
            Map<Long, IndexKeyComparator> keyOrders) {
        if (maxErrors < 1) {
            throw new IllegalArgumentException("maxErrors must be at least 1: " + maxErrors);
        }
        this.pager = pager;
        this.roots = roots.stream().mapToLong(r -> r & 0xFFFFFFFFL).toArray();
        this.maxErrors = maxErrors;
        this.partial = partial;
        this.keyOrders = Map.copyOf(keyOrders);
    }

    /**
     * Runs the check to the end and returns its messages, empty for "ok".
     *
     * @throws io.turso4j.storage.IoPending when a page must be read first; call again later
     */
    public List<String> run() {
        while (phase != Phase.DONE) {
            ctxSteps();
            switch (phase) {
                case START -> start();
                case FREELIST -> {
                    ctx.prefix = Prefix.NONE;
                    phase = Phase.HEADER;
                }
                case HEADER -> header();
                case TREES -> tree();
                case UNUSED -> unused();
                case DONE -> { }
            }
        }
        return ctx == null ? List.of() : ctx.messages();
    }

    /** Whether {@link #run} has finished. */
    public boolean isDone() {
        return phase == Phase.DONE;
    }

    private void ctxSteps() {
        if (ctx != null) {
            ctx.runSteps();
        }
    }

    /** Reads the header fields the check needs from page 1 (may pend), then sets up. */
    private void start() {
        if (pager.pageCount() == 0) {
            phase = Phase.DONE;
            return;
        }
        Page page1 = pager.get(1);
        try {
            MemorySegment s = page1.buffer().segment();
            freelistTrunk = BigEndian.u32(s, DatabaseHeader.FIRST_FREELIST_TRUNK_OFFSET);
            freelistCount = (int) BigEndian.u32(s, DatabaseHeader.FREELIST_COUNT_OFFSET);
            largestRootInHeader = BigEndian.u32(s, DatabaseHeader.LARGEST_ROOT_PAGE_OFFSET);
            incrementalVacuum = BigEndian.u32(s, DatabaseHeader.INCREMENTAL_VACUUM_OFFSET);
        } finally {
            pager.unpin(page1);
        }
        // SQLite's BtShared.autoVacuum is "the largest root page field is not zero".
        ctx = new CheckContext(pager, maxErrors, largestRootInHeader != 0);
        boolean checkFreelist = !partial || (roots.length > 0 && roots[0] == 1);
        if (checkFreelist) {
            ctx.prefix = Prefix.MAIN_FREELIST;
            ctx.push(new ListCheck(ctx, true, freelistTrunk, freelistCount, null, 0));
        }
        phase = Phase.FREELIST;
    }

    private void header() {
        if (!partial) {
            if (ctx.autoVacuum) {
                long max = 0;
                for (long r : roots) {
                    max = Math.max(max, r);
                }
                if (max != largestRootInHeader) {
                    ctx.message("max rootpage (" + (int) max + ") disagrees with header ("
                            + (int) largestRootInHeader + ")");
                }
            } else if (incrementalVacuum != 0) {
                ctx.message("incremental_vacuum enabled with a max rootpage of zero");
            }
        }
        phase = Phase.TREES;
    }

    /** One root per call: its pointer-map entry (may pend), then its tree as sub-steps. */
    private void tree() {
        if (rootIndex == roots.length || !ctx.budgetLeft()) {
            phase = partial ? Phase.DONE : Phase.UNUSED;
            return;
        }
        long root = roots[rootIndex];
        if (root == 0) {
            rootIndex++;
            return;
        }
        if (ctx.autoVacuum && root > 1 && !partial) {
            ctx.checkPtrmap(root, PointerMap.ROOTPAGE, 0);
        }
        IndexKeyComparator order = keyOrders.get(root);
        ctx.push(new TreePageCheck(ctx, root, Long.MAX_VALUE, order == null ? null : new KeyOrderCheck(ctx, order)));
        rootIndex++;
    }

    private void unused() {
        for (; unusedPage <= ctx.pageCount && ctx.budgetLeft(); unusedPage++) {
            boolean mapPage = ctx.autoVacuum && PointerMap.isPointerMapPage(unusedPage, ctx.pageSize, ctx.usableSize);
            boolean used = ctx.isReferenced(unusedPage);
            if (!used && !mapPage) {
                ctx.message("Page " + unusedPage + " is never used");
            }
            if (used && mapPage) {
                ctx.message("Pointer map page " + unusedPage + " is referenced");
            }
        }
        phase = Phase.DONE;
    }
}
