package io.turso4j.vdbe;

import io.turso4j.storage.btree.BTreeCursor;
import io.turso4j.storage.btree.SeekOp;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.value.Register;

/**
 * {@link Opcode#OpenPseudo}'s cursor: a single row, the record {@link Opcode#SorterData} last
 * {@link #load}ed, so {@link Opcode#Column} can read its fields; the record is parsed once per
 * load, not once per column. It never moves. One cursor, one thread.
 */
final class PseudoCursor implements BTreeCursor {
    private final RecordReader reader = new RecordReader();
    private boolean loaded;

    /** Makes {@code record} (which must not change afterwards) the current row. */
    void load(byte[] record) {
        reader.reset(record, 0);
        loaded = true;
    }

    @Override
    public RecordReader record() {
        return reader;
    }

    @Override
    public boolean isValid() {
        return loaded;
    }

    @Override
    public boolean first() {
        throw unsupported();
    }

    @Override
    public boolean last() {
        throw unsupported();
    }

    @Override
    public boolean next() {
        throw unsupported();
    }

    @Override
    public boolean prev() {
        throw unsupported();
    }

    @Override
    public boolean seekRowid(long rowid) {
        throw unsupported();
    }

    @Override
    public boolean seek(SeekOp op, Register[] key, int start, int count) {
        throw unsupported();
    }

    @Override
    public long rowid() {
        throw unsupported();
    }

    @Override
    public void insert(long rowid, byte[] record) {
        throw unsupported();
    }

    @Override
    public void insert(byte[] key) {
        throw unsupported();
    }

    @Override
    public void delete() {
        throw unsupported();
    }

    @Override
    public void close() {
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("a pseudo-cursor only reads its one record");
    }
}
