package io.turso4j.storage.integrity;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import java.lang.foreign.MemorySegment;

/**
 * Checks that the keys of one index B-tree come in order, comparing decoded values with the
 * index's {@link IndexKeyComparator} (collations, DESC). SQLite 3.40's storage-level check does
 * not look inside index keys, so this is our addition and its message, "Index key out of
 * order", is ours; it only runs for the trees a caller gave a comparator for, so checks of
 * other trees stay line for line equal to sqlite3's.
 *
 * <p>The tree is walked from the largest key to the smallest (right child first, cells from
 * last to first, each cell before its left child), so every key must compare less than or
 * equal to the key seen just before it. A key that cannot be read (overflow chain broken,
 * record malformed, or larger than {@link #MAX_KEY_SIZE}) is skipped: the chain is reported
 * by the overflow check, the record format is the SQL level's business.
 *
 * <p>Fields compared: the first {@code min(fieldCount, columns of either key)}. State: the
 * previous key's registers. One per tree per check; one thread.
 */
final class KeyOrderCheck {
    /** Keys larger than this are not gathered from their overflow pages. */
    static final int MAX_KEY_SIZE = 1 << 24;

    private final CheckContext ctx;
    private final IndexKeyComparator comparator;
    private final RecordReader reader = new RecordReader();
    private Register[] previous;
    private int previousCount;
    private Register[] current = new Register[0];

    KeyOrderCheck(CheckContext ctx, IndexKeyComparator comparator) {
        this.ctx = ctx;
        this.comparator = comparator;
    }

    /**
     * A buffer for the whole payload of a spilled cell, its local part filled in, or null if
     * the payload is too large to gather (or larger than the database could hold).
     */
    byte[] payloadBuffer(CellInfo cell, CheckedPage page) {
        long possible = cell.local + (long) ctx.pageCount * (ctx.usableSize - 4);
        if (cell.payload > MAX_KEY_SIZE || cell.payload > possible) {
            return null;
        }
        byte[] buffer = new byte[(int) cell.payload];
        MemorySegment.copy(page.segment(), cell.payloadOffset, MemorySegment.ofArray(buffer), 0, cell.local);
        return buffer;
    }

    /** The payload of a cell that does not spill. */
    static byte[] localPayload(CellInfo cell, CheckedPage page) {
        byte[] buffer = new byte[cell.local];
        MemorySegment.copy(page.segment(), cell.payloadOffset, MemorySegment.ofArray(buffer), 0, cell.local);
        return buffer;
    }

    /** Checks {@code record} (null: unreadable, skipped) against the previous key. */
    void check(byte[] record, long pageNumber) {
        if (record == null) {
            return;
        }
        int count;
        try {
            reader.reset(MemorySegment.ofArray(record), pageNumber);
            count = reader.columnCount();
            decode(count);
        } catch (CorruptDatabaseException malformed) {
            return;
        }
        if (previous != null) {
            int n = Math.min(comparator.fieldCount(), Math.min(count, previousCount));
            if (comparator.compare(current, 0, previous, 0, n) > 0) {
                ctx.message("Index key out of order");
            }
        }
        Register[] swap = previous;
        previous = current;
        previousCount = count;
        current = swap != null ? swap : new Register[0];
    }

    private void decode(int count) {
        if (current.length < count) {
            Register[] grown = new Register[count];
            System.arraycopy(current, 0, grown, 0, current.length);
            for (int i = current.length; i < count; i++) {
                grown[i] = new Register();
            }
            current = grown;
        }
        for (int i = 0; i < count; i++) {
            Register r = current[i];
            switch (reader.typeOf(i)) {
                case NULL -> r.setNull();
                case INTEGER -> r.setInt(reader.getLong(i));
                case REAL -> r.setReal(reader.getDouble(i));
                case TEXT -> {
                    byte[] b = reader.getBlob(i);
                    r.setText(b, 0, b.length);
                }
                case BLOB -> r.setBlob(reader.getBlob(i));
            }
        }
    }
}
