package io.turso4j.storage.integrity;

import io.turso4j.storage.format.PointerMap;
import io.turso4j.storage.pager.Page;

/**
 * Checks one B-tree page and, through sub-steps, the subtree below it: SQLite's {@code
 * checkTreePage} turned into a resumable state machine. The page is claimed (used exactly
 * once), must pass SQLite's page initialisation, and then the right child and the cells are
 * visited from the last cell to the first, as SQLite does, so messages come in sqlite3's order:
 * cell bounds, rowid order, overflow chains with their pointer-map entries, child pointer-map
 * entries, children and their depth; finally the byte coverage of the page ({@link
 * CoverageCheck}).
 *
 * <p>States: ENTER → [RIGHT_PTRMAP] → RIGHT_DESCEND → RIGHT_RETURN → (CELL → [OVERFLOW_PTRMAP
 * → OVERFLOW_DESCEND → OVERFLOW_RETURN] → [CHILD_PTRMAP → CHILD_DESCEND → CHILD_RETURN])* →
 * COVERAGE → done. Only small numbers are kept between steps; the page is re-read (normally a
 * cache hit) by each step that needs its bytes, so deep trees hold no pins.
 *
 * <p>The prefix in force when the step started is restored when it ends, as SQLite saves and
 * restores {@code zPfx}, {@code v1} and {@code v2}. One thread.
 */
final class TreePageCheck implements Step {
    private enum Phase {
        ENTER, RIGHT_PTRMAP, RIGHT_DESCEND, RIGHT_RETURN, CELL, OVERFLOW_PTRMAP, OVERFLOW_DESCEND,
        OVERFLOW_RETURN, CHILD_PTRMAP, CHILD_DESCEND, CHILD_RETURN, COVERAGE
    }

    private final CheckContext ctx;
    private final long pageNumber;
    private final KeyOrderCheck keyOrder;
    private final CellInfo cell = new CellInfo();
    private Phase phase = Phase.ENTER;

    private Prefix savedPrefix;
    private long savedV1;
    private long savedV2;

    private long maxKey;
    private boolean keyCanBeEqual = true;
    private int depth = -1;
    private boolean doCoverageCheck = true;
    private boolean leaf;
    private boolean intKey;
    private int cellCount;
    private int index;

    private long overflowPage;
    private int overflowPages;
    private long childPage;
    private byte[] keyPayload;
    private ListCheck overflow;
    private TreePageCheck child;

    /** The results SQLite returns: depth + 1, and the smallest key when the cells were seen. */
    private int resultDepth;
    private boolean minKeyKnown;

    /**
     * @param maxKey the largest rowid allowed on this subtree (inclusive for the first key)
     * @param keyOrder the index key order check of this tree, or null
     */
    TreePageCheck(CheckContext ctx, long pageNumber, long maxKey, KeyOrderCheck keyOrder) {
        this.ctx = ctx;
        this.pageNumber = pageNumber;
        this.maxKey = maxKey;
        this.keyOrder = keyOrder;
    }

    /** SQLite's return value: the subtree's depth plus one; 0 for a page that was not checked. */
    int depth() {
        return resultDepth;
    }

    /** Whether {@link #minKey} was set (SQLite writes {@code *piMinKey} only then). */
    boolean minKeyKnown() {
        return minKeyKnown;
    }

    long minKey() {
        return maxKey;
    }

    @Override
    public boolean step() {
        return switch (phase) {
            case ENTER -> enter();
            case RIGHT_PTRMAP -> {
                ctx.checkPtrmap(childPage, PointerMap.BTREE, pageNumber);
                phase = Phase.RIGHT_DESCEND;
                yield false;
            }
            case RIGHT_DESCEND, OVERFLOW_DESCEND, CHILD_DESCEND -> descend();
            case RIGHT_RETURN -> {
                depth = child.depth();
                childReturned();
                keyCanBeEqual = false;
                index = cellCount - 1;
                phase = Phase.CELL;
                yield false;
            }
            case CELL -> cell();
            case OVERFLOW_PTRMAP -> {
                ctx.checkPtrmap(overflowPage, PointerMap.OVERFLOW1, pageNumber);
                phase = Phase.OVERFLOW_DESCEND;
                yield false;
            }
            case OVERFLOW_RETURN -> {
                if (keyPayload != null) {
                    keyOrder.check(overflow.gathered(), pageNumber);
                }
                overflow = null;
                keyPayload = null;
                afterPayload();
                yield false;
            }
            case CHILD_PTRMAP -> {
                ctx.checkPtrmap(childPage, PointerMap.BTREE, pageNumber);
                phase = Phase.CHILD_DESCEND;
                yield false;
            }
            case CHILD_RETURN -> {
                int d2 = child.depth();
                childReturned();
                keyCanBeEqual = false;
                if (d2 != depth) {
                    ctx.message("Child page depth differs");
                    depth = d2;
                }
                index--;
                phase = Phase.CELL;
                yield false;
            }
            case COVERAGE -> coverage();
        };
    }

