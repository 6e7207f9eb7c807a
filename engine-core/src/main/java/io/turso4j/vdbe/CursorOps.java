package io.turso4j.vdbe;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.btree.BTreeCursor;
import io.turso4j.storage.btree.SeekOp;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.storage.format.StorageClass;
import io.turso4j.value.Affinity;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import io.turso4j.value.ValueType;
import java.lang.foreign.MemorySegment;

/**
 * The cursor opcodes of the {@link Vm}, against the {@link BTreeCursor} seam: opening, moving,
 * seeking, reading columns and rowids, building records, inserting and deleting.
 *
 * <p>Re-execution after {@code IoPending}: every instruction here calls the cursor before it
 * writes any register, and the cursor's methods change nothing a retry would see (or keep their
 * own resume stage), so running an instruction again after the I/O completes is safe.
 *
 * <p>Insert and Delete count changes as their P5 {@link ChangeFlags} say. Owned by one VM; not
 * thread-safe.
 */
final class CursorOps {
    /** P5 flag of OpenRead/OpenWrite: P2 names the register holding the root page (SQLite's OPFLAG_P2ISREG). */
    static final int ROOT_IN_REGISTER = 0x02;
    private static final byte ON_ROW = 0;
    private static final byte NULL_ROW = 1;
    private static final byte DEFERRED = 2;

    private final BTreeCursor[] cursors;
    private final IndexKeyComparator[] keys;
    /**
     * Per cursor: {@link #ON_ROW}, {@link #NULL_ROW} (NullRow, or a move that found nothing:
     * its columns read as NULL), or {@link #DEFERRED} (a table cursor whose DeferredSeek to
     * {@link #deferredRowid} is still to be done). One array, not two flags: a scan's Column
     * and Next then test one element.
     */
    private final byte[] rowState;
    private final long[] deferredRowid;
    /** Per index cursor: the SeekHit count IfNoHope reads. */
    private final int[] seekHit;
    /** Per cursor, the entries a Count has counted so far, -1 before it starts: it resumes there after I/O. */
    private final long[] counted;
    private final Register[] regs;
    private final VmContext context;
    /** MakeRecord's writer and where it builds the record, reused (the register it goes to takes a copy); made at the first MakeRecord. */
    private RecordWriter writer;
    private byte[] recordBytes;
    private Register[] entry = new Register[0];
    private final Records records = new Records();

    CursorOps(int cursorCount, Register[] regs, VmContext context) {
        this.cursors = new BTreeCursor[cursorCount];
        this.keys = new IndexKeyComparator[cursorCount];
        this.rowState = new byte[cursorCount];
        this.deferredRowid = new long[cursorCount];
        this.seekHit = new int[cursorCount];
        this.counted = new long[cursorCount];
        this.regs = regs;
        this.context = context;
    }

    void closeAll() {
        for (int i = 0; i < cursors.length; i++) {
            if (cursors[i] != null) {
                cursors[i].close();
                cursors[i] = null;
            }
        }
    }

