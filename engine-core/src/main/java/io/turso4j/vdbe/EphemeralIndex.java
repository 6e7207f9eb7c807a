package io.turso4j.vdbe;

import io.turso4j.storage.btree.BTreeCursor;
import io.turso4j.storage.btree.SeekOp;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
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
 */
final class EphemeralIndex implements BTreeCursor {
    /** One record; {@code bias} makes a search probe sort just before (-1) or after (+1) its equals. */
    private record Entry(byte[] record, Register[] fields, long seq, int bias) {}

    private final IndexKeyComparator key;
    private final boolean sorter;
    /**
     * The entries, each mapped to itself or, once an equal one replaced it, to the newer one:
     * the map's key stays the first entry put, so every navigation reads the value, which is
     * always the newest (equal keys compare equal, so either finds the slot).
     */
    private final TreeMap<Entry, Entry> entries;
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
        this.entries = new TreeMap<>(this::compare);
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
        return startRun(entries, true);
    }

    @Override
    public boolean last() {
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
        // An equal entry is replaced, as a B-tree overwrites its cell: put keeps the old key
        // but maps it to e, and navigation reads values.
        entries.put(e, e);
        version++;
        move(e);
    }

    @Override
    public void delete() {
        entries.remove(current);
        version++;
        deleted = current;
        current = null;
    }

    /** Removes every entry. */
    void clear() {
        entries.clear();
        version++;
        current = null;
        deleted = null;
    }

    @Override
    public void close() {
        clear();
    }
}
