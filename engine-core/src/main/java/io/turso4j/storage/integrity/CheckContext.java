package io.turso4j.storage.integrity;

import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.LockBytePage;
import io.turso4j.storage.format.PointerMap;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The state one integrity check shares between its steps, as SQLite's {@code IntegrityCk}:
 * the page-reference bitmap, the messages with their budget, the current message prefix, and
 * the stack of pending {@link Step}s. Also the primitive checks: {@link #checkRef} ("every
 * page used exactly once") and {@link #checkPtrmap}.
 *
 * <p>Invariants: a page's bit is set the first time a structure claims it, never cleared;
 * {@link #errorBudget} counts down per recorded message and nothing is recorded at 0. Page
 * numbers are handled as unsigned 32-bit values in {@code long}s, as SQLite's {@code Pgno},
 * and printed as SQLite prints them (signed where it uses {@code %d}).
 *
 * <p>One thread: the one running the check.
 */
final class CheckContext {
    final Pager pager;
    final int pageCount;
    final int pageSize;
    final int usableSize;
    final boolean autoVacuum;
    private final BitSet referenced = new BitSet();
    private final List<String> messages = new ArrayList<>();
    private int errorBudget;
    private final Deque<Step> stack = new ArrayDeque<>();

    /** The message prefix in force and its arguments (SQLite's zPfx, v1, v2). */
    Prefix prefix = Prefix.NONE;
    long v1;
    long v2;

    CheckContext(Pager pager, int maxErrors, boolean autoVacuum) {
        this.pager = pager;
        this.pageCount = pager.pageCount();
        this.pageSize = pager.pageSize();
        this.usableSize = pager.usableSize();
        this.autoVacuum = autoVacuum;
        this.errorBudget = maxErrors;
        long lockByte = LockBytePage.pageNumber(pageSize);
        if (lockByte <= pageCount) {
            referenced.set((int) lockByte);
        }
    }

    // ---- the step stack ---------------------------------------------------------------------

    void push(Step step) {
        stack.push(step);
    }

    /** Runs steps until the stack is empty; may throw IoPending, after which call again. */
    void runSteps() {
        while (!stack.isEmpty()) {
            Step top = stack.peek();
            if (top.step()) {
                stack.pop();
            }
        }
    }

    // ---- messages ---------------------------------------------------------------------------

    /** Whether more messages may be recorded (SQLite's {@code mxErr > 0}). */
    boolean budgetLeft() {
        return errorBudget > 0;
    }

    /** Messages recorded so far (SQLite's {@code nErr}). */
    int errorCount() {
        return messages.size();
    }

    /** Records {@code text} behind the current prefix, unless the budget is spent. */
    void message(String text) {
        if (errorBudget <= 0) {
            return;
        }
        errorBudget--;
        messages.add(prefix.format(v1, v2) + text);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    // ---- page references --------------------------------------------------------------------

    /** Whether {@link #checkRef} of {@code page} would succeed: in range and not yet claimed. */
    boolean claimable(long page) {
        return page != 0 && page <= pageCount && !referenced.get((int) page);
    }

    /**
     * Claims {@code page} for the structure being checked. Returns true (after recording a
     * message) if the page is out of range or already claimed, as SQLite's {@code checkRef}.
     */
    boolean checkRef(long page) {
        if (page > pageCount || page == 0) {
            message("invalid page number " + (int) page);
            return true;
        }
        if (referenced.get((int) page)) {
            message("2nd reference to page " + (int) page);
            return true;
        }
        referenced.set((int) page);
        return false;
    }

    boolean isReferenced(long page) {
        return referenced.get((int) page);
    }

    // ---- pages ------------------------------------------------------------------------------

    /**
     * Reads a value from page {@code number} (1..pageCount) and unpins it again.
     *
     * @throws io.turso4j.storage.IoPending if the page is not resident yet
     */
    long readFrom(long number, ToLongFunction<MemorySegment> reader) {
        Page page = pager.get((int) number);
        try {
            return reader.applyAsLong(page.buffer().segment());
        } finally {
            pager.unpin(page);
        }
    }

    /** Page {@code number}, pinned; the caller unpins. May throw IoPending. */
    Page get(long number) {
        return pager.get((int) number);
    }

    // ---- pointer map ------------------------------------------------------------------------

    /**
     * Checks that the pointer-map entry of {@code child} is ({@code type}, {@code parent}), as
     * SQLite's {@code checkPtrmap}. Reads the pointer-map page first, so on IoPending nothing
     * has been recorded.
     */
    void checkPtrmap(long child, int type, long parent) {
        long entry = readPtrmap(child);
        if (entry < 0) {
            message("Failed to read ptrmap key=" + (int) child);
            return;
        }
        int gotType = (int) (entry >>> 32);
        long gotParent = entry & 0xFFFFFFFFL;
        if (gotType != type || gotParent != parent) {
            message("Bad ptr map entry key=" + (int) child + " expected=(" + type + "," + (int) parent
                    + ") got=(" + gotType + "," + (int) gotParent + ")");
        }
    }

    /**
     * The entry for {@code key} as {@code type << 32 | parent}, or -1 where SQLite's
     * {@code ptrmapGet} fails: no map page (key 0 or 1), the key is itself a map page, the map
     * page lies past the end of the file (SQLite reads zeros there), or the type is not 1..5.
     */
    private long readPtrmap(long key) {
        long mapPage = PointerMap.pageFor(key, pageSize, usableSize);
        if (mapPage == 0 || key <= mapPage || mapPage > pageCount) {
            return -1;
        }
        int offset = PointerMap.entryOffset(key, mapPage);
        long entry = readFrom(mapPage, s -> ((long) BigEndian.u8(s, offset + PointerMap.TYPE_OFFSET) << 32)
                | BigEndian.u32(s, offset + PointerMap.PARENT_OFFSET));
        int type = (int) (entry >>> 32);
        return type < PointerMap.ROOTPAGE || type > PointerMap.BTREE ? -1 : entry;
    }
}