    /** Executes one cursor instruction; returns the jump target, or -1 to fall through. */
    int execute(Opcode op, int p1, int p2, int p3, Object p4, int p5) {
        return switch (op) {
            case OpenRead, OpenWrite -> open(p1, (p5 & ROOT_IN_REGISTER) != 0 ? (int) regs[p2].intValue() : p2,
                    (IndexKeyComparator) p4, op == Opcode.OpenWrite, p3);
            case Close -> {
                if (cursors[p1] != null) {
                    cursors[p1].close();
                    cursors[p1] = null;
                }
                yield -1;
            }
            case Rewind -> moved(p1, repositioned(p1).first(), p2, false);
            case Count -> {
                regs[p2].setInt(count(p1));
                yield -1;
            }
            case Last -> moved(p1, repositioned(p1).last(), p2, false);
            case Prev -> moved(p1, cursor(p1).prev(), p2, true);
            case Rowid -> {
                if (rowState[p1] == NULL_ROW) {
                    regs[p2].setNull();
                } else if (rowState[p1] == DEFERRED) {
                    regs[p2].setInt(deferredRowid[p1]);
                } else {
                    regs[p2].setInt(cursor(p1).rowid());
                }
                yield -1;
            }
            case IdxRowid -> {
                if (rowState[p1] == NULL_ROW) {
                    regs[p2].setNull();
                    yield -1;
                }
                regs[p2].setInt(indexRowid(p1));
                yield -1;
            }
            case DeferredSeek -> {
                repositioned(p3);
                if (rowState[p1] == NULL_ROW) {
                    rowState[p3] = NULL_ROW;
                } else {
                    deferredRowid[p3] = indexRowid(p1);
                    rowState[p3] = DEFERRED;
                }
                yield -1;
            }
            case SeekRowid -> {
                Register key = regs[p3];
                if (key.type() != ValueType.INTEGER) {
                    Register copy = new Register().copyFrom(key);
                    Affinity.NUMERIC.apply(copy);
                    if (copy.type() != ValueType.INTEGER) {
                        yield p2;
                    }
                    key = copy;
                }
                yield found(p1, repositioned(p1).seekRowid(key.intValue()), p2);
            }
            case NotExists -> found(p1, repositioned(p1).seekRowid(regs[p3].intValue()), p2);
            case NewRowid -> {
                regs[p2].setInt(newRowid(cursor(p1)));
                yield -1;
            }
            case MakeRecord -> {
                int size = record(p1, p2, (String) p4);
                regs[p3].setBlob(recordBytes, 0, size);
                yield -1;
            }
            case Insert -> {
                long rowid = 0;
                if (keys[p1] != null) {
                    cursor(p1).insert(regs[p2].bytesCopy()); // a WITHOUT ROWID table: the record is the key
                } else {
                    rowid = regs[p3].intValue();
                    cursor(p1).insert(rowid, regs[p2].bytesCopy());
                }
                if ((p5 & ChangeFlags.COUNT) != 0) {
                    context.rowsChanged(1);
                }
                if ((p5 & ChangeFlags.TRIGGER_COUNT) != 0) {
                    context.triggerRowsChanged(1);
                }
                if ((p5 & ChangeFlags.LAST_ROWID) != 0) {
                    context.setLastInsertRowid(rowid);
                }
                yield -1;
            }
            case Delete -> {
                cursor(p1).delete();
                if ((p5 & ChangeFlags.COUNT) != 0) {
                    context.rowsChanged(1);
                }
                if ((p5 & ChangeFlags.TRIGGER_COUNT) != 0) {
                    context.triggerRowsChanged(1);
                }
                yield -1;
            }
            case SeekGE -> seek(p1, SeekOp.GE, p3, (java.lang.Integer) p4, p2);
            case SeekGT -> seek(p1, SeekOp.GT, p3, (java.lang.Integer) p4, p2);
            case SeekLE -> seek(p1, SeekOp.LE, p3, (java.lang.Integer) p4, p2);
            case SeekLT -> seek(p1, SeekOp.LT, p3, (java.lang.Integer) p4, p2);
            case IdxGE -> compareEntry(p1, p3, (java.lang.Integer) p4) >= 0 ? p2 : -1;
            case IdxGT -> compareEntry(p1, p3, (java.lang.Integer) p4) > 0 ? p2 : -1;
            case IdxLE -> compareEntry(p1, p3, (java.lang.Integer) p4) <= 0 ? p2 : -1;
            case IdxLT -> compareEntry(p1, p3, (java.lang.Integer) p4) < 0 ? p2 : -1;
            case IdxInsert -> {
                cursor(p1).insert(regs[p2].bytesCopy());
                yield -1;
            }
            case IdxDelete -> {
                BTreeCursor c = cursor(p1);
                if (c.seek(SeekOp.GE, regs, p2, p3) && compareEntry(p1, p2, p3) == 0) {
                    c.delete();
                }
                yield -1;
            }
            case OpenEphemeral -> {
                install(p1, new EphemeralIndex((IndexKeyComparator) p4, false), (IndexKeyComparator) p4);
                yield -1;
            }
            case SorterOpen -> {
                install(p1, new Sorter((IndexKeyComparator) p4, context.tempIo(), context.tempPath()),
                        (IndexKeyComparator) p4);
                yield -1;
            }
            case OpenPseudo -> {
                install(p1, new PseudoCursor(), null);
                yield -1;
            }
            case SorterInsert -> {
                ((Sorter) cursor(p1)).add(regs[p2].bytesCopy());
                yield -1;
            }
            case SorterSort -> moved(p1, cursor(p1).first(), p2, false);
            case SorterNext -> moved(p1, cursor(p1).next(), p2, true);
            case SorterData -> {
                byte[] record = ((Sorter) cursor(p1)).currentRecord();
                if (cursors[p3] instanceof PseudoCursor pseudo) {
                    pseudo.load(record);
                    if (p5 != 0) {
                        regs[p2].setBlob(record);
                    }
                } else {
                    regs[p2].setBlob(record);
                }
                yield -1;
            }
            case Found, NotFound -> {
                int count = (java.lang.Integer) p4;
                boolean found = count == 0 ? foundPacked(p1, regs[p3])
                        : cursor(p1).seek(SeekOp.GE, regs, p3, count) && compareEntry(p1, regs, p3, count) == 0;
                yield found == (op == Opcode.Found) ? p2 : -1;
            }
            case SeekHit -> {
                seekHit[p1] = Math.min(Math.max(seekHit[p1], p2), p3);
                yield -1;
            }
            case IfNoHope -> {
                int count = (java.lang.Integer) p4;
                if (seekHit[p1] >= count) {
                    yield -1;
                }
                if (cursor(p1).seek(SeekOp.GE, regs, p3, count) && compareEntry(p1, regs, p3, count) == 0) {
                    seekHit[p1] = count;
                    yield -1;
                }
                yield p2;
            }
            case NullRow -> {
                rowState[p1] = NULL_ROW;
                yield -1;
            }
            default -> throw new IllegalStateException("not a cursor opcode: " + op);
        };
    }

