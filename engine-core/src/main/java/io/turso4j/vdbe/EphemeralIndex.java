package io.turso4j.vdbe;

import io.turso4j.storage.btree.BTreeCursor;
import io.turso4j.storage.btree.SeekOp;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A statement's temporary index ({@link Opcode#OpenEphemeral}; the in-memory part of a {@link
 * Sorter}): index records kept in memory, ordered by their leading key fields, and read through the same
 * {@link BTreeCursor} methods as a stored index, so the cursor opcodes serve both.
 *
 * <p>As a set (OpenEphemeral) an entry equal on the key fields replaces the one there; as a
 * sorter (SorterOpen) equal entries are all kept, in insertion order. Records are decoded once,
 * on insert. It never does I/O, so it never throws {@code IoPending}. One cursor, one thread.
 *
 * <p>A set starts as an array: entries filled before the first read (an IN list or subquery,
 * a materialised table) are appended, then sorted once (stably) and rid of all but the newest
 * of equal keys when first read, and read by binary search and index — several times cheaper
 * than keeping a tree ordered row by row. An insert after a read still appends while it comes
 * in order; one out of order, or a delete, moves every entry into the {@link TreeMap} that a
 * sorter always uses, and the set stays there (a DISTINCT probe interleaves Found and insert).
 */
final class EphemeralIndex implements BTreeCursor {
    /** One record; {@code bias} makes a search probe sort just before (-1) or after (+1) its equals. */
    private record Entry(byte[] record, Register[] fields, long seq, int bias) {}

    private final IndexKeyComparator key;
    private final boolean sorter;
    /**
     * A set's entries while in array mode ({@link #entries} null): {@code array[0 .. size)},
     * in insertion order until {@link #sorted}.
     */
    private Entry[] array;
    private int size;
    /** The array is in key order with no two entries equal. */
    private boolean sorted;
    /** The array was read since it was last emptied: an insert out of order then moves to the tree. */
    private boolean read;
    /** The current entry's index in the sorted array, or -1 when not known (after an insert). */
    private int position;
    /**
     * The entries, each mapped to itself or, once an equal one replaced it, to the newer one:
     * the map's key stays the first entry put, so every navigation reads the value, which is
     * always the newest (equal keys compare equal, so either finds the slot). Null while a set
     * is in array mode.
     */
    private TreeMap<Entry, Entry> entries;
    private long nextSeq;
    private Entry current;
    private Entry deleted;
    /** Counts inserts and deletes: a {@link #run} made before one is stale. */
    private long version;
    /**
     * The entries after {@link #runAt} in the direction the cursor last moved, so that a scan
     * steps in O(1) instead of searching the tree again for each Next/Prev; valid while the
     * cursor has not moved elsewhere and nothing was inserted or deleted since it was made.
     */
    private java.util.Iterator<Entry> run;
    private Entry runAt;
    private boolean runForward;
    private long runVersion;
    /**
     * The reader {@link #record()} returns, reset to {@code readerRecord}: reused, as a stored
     * cursor's is, because a DISTINCT or IN probe reads every entry it visits.
     */
    private final RecordReader reader = new RecordReader();
    private byte[] readerRecord;

    EphemeralIndex(IndexKeyComparator key, boolean sorter) {
        this.key = key;
        this.sorter = sorter;
        if (sorter) {
            this.entries = new TreeMap<>(this::compare);
        } else {
            emptyArray();
        }
    }

    private void emptyArray() {
        array = new Entry[16];
        size = 0;
        sorted = true;
        read = false;
        position = -1;
        entries = null;
    }

    /** Compares two entries on their key fields only. */
    private int compareKeys(Entry a, Entry b) {
        int n = Math.min(key.fieldCount(), Math.min(a.fields.length, b.fields.length));
        return key.compare(a.fields, 0, b.fields, 0, n);
    }