    private boolean enter() {
        if (pageNumber == 0) {
            return true;
        }
        if (!ctx.claimable(pageNumber)) {
            ctx.checkRef(pageNumber);
            return true;
        }
        Page page = ctx.get(pageNumber);
        try {
            CheckedPage p = new CheckedPage(page.buffer().segment(), pageNumber, ctx.pageSize, ctx.usableSize);
            ctx.checkRef(pageNumber);
            savedPrefix = ctx.prefix;
            savedV1 = ctx.v1;
            savedV2 = ctx.v2;
            ctx.prefix = Prefix.PAGE;
            ctx.v1 = pageNumber;
            String error = p.initError();
            if (error != null) {
                ctx.message(error);
                return finish();
            }
            ctx.prefix = Prefix.CELL;
            leaf = p.leaf();
            intKey = p.intKey();
            cellCount = p.cellCount();
            if (!leaf) {
                childPage = p.rightChild();
                if (ctx.autoVacuum) {
                    ctx.prefix = Prefix.RIGHT_CHILD;
                    phase = Phase.RIGHT_PTRMAP;
                } else {
                    phase = Phase.RIGHT_DESCEND;
                }
            } else {
                index = cellCount - 1;
                phase = Phase.CELL;
            }
            return false;
        } finally {
            ctx.pager.unpin(page);
        }
    }

    private boolean descend() {
        switch (phase) {
            case RIGHT_DESCEND, CHILD_DESCEND -> {
                child = new TreePageCheck(ctx, childPage, maxKey, keyOrder);
                phase = phase == Phase.RIGHT_DESCEND ? Phase.RIGHT_RETURN : Phase.CHILD_RETURN;
                ctx.push(child);
            }
            default -> {
                overflow = new ListCheck(ctx, false, overflowPage, overflowPages, keyPayload, cell.local);
                phase = Phase.OVERFLOW_RETURN;
                ctx.push(overflow);
            }
        }
        return false;
    }

    private void childReturned() {
        if (child.minKeyKnown()) {
            maxKey = child.minKey();
        }
        child = null;
    }

    /** One cell, from the last to the first: bounds, rowid order, then its payload and child. */
    private boolean cell() {
        if (index < 0 || !ctx.budgetLeft()) {
            minKeyKnown = true;
            ctx.prefix = Prefix.NONE;
            phase = Phase.COVERAGE;
            return false;
        }
        Page page = ctx.get(pageNumber);
        try {
            CheckedPage p = new CheckedPage(page.buffer().segment(), pageNumber, ctx.pageSize, ctx.usableSize);
            ctx.v2 = index;
            int pc = p.cellPointer(index);
            int contentOffset = p.contentOffset();
            if (pc < contentOffset || pc > ctx.usableSize - 4) {
                ctx.message("Offset " + pc + " out of range " + contentOffset + ".." + (ctx.usableSize - 4));
                doCoverageCheck = false;
                index--;
                return false;
            }
            p.parseCell(pc, cell);
            if (pc + cell.size > ctx.usableSize) {
                ctx.message("Extends off end of page");
                doCoverageCheck = false;
                index--;
                return false;
            }
            if (intKey) {
                if (keyCanBeEqual ? cell.key > maxKey : cell.key >= maxKey) {
                    ctx.message("Rowid " + cell.key + " out of order");
                }
                maxKey = cell.key;
                keyCanBeEqual = false;
            }
            childPage = cell.childPage;
            if (cell.spills()) {
                long spilled = (cell.payload - cell.local + ctx.usableSize - 5) & 0xFFFFFFFFL;
                overflowPages = (int) (spilled / (ctx.usableSize - 4));
                overflowPage = cell.overflowPage;
                keyPayload = checksKeys() ? keyOrder.payloadBuffer(cell, p) : null;
                phase = ctx.autoVacuum ? Phase.OVERFLOW_PTRMAP : Phase.OVERFLOW_DESCEND;
            } else {
                if (checksKeys()) {
                    keyOrder.check(KeyOrderCheck.localPayload(cell, p), pageNumber);
                }
                afterPayload();
            }
            return false;
        } finally {
            ctx.pager.unpin(page);
        }
    }

    /** Index trees with a key order to check; table trees are ordered by rowid above. */
    private boolean checksKeys() {
        return keyOrder != null && !intKey;
    }

    private void afterPayload() {
        if (leaf) {
            index--;
            phase = Phase.CELL;
        } else {
            phase = ctx.autoVacuum ? Phase.CHILD_PTRMAP : Phase.CHILD_DESCEND;
        }
    }

    private boolean coverage() {
        if (doCoverageCheck && ctx.budgetLeft()) {
            Page page = ctx.get(pageNumber);
            try {
                CheckedPage p = new CheckedPage(page.buffer().segment(), pageNumber, ctx.pageSize, ctx.usableSize);
                CoverageCheck.check(ctx, p, pageNumber, cell);
            } finally {
                ctx.pager.unpin(page);
            }
        }
        return finish();
    }

    private boolean finish() {
        ctx.prefix = savedPrefix;
        ctx.v1 = savedV1;
        ctx.v2 = savedV2;
        resultDepth = depth + 1;
        return true;
    }
}