    /** Opens cursor {@code p1} on the b-tree rooted at {@code root} in database {@code db} (SQLite's P3). */
    private int open(int p1, int root, IndexKeyComparator key, boolean writable, int db) {
        BTree btree = context.btree(db);
        if (btree == null) {
            throw new SqliteException(ResultCode.CANTOPEN, "unable to open database file");
        }
        BTreeCursor c = key == null ? btree.openTable(root, writable) : btree.openIndex(root, key, writable);
        install(p1, c, key);
        return -1;
    }

    private void install(int p1, BTreeCursor c, IndexKeyComparator key) {
        if (cursors[p1] != null) {
            cursors[p1].close();
        }
        cursors[p1] = c;
        keys[p1] = key;
        rowState[p1] = ON_ROW;
        seekHit[p1] = 0;
        counted[p1] = -1;
    }

    /**
     * Count: the entries of cursor {@code p1}'s tree, a page at a time. Each move may throw
     * IoPending; the entries counted up to the cursor's entry are kept, so the re-executed
     * instruction goes on from there (a move that must wait leaves the cursor where it was).
     */
    private long count(int p1) {
        BTreeCursor c = cursor(p1);
        long n = counted[p1];
        if (n < 0) {
            if (!c.first()) {
                return 0;
            }
            n = 1;
            counted[p1] = n;
        }
        while (true) {
            n += c.skipToPageEnd();
            counted[p1] = n;
            if (!c.next()) {
                return n;
            }
            counted[p1] = ++n;
        }
    }

    /** Cursor {@code i}, on its row: a deferred seek still pending is done now. */
    private BTreeCursor cursor(int i) {
        BTreeCursor c = cursors[i];
        return c != null && rowState[i] != DEFERRED ? c : settled(i);
    }

    /** {@link #cursor} when it is not open or has a deferred seek to do: out of line, so the common case inlines. */
    private BTreeCursor settled(int i) {
        BTreeCursor c = cursors[i];
        if (c == null) {
            throw new IllegalStateException("cursor " + i + " is not open");
        }
        if (rowState[i] == DEFERRED) {
            // May throw IoPending; the flag stays set, so the re-executed instruction seeks again.
            if (!c.seekRowid(deferredRowid[i])) {
                throw new SqliteException(ResultCode.CORRUPT, "database disk image is malformed");
            }
            rowState[i] = ON_ROW;
        }
        return c;
    }

    /** Cursor {@code i}, about to be moved elsewhere: a deferred seek still pending is dropped. */
    private BTreeCursor repositioned(int i) {
        if (rowState[i] == DEFERRED) {
            rowState[i] = ON_ROW;
        }
        return cursor(i);
    }

    /** The rowid stored as the last field of index cursor {@code i}'s entry. */
    private long indexRowid(int i) {
        RecordReader rec = cursor(i).record();
        return rec.getLong(rec.columnCount() - 1);
    }

    /** A move that jumps when it fails ({@code Rewind}, {@code Last}) or succeeds ({@code Next}). */
    private int moved(int p1, boolean positioned, int p2, boolean jumpIfPositioned) {
        rowState[p1] = positioned ? ON_ROW : NULL_ROW;
        return positioned == jumpIfPositioned ? p2 : -1;
    }

