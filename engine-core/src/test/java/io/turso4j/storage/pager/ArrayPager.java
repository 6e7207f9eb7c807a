package io.turso4j.storage.pager;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.LockBytePage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A test double for {@link Pager}: the whole database as an array of page buffers, for testing
 * the layers above the pager (B-trees, integrity checks) apart from the WAL and the file.
 *
 * <p>It keeps the pager's contract where the layers above can observe it: pages must be
 * {@link #write}-ed before they change (a page changed without it is caught at commit),
 * rollback and savepoints restore page images, page numbers past the end are CORRUPT, and
 * with a {@link Random} it throws {@link IoPending} on a share of {@link #get}s (the page
 * becomes "resident" right after), so callers' load-then-mutate discipline is exercised.
 * Single-threaded, like a real pager.
 */
public final class ArrayPager implements Pager {
    private final List<Buffer> pages = new ArrayList<>();
    private final Random pendingRandom;
    private final double pendingShare;
    private int pageSize;
    private int reservedBytes;
    private boolean reading;
    private boolean writing;
    private List<Buffer> committed;
    /** Per open savepoint: pre-images of pages first written under it, and the page count then. */
    private final Deque<Map<Integer, Buffer>> savepoints = new ArrayDeque<>();
    private final Deque<Integer> savepointCounts = new ArrayDeque<>();
    private final Map<Integer, Integer> pins = new HashMap<>();
    private final Set<Integer> writable = new HashSet<>();
    private final Set<Integer> resident = new HashSet<>();

    /** An empty database of the given page size; no pending reads. */
    public ArrayPager(int pageSize) {
        this(pageSize, null, 0);
    }

    /**
     * @param pendingRandom when not null, each {@link #get} of a page not read since the last
     *     transaction boundary throws {@link IoPending} with probability {@code pendingShare}
     */
    public ArrayPager(int pageSize, Random pendingRandom, double pendingShare) {
        this.pageSize = pageSize;
        this.pendingRandom = pendingRandom;
        this.pendingShare = pendingShare;
    }

    /** A database holding a copy of {@code image} (a whole file, e.g. one sqlite3 wrote). */
    public static ArrayPager of(byte[] image) {
        DatabaseHeader h = DatabaseHeader.decode(image);
        ArrayPager p = new ArrayPager(h.pageSize());
        p.reservedBytes = h.reservedBytes();
        for (int off = 0; off + h.pageSize() <= image.length; off += h.pageSize()) {
            Buffer b = newPage(h.pageSize());
            MemorySegment.copy(MemorySegment.ofArray(image), off, b.segment(), 0, h.pageSize());
            p.pages.add(b);
        }
        return p;
    }

    /** The whole database as bytes, e.g. to hand to sqlite3. */
    public byte[] image() {
        byte[] out = new byte[pages.size() * pageSize];
        for (int i = 0; i < pages.size(); i++) {
            MemorySegment.copy(pages.get(i).segment(), ValueLayout.JAVA_BYTE, 0, out, i * pageSize, pageSize);
        }
        return out;
    }

    /** Pins still held: a leak check for tests to assert is empty. */
    public Map<Integer, Integer> heldPins() {
        Map<Integer, Integer> held = new HashMap<>(pins);
        held.values().removeIf(n -> n == 0);
        return held;
    }

    private static Buffer newPage(int size) {
        return Buffer.allocate(size);
    }

    @Override public int pageSize() { return pageSize; }
    @Override public int usableSize() { return pageSize - reservedBytes; }
    @Override public int pageCount() { return pages.size(); }
    @Override public void setCacheSize(int pagesInCache) { }

    @Override
    public boolean setPageSize(int size) {
        if (!pages.isEmpty() || !DatabaseHeader.isValidPageSize(size)) {
            return false;
        }
        pageSize = size;
        return true;
    }

    @Override
    public void beginRead() {
        if (reading) {
            throw new IllegalStateException("read transaction already open");
        }
        reading = true;
        resident.clear();
    }

    @Override
    public void endRead() {
        if (writing) {
            throw new IllegalStateException("end the write transaction first");
        }
        reading = false;
    }

    @Override
    public void beginWrite() {
        if (!reading || writing) {
            throw new IllegalStateException("beginWrite needs a read transaction and no write");
        }
        writing = true;
        committed = copyAll();
    }

    @Override public boolean inWriteTransaction() { return writing; }

    @Override
    public void commit() {
        requireWrite();
        List<Buffer> before = committed;
        for (int i = 0; i < Math.min(before.size(), pages.size()); i++) {
            if (!writable.contains(i + 1) && pages.get(i).segment().mismatch(before.get(i).segment()) >= 0) {
                throw new AssertionError("page " + (i + 1) + " changed without Pager.write");
            }
        }
        writing = false;
        committed = null;
        writable.clear();
        savepoints.clear();
        savepointCounts.clear();
    }

    @Override
    public void rollback() {
        requireWrite();
        pages.clear();
        pages.addAll(committed);
        writing = false;
        committed = null;
        writable.clear();
        savepoints.clear();
        savepointCounts.clear();
    }

    @Override
    public int openSavepoint() {
        requireWrite();
        savepoints.push(new HashMap<>());
        savepointCounts.push(pages.size());
        return savepoints.size();
    }

    @Override
    public void releaseSavepoint(int depth) {
        while (savepoints.size() >= depth && !savepoints.isEmpty()) {
            Map<Integer, Buffer> inner = savepoints.pop();
            savepointCounts.pop();
            if (!savepoints.isEmpty()) {
                inner.forEach(savepoints.peek()::putIfAbsent);
            }
        }
    }

    @Override
    public void rollbackToSavepoint(int depth) {
        while (savepoints.size() > depth) {
            Map<Integer, Buffer> inner = savepoints.pop();
            savepointCounts.pop();
            inner.forEach(savepoints.peek()::putIfAbsent);
        }
        Map<Integer, Buffer> images = savepoints.peek();
        int count = savepointCounts.peek();
        images.forEach((n, image) -> {
            if (n <= count) {
                MemorySegment.copy(image.segment(), 0, pages.get(n - 1).segment(), 0, pageSize);
            }
        });
        while (pages.size() > count) {
            pages.removeLast();
        }
        images.clear();
    }

    @Override
    public Page get(int number) {
        if (!reading) {
            throw new IllegalStateException("get outside a read transaction");
        }
        if (number < 1 || number > pages.size()) {
            throw new CorruptDatabaseException(number, "page number out of range (database has "
                    + pages.size() + " pages)");
        }
        if (pendingRandom != null && resident.add(number) && pendingRandom.nextDouble() < pendingShare) {
            throw new IoPending(Completion.succeeded(pageSize));
        }
        resident.add(number);
        pins.merge(number, 1, Integer::sum);
        return wrap(number);
    }

    private Page wrap(int number) {
        return new Page(number, pages.get(number - 1), Completion.succeeded(pageSize));
    }

    @Override public void prefetch(int number) { }
    @Override public void readAhead(int number) { }

    @Override
    public void unpin(Page page) {
        Integer n = pins.get(page.number());
        if (n == null || n == 0) {
            throw new IllegalStateException("unpin of unpinned " + page);
        }
        pins.put(page.number(), n - 1);
    }

    @Override
    public void write(Page page) {
        requireWrite();
        if (pins.getOrDefault(page.number(), 0) == 0) {
            throw new IllegalStateException("write of unpinned " + page);
        }
        writable.add(page.number());
        for (Map<Integer, Buffer> sp : savepoints) {
            sp.computeIfAbsent(page.number(), n -> copy(pages.get(n - 1)));
        }
    }

    @Override
    public Page allocate() {
        requireWrite();
        if (LockBytePage.is(pages.size() + 1, pageSize)) {
            pages.add(newPage(pageSize));
        }
        pages.add(newPage(pageSize));
        int number = pages.size();
        resident.add(number);
        pins.merge(number, 1, Integer::sum);
        writable.add(number);
        return wrap(number);
    }

    @Override
    public void truncate(int pageCount) {
        requireWrite();
        if (pageCount > pages.size()) {
            throw new IllegalArgumentException("truncate beyond the end: " + pageCount);
        }
        while (pages.size() > pageCount) {
            pages.removeLast();
        }
    }

    @Override
    public void close() {
        if (writing) {
            rollback();
        }
        reading = false;
    }

    private void requireWrite() {
        if (!writing) {
            throw new SqliteException(ResultCode.ERROR, "no write transaction");
        }
    }

    private List<Buffer> copyAll() {
        List<Buffer> out = new ArrayList<>(pages.size());
        for (Buffer s : pages) {
            out.add(copy(s));
        }
        return out;
    }

    private Buffer copy(Buffer s) {
        Buffer c = newPage(pageSize);
        MemorySegment.copy(s.segment(), 0, c.segment(), 0, pageSize);
        return c;
    }
}
