package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.LockBytePage;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One B-tree operation's view of the pages: the "load, then mutate" rule (DESIGN.md, "Never
 * block") made mechanical. Pages are read through {@link #read} (pinning them in the pager),
 * changed only in private copies taken by {@link #write}, appended by {@link #extend} and cut
 * by {@link #truncate}, all without touching the pager's state. Only {@link #apply}, called
 * once the whole operation has run without an {@link IoPending}, hands the changes to the
 * pager; an operation that meets {@code IoPending} calls {@link #release} instead and has
 * changed nothing, so its retry simply runs again (the pages it read are now resident).
 *
 * <p>Invariants: every page read is pinned until {@link #apply} or {@link #release}; a page
 * written here is a heap copy, so a segment obtained from {@link #read} before a {@link
 * #write} of the same page shows the old bytes (callers re-read after writing); page numbers
 * above the pager's count are pages this edit appended, numbered as {@link Pager#allocate}
 * will number them (skipping the lock-byte page).
 *
 * <p>One operation at a time ({@link #restart} after {@link #release} begins the next), one
 * thread.
 */
final class PageEdit {
    private final Pager pager;
    private int pageSize;
    private int basePageCount;
    /** The pages touched, in first-touch order: {@code numbers[i]} is {@code slots[i]}'s page. */
    private int[] numbers = new int[8];
    private Slot[] slots = new Slot[8];
    private int touched;
    /** The slot {@link #position} found last (valid while below {@link #touched}). */
    private int lastPosition;
    /** Page number → index in {@link #slots}, built once an edit touches many pages. */
    private Map<Integer, Integer> index;
    private int pageCount;
    /** The large scan this operation reads for ({@link #forScan}), or null. */
    private Object scan;
    /**
     * Page-sized arrays of changed copies this edit dropped, reused by the next copy: a
     * reused edit ({@link #restart}) then changes a row without allocating and zeroing a
     * page, and copies into memory the last operation left in the cache.
     */
    private final byte[][] spare = new byte[SPARES][];
    private int spareCount;

    private static final int SPARES = 8;

    /** A touched page; kept in {@link #slots} from operation to operation and filled anew ({@link #put}). */
    private static final class Slot {
        Page page;
        MemorySegment data;
        boolean dirty;
    }

    PageEdit(Pager pager) {
        this.pager = pager;
        restart();
    }

    /**
     * Makes a released edit new again, seeing the pager as it is now: a read-only operation
     * reuses one edit rather than allocate one per cursor move.
     */
    PageEdit restart() {
        if (touched != 0) {
            throw new IllegalStateException("restart of an edit that still holds pages");
        }
        pageSize = pager.pageSize();
        basePageCount = pager.pageCount();
        pageCount = basePageCount;
        scan = null;
        return this;
    }

    /**
     * Makes this operation's reads those of {@code scan}, a cursor's walk through more leaves
     * than it will come back to ({@link Pager#getForScan}); null makes them ordinary reads.
     */
    void forScan(Object scan) {
        this.scan = scan;
    }

    int pageSize() {
        return pageSize;
    }

    int usableSize() {
        return pager.usableSize();
    }

    /** The pager's cache bound, in pages. */
    int cacheSize() {
        return pager.cacheSize();
    }

    /** A 4-byte field of the database header on page 1. May throw {@link IoPending}. */
    long header(int offset) {
        return BigEndian.u32(read(1), offset);
    }

    void setHeader(int offset, long value) {
        BigEndian.putU32(write(1), offset, value);
    }

    /** Whether pointer-map pages are kept (auto_vacuum FULL or INCREMENTAL). */
    boolean autoVacuum() {
        return pageCount > 0 && header(DatabaseHeader.LARGEST_ROOT_PAGE_OFFSET) != 0;
    }

    /** Pages in the database as this edit sees it. */
    int pageCount() {
        return pageCount;
    }

    /** Page {@code n}'s bytes, read-only. May throw {@link IoPending}. */
    MemorySegment read(int n) {
        if (n < 1 || n > pageCount) {
            throw new CorruptDatabaseException(n, "page number out of range (database has " + pageCount + " pages)");
        }
        Slot s = slot(n);
        if (s != null) {
            return s.data;
        }
        Page page = scan == null ? pager.get(n) : pager.getForScan(n, scan);
        put(n, page, page.buffer().segment(), false);
        return page.buffer().segment();
    }

    /**
     * The pager's page behind page {@code n} as this edit read it, or null if the edit has not
     * read it or holds a changed copy: what a cursor keeps to re-read the page later without
     * an edit, as long as {@link Pager#isCurrent} says it still may.
     */
    Page readPage(int n) {
        Slot s = slot(n);
        return s == null || s.dirty ? null : s.page;
    }

    /** Starts reading page {@code n} ahead of need, if it is an existing page. */
    void prefetch(long n) {
        if (isUnread(n)) {
            pager.prefetch((int) n);
        }
    }

    /** {@link Pager#readAhead} of page {@code n} for a scan, if it is an existing page. */
    void readAhead(long n) {
        if (isUnread(n)) {
            pager.readAhead((int) n);
        }
    }

    /** Whether {@code n} is a page of the database as it was, not yet read by this edit. */
    private boolean isUnread(long n) {
        return n >= 1 && n <= basePageCount && n <= pageCount && slot((int) n) == null;
    }

    /** Page {@code n}'s bytes, to be changed. May throw {@link IoPending}. */
    MemorySegment write(int n) {
        read(n);
        Slot s = slot(n);
        if (!s.dirty) {
            MemorySegment copy = MemorySegment.ofArray(pageArray());
            MemorySegment.copy(s.data, 0, copy, 0, pageSize);
            s.data = copy;
            s.dirty = true;
        }
        return s.data;
    }

    /**
     * Page {@code n}'s own bytes in the pager, to be changed there: for an operation's last
     * change, made once it has read every page it needs and nothing after it can fail, which
     * spares the copy {@link #write} takes and {@link #apply} puts back. Falls back to {@link
     * #write} for a page this edit already changed or appended. May throw {@link IoPending}
     * only as {@link #read} does, before anything changed.
     */
    MemorySegment writeInPlace(int n) {
        read(n);
        Slot s = slot(n);
        if (s.dirty || s.page == null) {
            return write(n);
        }
        pager.write(s.page);
        return s.data;
    }

    /** Appends a zero-filled page and returns its number. */
    int extend() {
        if (pageCount < basePageCount) {
            throw new IllegalStateException("extend after truncate in one edit");
        }
        pageCount++;
        if (LockBytePage.is(pageCount, pageSize)) {
            pageCount++;
        }
        byte[] zeros = pageArray();
        Arrays.fill(zeros, (byte) 0);
        Page old = put(pageCount, null, MemorySegment.ofArray(zeros), true);
        if (old != null) {
            pager.unpin(old);
        }
        return pageCount;
    }

    /** Cuts the database to {@code count} pages. */
    void truncate(int count) {
        pageCount = count;
    }

    /** Hands every change to the pager and releases the pins. Does no I/O. */
    void apply() {
        try {
            for (int i : inPageOrder()) {
                Slot s = slots[i];
                if (s.dirty && s.page != null && numbers[i] <= pageCount) {
                    pager.write(s.page);
                    MemorySegment.copy(s.data, 0, s.page.buffer().segment(), 0, pageSize);
                }
            }
            for (int n = basePageCount + 1; n <= pageCount; n++) {
                if (LockBytePage.is(n, pageSize)) {
                    continue;
                }
                Page page = pager.allocate();
                if (page.number() != n) {
                    pager.unpin(page);
                    throw new IllegalStateException("pager allocated page " + page.number() + ", expected " + n);
                }
                Slot s = slot(n);
                if (s != null) {
                    MemorySegment.copy(s.data, 0, page.buffer().segment(), 0, pageSize);
                }
                pager.unpin(page);
            }
            if (pageCount < basePageCount) {
                pager.truncate(pageCount);
            }
        } finally {
            release();
        }
    }

    /**
     * Drops every change but hands the pins of the pages read so far to {@code into}, for an
     * operation that met {@link IoPending}: its retry then finds them resident.
     */
    void retainPins(List<Page> into) {
        for (int i = 0; i < touched; i++) {
            if (slots[i].page != null) {
                into.add(slots[i].page);
            }
        }
        clear();
    }

    /** Drops every change and releases the pins. */
    void release() {
        for (int i = 0; i < touched; i++) {
            if (slots[i].page != null) {
                pager.unpin(slots[i].page);
            }
        }
        clear();
    }

    // ---- the touched pages: a short array searched in place, indexed once it grows -------------
    // (most operations touch a handful of pages; a HashMap per cursor move cost more than the move)

    private static final int INDEX_FROM = 16;

    private Slot slot(int n) {
        int i = position(n);
        return i < 0 ? null : slots[i];
    }

    private int position(int n) {
        // an operation asks for the page it just touched again and again (read, write, readPage)
        int last = lastPosition;
        if (last < touched && numbers[last] == n) {
            return last;
        }
        if (index != null) {
            Integer i = index.get(n);
            return i == null ? -1 : remember(i);
        }
        for (int i = 0; i < touched; i++) {
            if (numbers[i] == n) {
                return remember(i);
            }
        }
        return -1;
    }

    private int remember(int i) {
        lastPosition = i;
        return i;
    }

    /** Sets page {@code n}'s slot; returns the page of the one it replaces, or null. */
    private Page put(int n, Page page, MemorySegment data, boolean dirty) {
        int at = position(n);
        Page old = null;
        if (at >= 0) {
            old = slots[at].page;
        } else {
            at = append(n);
        }
        Slot s = slots[at];
        s.page = page;
        s.data = data;
        s.dirty = dirty;
        return old;
    }

    /** Adds a slot for page {@code n} (its Slot reused if an earlier operation left one there); returns its position. */
    private int append(int n) {
        if (touched == numbers.length) {
            numbers = Arrays.copyOf(numbers, touched * 2);
            slots = Arrays.copyOf(slots, touched * 2);
        }
        if (slots[touched] == null) {
            slots[touched] = new Slot();
        }
        numbers[touched] = n;
        lastPosition = touched;
        touched++;
        if (index != null) {
            index.put(n, touched - 1);
        } else if (touched == INDEX_FROM) {
            index = new HashMap<>();
            for (int i = 0; i < touched; i++) {
                index.put(numbers[i], i);
            }
        }
        return touched - 1;
    }

    /** Indexes of the touched slots, ordered by page number (so changes reach the pager in page order). */
    private int[] inPageOrder() {
        // an insertion sort: an edit touches a handful of pages, mostly already in order
        int[] out = new int[touched];
        for (int i = 0; i < touched; i++) {
            int j = i;
            while (j > 0 && numbers[out[j - 1]] > numbers[i]) {
                out[j] = out[j - 1];
                j--;
            }
            out[j] = i;
        }
        return out;
    }

    /** A page-sized array with any contents: a spare one if there is one. */
    private byte[] pageArray() {
        while (spareCount > 0) {
            byte[] a = spare[--spareCount];
            spare[spareCount] = null;
            if (a.length == pageSize) {
                return a;
            }
        }
        return new byte[pageSize];
    }

    /**
     * Forgets the touched pages. Their changed copies become spares: nothing outside the
     * operation holds them once it has been applied or dropped.
     */
    private void clear() {
        for (int i = 0; i < touched; i++) {
            Slot s = slots[i];
            if (spareCount < SPARES && s.dirty && s.data.heapBase().orElse(null) instanceof byte[] a
                    && a.length == pageSize) {
                spare[spareCount++] = a;
            }
            // the slot stays for the next operation, holding nothing
            s.page = null;
            s.data = null;
        }
        touched = 0;
        index = null;
    }
}