    /** Sorts the array and keeps the newest of equal entries (the stable sort leaves it last). */
    private void sortArray() {
        read = true;
        if (sorted) {
            return;
        }
        Arrays.sort(array, 0, size, this::compareKeys);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kept > 0 && compareKeys(array[kept - 1], array[i]) == 0) {
                array[kept - 1] = array[i];
            } else {
                array[kept++] = array[i];
            }
        }
        Arrays.fill(array, kept, size, null);
        size = kept;
        sorted = true;
        position = -1;
    }

    /** Moves to array entry {@code i}, or off the end when there is none. */
    private boolean moveTo(int i) {
        position = i >= 0 && i < size ? i : -1;
        return move(position >= 0 ? array[i] : null);
    }

    /** The current entry's index in the sorted array (the newest equal one is always kept). */
    private int currentIndex() {
        if (position < 0) {
            position = lowerBound(current.fields, 0, current.fields.length);
        }
        return position;
    }

    /** The first array index whose entry is not less than {@code probe[start .. start+count)}. */
    private int lowerBound(Register[] probe, int start, int count) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareTo(array[mid], probe, start, count) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first array index whose entry is greater than {@code probe[start .. start+count)}. */
    private int upperBound(Register[] probe, int start, int count) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareTo(array[mid], probe, start, count) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int compareTo(Entry e, Register[] probe, int start, int count) {
        int n = Math.min(key.fieldCount(), Math.min(e.fields.length, count));
        return key.compare(e.fields, 0, probe, start, n);
    }

    /** Leaves array mode: every entry goes into the tree, where the set stays. */
    private void toTree() {
        sortArray();
        entries = new TreeMap<>(this::compare);
        for (int i = 0; i < size; i++) {
            entries.put(array[i], array[i]);
        }
        array = null;
        size = 0;
        run = null;
    }

    private int compare(Entry a, Entry b) {
        int n = Math.min(key.fieldCount(), Math.min(a.fields.length, b.fields.length));
        int c = key.compare(a.fields, 0, b.fields, 0, n);
        if (c != 0) {
            return c;
        }
        if (a.bias != 0 || b.bias != 0) {
            return Integer.compare(a.bias, b.bias);
        }
        return sorter ? Long.compare(a.seq, b.seq) : 0;
    }

    private boolean move(Entry e) {
        current = e;
        deleted = null;
        return e != null;
    }

    private boolean move(Map.Entry<Entry, Entry> e) {
        return move(e == null ? null : e.getValue());
    }

    @Override
    public boolean first() {
        if (entries == null) {
            sortArray();
            return moveTo(0);
        }
        return startRun(entries, true);
    }

    @Override
    public boolean last() {
        if (entries == null) {
            sortArray();
            return moveTo(size - 1);
        }
        return startRun(entries.descendingMap(), false);
    }

    @Override
    public boolean next() {
        return step(true);
    }

    @Override
    public boolean prev() {
        return step(false);
    }

    /** Moves one entry on from the current one (or from where a deleted one was). */
    private boolean step(boolean forward) {
        Entry from = deleted != null ? deleted : current;
        if (from == null) {
            return move((Entry) null);
        }
        if (entries == null) {
            sortArray();
            return moveTo(currentIndex() + (forward ? 1 : -1));
        }
        if (deleted == null && run != null && runAt == current && runForward == forward && runVersion == version) {
            return stepRun();
        }
        return startRun(forward ? entries.tailMap(from, false) : entries.headMap(from, false).descendingMap(), forward);
    }

    private boolean startRun(java.util.NavigableMap<Entry, Entry> rest, boolean forward) {
        run = rest.values().iterator();
        runForward = forward;
        runVersion = version;
        return stepRun();
    }

    private boolean stepRun() {
        Entry e = run.hasNext() ? run.next() : null;
        runAt = e;
        return move(e);
    }

    @Override
    public boolean isValid() {
        return current != null;
    }

    @Override
    public boolean seekRowid(long rowid) {
        throw new UnsupportedOperationException("an ephemeral index has no rowids");
    }

    @Override
    public boolean seek(SeekOp op, Register[] regs, int start, int count) {
        if (entries == null) {
            sortArray();
            return moveTo(switch (op) {
                case GE -> lowerBound(regs, start, count);
                case GT -> upperBound(regs, start, count);
                case LE -> upperBound(regs, start, count) - 1;
                case LT -> lowerBound(regs, start, count) - 1;
            });
        }
        Register[] probe = new Register[count];
        for (int i = 0; i < count; i++) {
            probe[i] = new Register().copyFrom(regs[start + i]);
        }
        int bias = op == SeekOp.GE || op == SeekOp.LT ? -1 : 1;
        Entry p = new Entry(null, probe, 0, bias);
        return move(switch (op) {
            case GE, GT -> entries.ceilingEntry(p);
            case LE, LT -> entries.floorEntry(p);
        });
    }

    @Override
    public long rowid() {
        throw new UnsupportedOperationException("an ephemeral index has no rowids");
    }

    /** The current entry's fields, decoded on insert: read, never change them. */
    Register[] currentFields() {
        return current.fields;
    }

    /** The current entry's record bytes, shared, not copied: they never change. */
    byte[] currentRecord() {
        return current.record;
    }

    @Override
    public RecordReader record() {
        return readerOf(current.record);
    }

    private RecordReader readerOf(byte[] record) {
        if (readerRecord != record) {
            reader.reset(record, 0);
            readerRecord = record;
        }
        return reader;
    }

    @Override
    public void insert(long rowid, byte[] record) {
        throw new UnsupportedOperationException("an ephemeral index has no rowids");
    }

    @Override
    public void insert(byte[] record) {
        Entry e = new Entry(record, Records.decode(readerOf(record)), nextSeq++, 0);
        if (entries == null && append(e)) {
            return;
        }
        // An equal entry is replaced, as a B-tree overwrites its cell: put keeps the old key
        // but maps it to e, and navigation reads values.
        entries.put(e, e);
        version++;
        move(e);
    }

    /**
     * Adds {@code e} to the array, unless the array was read and {@code e} sorts before its
     * last entry: false then, and every entry has moved to the tree.
     */
    private boolean append(Entry e) {
        int c = size == 0 ? -1 : compareKeys(array[size - 1], e);
        if (sorted && c == 0) {
            array[size - 1] = e;
            moveTo(size - 1);
            return true;
        }
        if (read && c > 0) {
            toTree();
            return false;
        }
        if (size == array.length) {
            array = Arrays.copyOf(array, size * 2);
        }
        array[size++] = e;
        sorted &= c < 0;
        position = sorted ? size - 1 : -1;
        move(e);
        return true;
    }

    @Override
    public void delete() {
        if (entries == null) {
            toTree();
        }
        entries.remove(current);
        version++;
        deleted = current;
        current = null;
    }

    /** Removes every entry. */
    void clear() {
        if (sorter) {
            entries.clear();
        } else {
            emptyArray();
        }
        version++;
        current = null;
        deleted = null;
    }

    @Override
    public void close() {
        clear();
    }
}