    private int found(int p1, boolean found, int p2) {
        rowState[p1] = found ? ON_ROW : NULL_ROW;
        return found ? -1 : p2;
    }

    /** Next: moves cursor {@code p1} on; true if it is on an entry (the VM then jumps to the loop's top). */
    boolean next(int p1) {
        boolean positioned = cursor(p1).next();
        rowState[p1] = positioned ? ON_ROW : NULL_ROW;
        return positioned;
    }

    /**
     * Column: field {@code col} of cursor {@code p1}'s entry into {@code out}; {@code fallback}
     * past a short record. The scan's case (an open cursor on a row, no default, a number the
     * cursor reads at once: {@link BTreeCursor#readNumber}) is all that is in line, so that the
     * JIT can inline this into the VM's loop; everything else is {@link #columnOther}.
     */
    void column(int p1, int col, Register out, Register fallback) {
        BTreeCursor c = cursors[p1];
        if (c == null || fallback != null || rowState[p1] != ON_ROW || !c.readNumber(col, out)) {
            columnOther(p1, col, out, fallback);
        }
    }

    /** {@link #column} in full: a NULL row, a deferred seek, a default, and every value the cursor's shortcut declines. */
    private void columnOther(int p1, int col, Register out, Register fallback) {
        if (rowState[p1] == NULL_ROW) {
            out.setNull();
            return;
        }
        RecordReader rec = cursor(p1).record();
        if (fallback != null) {
            readOrDefault(rec, col, out, fallback);
        } else {
            records.read(rec, col, out);
        }
    }

    /** Column with a default: {@code fallback} for a field past the end of a record written before ALTER TABLE ADD COLUMN. */
    private void readOrDefault(RecordReader rec, int col, Register out, Register fallback) {
        if (rec.typeOf(col) == StorageClass.NULL && col >= rec.columnCount()) {
            out.copyFrom(fallback);
        } else {
            records.read(rec, col, out);
        }
    }

    /** Builds the record of {@code regs[start .. start + count)} in {@link #recordBytes}; returns its size. */
    private int record(int start, int count, String affinities) {
        if (writer == null) {
            writer = new RecordWriter();
            recordBytes = new byte[64];
        }
        writer.clear();
        for (int i = 0; i < count; i++) {
            Register v = regs[start + i];
            if (affinities != null) {
                AffinityCode.affinity(affinities.charAt(i)).apply(v);
            }
            switch (v.type()) {
                case NULL -> writer.addNull();
                case INTEGER -> writer.addLong(v.intValue());
                case REAL -> writer.addDouble(v.realValue());
                // Referenced, not copied: the writer reads them in writeTo below.
                case TEXT -> writer.addText(v.bytes(), v.length());
                case BLOB -> writer.addBlob(v.bytes(), v.length());
            }
        }
        int size = Math.toIntExact(writer.size());
        if (recordBytes.length < size) {
            recordBytes = new byte[Math.max(size, recordBytes.length * 2)];
        }
        return writer.writeTo(recordBytes, 0);
    }

    private long newRowid(BTreeCursor c) {
        if (!c.last()) {
            return 1;
        }
        long max = c.rowid();
        if (max < Long.MAX_VALUE) {
            return max + 1;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            long candidate = (context.nextRandom() & Long.MAX_VALUE) | 1;
            if (!c.seekRowid(candidate)) {
                return candidate;
            }
        }
        throw new SqliteException(ResultCode.FULL, "database or disk is full");
    }

    /** Index cursors seek by key; table cursors by the integer rowid in r[key]. */
    private int seek(int p1, SeekOp op, int key, int count, int p2) {
        BTreeCursor c = repositioned(p1);
        boolean positioned = keys[p1] != null ? c.seek(op, regs, key, count) : seekRowid(c, op, regs[key]);
        rowState[p1] = positioned ? ON_ROW : NULL_ROW;
        return positioned ? -1 : p2;
    }

