package io.turso4j.vdbe;

import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.btree.BTreeCursor;
import io.turso4j.storage.btree.SeekOp;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.SerialType;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cursor of {@link Opcode#SorterOpen}: an external merge sort. Records come in through
 * {@link #add} (SorterInsert) and are appended to a list, their key fields decoded once; when
 * they would take more than the budget, the list is sorted (stably: key fields, then insertion
 * order) and written as a {@link SortRun} to a temporary file, and memory starts over.
 * {@link #first()} (SorterSort) sorts what is left and reads it in place or, after a spill,
 * merges the runs, ties going to the earlier run, so the order is the same either way.
 * Appending and sorting once is several times cheaper than keeping a tree ordered as rows come.
 * A recursive CTE's queue, which is read while it grows, instead uses IdxInsert, Rewind, Column
 * and Delete: those act on an in-memory {@link EphemeralIndex} in sorter mode, never spilled.
 *
 * <p>Budget: the system property {@value #BUDGET_PROPERTY} in bytes (default 64 MiB), read
 * when the sorter opens; records are costed at their size plus a fixed overhead per field.
 *
 * <p>Never blocks, and re-execution after {@link IoPending} is safe: {@link #add} throws
 * before it changes anything when a previous run's write must finish first, {@link #first()}
 * keeps its progress (runs written, readers opened, heap built) across retries, and {@link
 * #next()} only moves once the next record of the run it draws from is resident. One cursor,
 * the VM's thread.
 */
final class Sorter implements BTreeCursor {
    static final String BUDGET_PROPERTY = "turso4j.sorter.budget";
    private static final long DEFAULT_BUDGET = 64L << 20;
    private static final int FIELD_COST = 48;
    private static final AtomicLong FILES = new AtomicLong();

    /** A merge candidate: a record from run {@code run}. */
    private record Head(Entry entry, int run) {}

    /**
     * A record SorterInsert added (or a run yielded), with its first key field summed up in a
     * {@code long} when that orders it: an INTEGER's value, or the first eight bytes of a TEXT
     * under BINARY or of a BLOB (big-endian, zero-padded, compared unsigned: memcmp's order).
     * Two entries whose leads are of one kind compare by lead first, as SQLite's sorter
     * special-cases integer and text keys; the key fields are decoded only when a compare
     * needs them (equal leads, or leads of different kinds).
     */
    private static final class Entry {
        static final byte NO_LEAD = 0;
        static final byte INTEGER = 1;
        static final byte TEXT_PREFIX = 2;
        static final byte BLOB_PREFIX = 3;

        final byte[] record;
        final byte leadKind;
        final long lead;
        /** The key fields, decoded on first need by {@link #fields}. */
        Register[] fields;

        Entry(byte[] record, byte leadKind, long lead) {
            this.record = record;
            this.leadKind = leadKind;
            this.lead = lead;
        }
    }

    private final IndexKeyComparator key;
    private final EphemeralIndex memory;
    /** SorterInsert's records since the last spill; sorted in place by {@link #first()}. */
    private final List<Entry> added = new ArrayList<>();
    /** Whether {@link #first()} sorted {@link #added} for reading: the cursor is then at {@link #position}. */
    private boolean sortedInMemory;
    private int position;
    private final Records decoder = new Records();
    /** Decodes records for keys ({@link #entry}, {@link #keyOf}); {@link #rowReader} reads the row {@link #record()} returns. */
    private final RecordReader reader = new RecordReader();
    private final RecordReader rowReader = new RecordReader();
    private final IO io;
    private final String pathPrefix;
    private final long budget;
    private long memoryBytes;

    private String path;
    private DbFile file;
    private long fileEnd;
    private final List<SortRun> runs = new ArrayList<>();
    private SortRun.Reader[] readers;
    private PriorityQueue<Head> heap;
    private Head current;

    /** @param io where runs spill, or null to keep everything in memory */
    Sorter(IndexKeyComparator key, IO io, String pathPrefix) {
        this.key = key;
        this.memory = new EphemeralIndex(key, true);
        this.io = io;
        this.pathPrefix = pathPrefix;
        this.budget = Math.max(1, Long.getLong(BUDGET_PROPERTY, DEFAULT_BUDGET));
    }

    /** SorterInsert: adds a record, first spilling memory to a run if the record would overflow it. */
    void add(byte[] record) {
        long cost = record.length + (long) FIELD_COST * 4;
        if (io != null && memoryBytes > 0 && memoryBytes + cost > budget) {
            spill();
        }
        sortedInMemory = false; // sorted again by the next SorterSort
        added.add(entry(record));
        memoryBytes += cost;
    }

    private Entry entry(byte[] record) {
        RecordReader r = reader.reset(record, 0);
        if (key.fieldCount() == 0) {
            return new Entry(record, Entry.NO_LEAD, 0);
        }
        long type = r.serialType(0);
        if (type >= SerialType.INT8 && type <= SerialType.ONE && type != SerialType.FLOAT64) {
            return new Entry(record, Entry.INTEGER, r.getLong(0));
        }
        boolean text = type >= 13 && (type & 1) == 1;
        if (type >= 12 && (!text || key.collation(0) == BuiltinCollation.BINARY)) {
            int at = r.arrayOffset() + (int) r.offsetOf(0);
            int n = Math.min(8, r.lengthOf(0));
            long prefix = 0;
            for (int i = 0; i < n; i++) {
                prefix |= (record[at + i] & 0xffL) << (56 - 8 * i);
            }
            return new Entry(record, text ? Entry.TEXT_PREFIX : Entry.BLOB_PREFIX, prefix);
        }
        return new Entry(record, Entry.NO_LEAD, 0);
    }

    private Register[] fields(Entry e) {
        if (e.fields == null) {
            e.fields = keyOf(e.record);
        }
        return e.fields;
    }

    /** The record's key fields (the leading ones the comparator reads), decoded. */
    private Register[] keyOf(byte[] record) {
        RecordReader rec = reader.reset(record, 0);
        Register[] fields = new Register[Math.min(key.fieldCount(), rec.columnCount())];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new Register();
            decoder.read(rec, i, fields[i]);
        }
        return fields;
    }

    /** Sorts {@link #added} by key; a stable sort, so equal keys keep their insertion order. */
    private void sortAdded() {
        added.sort(this::compare);
    }

    private int compare(Entry a, Entry b) {
        int from = 0;
        if (a.leadKind == b.leadKind && a.leadKind != Entry.NO_LEAD) {
            int c = a.leadKind == Entry.INTEGER ? Long.compare(a.lead, b.lead) : Long.compareUnsigned(a.lead, b.lead);
            if (c != 0) {
                return key.isDescending(0) ? -c : c;
            }
            if (a.leadKind == Entry.INTEGER) { // equal integers; equal prefixes leave it to the values
                if (key.fieldCount() == 1) {
                    return 0;
                }
                from = 1;
            }
        }
        Register[] af = fields(a);
        Register[] bf = fields(b);
        int n = Math.min(key.fieldCount(), Math.min(af.length, bf.length));
        for (int i = from; i < n; i++) {
            int c = key.compareField(i, af[i], bf[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Writes memory out as a run once the previous run's write is done; throws IoPending before that. */
    private void spill() {
        if (!runs.isEmpty()) {
            SortRun last = runs.getLast();
            if (!last.written.isDone()) {
                throw new IoPending(last.written);
            }
            last.checkWritten();
        }
        if (file == null) {
            path = pathPrefix + "-sort-" + FILES.incrementAndGet();
            if (io.exists(path)) {
                io.delete(path);
            }
            file = io.open(path, OpenMode.CREATE);
        }
        sortAdded();
        List<byte[]> records = new ArrayList<>(added.size());
        for (Entry e : added) {
            records.add(e.record);
        }
        SortRun run = SortRun.write(file, fileEnd, records);
        runs.add(run);
        fileEnd += run.length;
        added.clear();
        memoryBytes = 0;
    }

    private boolean spilled() {
        return !runs.isEmpty();
    }

    /**
     * Makes the in-memory index hold everything, for a cursor method only it serves (an
     * automatic index, filled by SorterInsert, is then searched): SorterInsert's records move
     * into it in their order. A sorter that spilled has no such index.
     */
    private void intoIndex(String what) {
        if (spilled()) {
            throw new IllegalStateException(what + " on a sorter that spilled to disk");
        }
        for (Entry e : added) {
            memory.insert(e.record);
        }
        added.clear();
        sortedInMemory = false;
    }

    @Override
    public boolean first() {
        if (!spilled()) {
            if (added.isEmpty() && !sortedInMemory) {
                return memory.first();
            }
            if (!sortedInMemory) {
                sortAdded();
                sortedInMemory = true;
            }
            position = 0;
            return position < added.size();
        }
        if (heap == null) {
            if (memoryBytes > 0) {
                spill();
            }
            SortRun last = runs.getLast();
            if (!last.written.isDone()) {
                throw new IoPending(last.written);
            }
            last.checkWritten();
            if (readers == null) {
                readers = new SortRun.Reader[runs.size()];
                for (int i = 0; i < readers.length; i++) {
                    readers[i] = runs.get(i).reader(file);
                }
            }
            IoPending wait = null;
            for (SortRun.Reader r : readers) {
                if (!r.ready() && wait == null) {
                    wait = new IoPending(r.pending()); // the other runs' reads go out too
                }
            }
            if (wait != null) {
                throw wait;
            }
            heap = new PriorityQueue<>(readers.length, this::compare);
            for (int i = 0; i < readers.length; i++) {
                if (readers[i].hasRecord()) {
                    heap.add(head(readers[i].take(), i));
                }
            }
            current = heap.poll();
        }
        return current != null;
    }

    @Override
    public boolean next() {
        if (sortedInMemory) {
            return ++position < added.size();
        }
        if (!spilled()) {
            return memory.next();
        }
        if (current == null) {
            return false;
        }
        SortRun.Reader r = readers[current.run];
        if (!r.ready()) {
            throw new IoPending(r.pending());
        }
        if (r.hasRecord()) {
            heap.add(head(r.take(), current.run));
        }
        current = heap.poll();
        return current != null;
    }

    private Head head(byte[] record, int run) {
        return new Head(entry(record), run);
    }

    private int compare(Head a, Head b) {
        int c = compare(a.entry, b.entry);
        return c != 0 ? c : Integer.compare(a.run, b.run);
    }

    /** SorterData: the current record's bytes, shared, not copied: they never change. */
    byte[] currentRecord() {
        return sortedInMemory ? added.get(position).record : spilled() ? current.entry.record : memory.currentRecord();
    }

    @Override
    public RecordReader record() {
        return sortedInMemory || spilled() ? rowReader.reset(currentRecord(), 0) : memory.record();
    }

    @Override
    public boolean isValid() {
        return sortedInMemory ? position < added.size() : spilled() ? current != null : memory.isValid();
    }

    @Override
    public boolean last() {
        intoIndex("Last");
        return memory.last();
    }

    @Override
    public boolean prev() {
        intoIndex("Prev");
        return memory.prev();
    }

    @Override
    public boolean seek(SeekOp op, Register[] regs, int start, int count) {
        intoIndex("a seek");
        return memory.seek(op, regs, start, count);
    }

    @Override
    public boolean seekRowid(long rowid) {
        return memory.seekRowid(rowid);
    }

    @Override
    public long rowid() {
        return memory.rowid();
    }

    @Override
    public void insert(long rowid, byte[] record) {
        memory.insert(rowid, record);
    }

    /** IdxInsert (a recursive CTE's queue): in memory, never spilled, as the queue is read while it grows. */
    @Override
    public void insert(byte[] record) {
        intoIndex("IdxInsert");
        memory.insert(record);
    }

    @Override
    public void delete() {
        intoIndex("Delete");
        memory.delete();
    }

    /** Drops everything; the temporary file is closed and then deleted (no waiting). */
    @Override
    public void close() {
        memory.close();
        added.clear();
        sortedInMemory = false;
        if (readers != null) {
            for (SortRun.Reader r : readers) {
                r.close();
            }
            readers = null;
        }
        if (file != null) {
            DbFile f = file;
            String p = path;
            file = null;
            f.close().onComplete(done -> io.delete(p));
        }
        runs.clear();
        heap = null;
        current = null;
    }
}