    private static boolean seekRowid(BTreeCursor c, SeekOp op, Register key) {
        if (key.isNull()) {
            return false;
        }
        Register k = new Register().copyFrom(key);
        Affinity.NUMERIC.apply(k);
        long target;
        if (k.type() == ValueType.INTEGER) {
            target = k.intValue();
        } else if (k.type() == ValueType.REAL) {
            // Between two integers: "> 2.5" and ">= 2.5" both mean ">= 3"; "< 2.5" and "<= 2.5" mean "<= 2".
            double d = k.realValue();
            if (d != Math.rint(d)) {
                boolean upward = op == SeekOp.GE || op == SeekOp.GT;
                op = upward ? SeekOp.GE : SeekOp.LE;
                d = upward ? Math.ceil(d) : Math.floor(d);
            }
            target = (long) d;
        } else {
            // TEXT and BLOB sort after every number.
            return (op == SeekOp.LE || op == SeekOp.LT) && c.last();
        }
        boolean found = c.seekRowid(target);
        switch (op) {
            case GE -> {
                if (!found && c.isValid() && c.rowid() < target) {
                    c.next();
                }
            }
            case GT -> {
                if (c.isValid() && c.rowid() <= target) {
                    c.next();
                }
            }
            case LE -> {
                if (!found && c.isValid() && c.rowid() > target) {
                    c.prev();
                }
            }
            case LT -> {
                if (c.isValid() && c.rowid() >= target) {
                    c.prev();
                }
            }
        }
        return c.isValid();
    }

    /**
     * Found/NotFound with P4 = 0, as SQLite's: r[key] is a record MakeRecord built (a WITHOUT
     * ROWID row's primary key), unpacked here and looked up as its fields. Positions the cursor.
     */
    private boolean foundPacked(int p1, Register key) {
        RecordReader rec = new RecordReader().reset(MemorySegment.ofArray(key.bytesCopy()), 0);
        int n = rec.columnCount();
        Register[] unpacked = new Register[n];
        for (int i = 0; i < n; i++) {
            unpacked[i] = new Register();
            records.read(rec, i, unpacked[i]);
        }
        boolean found = cursor(p1).seek(SeekOp.GE, unpacked, 0, n) && compareEntry(p1, unpacked, 0, n) == 0;
        rowState[p1] = found ? ON_ROW : NULL_ROW;
        return found;
    }

    private int compareEntry(int p1, int key, int n) {
        return compareEntry(p1, regs, key, n);
    }

    /** The current index entry's first {@code n} fields compared with {@code values[key .. key+n)}. */
    private int compareEntry(int p1, Register[] values, int key, int n) {
        if (cursors[p1] instanceof EphemeralIndex e && e.currentFields().length >= n) {
            // Its entries keep their fields decoded: compare those, not the record again.
            return keys[p1].compare(e.currentFields(), 0, values, key, n);
        }
        RecordReader rec = cursor(p1).record();
        if (entry.length < n) {
            Register[] grown = new Register[n];
            System.arraycopy(entry, 0, grown, 0, entry.length);
            for (int i = entry.length; i < n; i++) {
                grown[i] = new Register();
            }
            entry = grown;
        }
        for (int i = 0; i < n; i++) {
            records.read(rec, i, entry[i]);
        }
        return keys[p1].compare(entry, 0, values, key, n);
    }

    // ---- sub-program frames (see Frames) -------------------------------------------------------

    /** The cursors a frame set aside: slots {@code from…} as they were. */
    record Slots(BTreeCursor[] cursors, IndexKeyComparator[] keys, byte[] rowState, long[] deferredRowid) {
        void close() {
            for (BTreeCursor c : cursors) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    /** Takes the cursors in slots {@code [from, to)} out, leaving the slots empty for a new frame. */
    Slots setAside(int from, int to) {
        int n = to - from;
        Slots s = new Slots(new BTreeCursor[n], new IndexKeyComparator[n], new byte[n], new long[n]);
        System.arraycopy(cursors, from, s.cursors(), 0, n);
        System.arraycopy(keys, from, s.keys(), 0, n);
        System.arraycopy(rowState, from, s.rowState(), 0, n);
        System.arraycopy(deferredRowid, from, s.deferredRowid(), 0, n);
        java.util.Arrays.fill(cursors, from, to, null);
        for (int i = from; i < to; i++) {
            if (rowState[i] == DEFERRED) { // no seek left pending; a NULL row stays one, as it was
                rowState[i] = ON_ROW;
            }
        }
        return s;
    }

    /** Closes the cursors a frame opened in slots {@code [from, to)} and puts back those {@link #setAside} took. */
    void putBack(int from, int to, Slots s) {
        for (int i = from; i < to; i++) {
            if (cursors[i] != null) {
                cursors[i].close();
            }
        }
        int n = to - from;
        System.arraycopy(s.cursors(), 0, cursors, from, n);
        System.arraycopy(s.keys(), 0, keys, from, n);
        System.arraycopy(s.rowState(), 0, rowState, from, n);
        System.arraycopy(s.deferredRowid(), 0, deferredRowid, from, n);
    }
}
