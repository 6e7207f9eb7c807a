package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one record from column values, choosing for each the serial type SQLite would. See
 * <a href="https://www.sqlite.org/fileformat2.html#record_format">fileformat2, "Record
 * Format"</a> and {@link RecordReader} for the layout.
 *
 * <p>Integers take the narrowest of serial types 1..6 that holds them, and 0 and 1 take the
 * body-less types 8 and 9 (SQLite does so in schema format 4, the format of every database it
 * creates; pass {@code false} to the constructor for older formats). Doubles are always type 7
 * — turning integral reals into integers is column affinity's job, above this layer.
 *
 * <p>Use: {@link #clear}, one {@code add} per column, then {@link #size} and {@link #writeTo}
 * (into an array the caller reuses: a record built per row then allocates nothing) or {@link
 * #toByteArray}. TEXT and BLOB values are referenced, not copied, until written: a segment, or
 * the start of an array, which saves a register's bytes the wrapping. Reusable and not
 * thread-safe.
 */
public final class RecordWriter {
    private final boolean constantIntegers;
    private int columns;
    private long[] serialTypes = new long[16];
    /** Integer values, or the raw bits of doubles. */
    private long[] numbers = new long[16];
    /** A TEXT or BLOB value: in {@link #segments}, or else the start of the array in {@link #arrays}. */
    private MemorySegment[] segments = new MemorySegment[16];
    private byte[][] arrays = new byte[16][];

    /** A writer for schema format 4, SQLite's default. */
    public RecordWriter() {
        this(true);
    }

    /** @param constantIntegers whether serial types 8 and 9 may be used (schema format 4) */
    public RecordWriter(boolean constantIntegers) {
        this.constantIntegers = constantIntegers;
    }

    /** Forgets all columns. */
    public RecordWriter clear() {
        Arrays.fill(segments, 0, columns, null);
        Arrays.fill(arrays, 0, columns, null);
        columns = 0;
        return this;
    }

    public RecordWriter addNull() {
        return add(SerialType.NULL, 0);
    }

    public RecordWriter addLong(long value) {
        return add(SerialType.forInteger(value, constantIntegers), value);
    }

    public RecordWriter addDouble(double value) {
        return add(SerialType.FLOAT64, Double.doubleToRawLongBits(value));
    }

    /** TEXT already in the database encoding. */
    public RecordWriter addText(MemorySegment encoded) {
        add(SerialType.forText(encoded.byteSize()), 0);
        segments[columns - 1] = encoded;
        return this;
    }

    /** TEXT already in the database encoding: {@code encoded[0 .. length)}. */
    public RecordWriter addText(byte[] encoded, int length) {
        add(SerialType.forText(length), 0);
        arrays[columns - 1] = encoded;
        return this;
    }

    /** TEXT for a UTF-8 database. */
    public RecordWriter addText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return addText(utf8, utf8.length);
    }

    public RecordWriter addBlob(MemorySegment blob) {
        add(SerialType.forBlob(blob.byteSize()), 0);
        segments[columns - 1] = blob;
        return this;
    }

    /** BLOB {@code blob[0 .. length)}. */
    public RecordWriter addBlob(byte[] blob, int length) {
        add(SerialType.forBlob(length), 0);
        arrays[columns - 1] = blob;
        return this;
    }

    public RecordWriter addBlob(byte[] blob) {
        return addBlob(blob, blob.length);
    }

    public int columnCount() {
        return columns;
    }

    /** Bytes of the header: its own size varint and the serial types. */
    public int headerSize() {
        int types = 0;
        for (int i = 0; i < columns; i++) {
            types += Varint.size(serialTypes[i]);
        }
        int sizeOfSize = 1;
        while (Varint.size(types + sizeOfSize) > sizeOfSize) {
            sizeOfSize++;
        }
        return types + sizeOfSize;
    }

    /** Bytes of the whole record. */
    public long size() {
        long body = 0;
        for (int i = 0; i < columns; i++) {
            body += SerialType.size(serialTypes[i]);
        }
        return headerSize() + body;
    }

    /** Writes the record at {@code offset} of {@code dst}, which has {@link #size} bytes of room there; returns its size. */
    public int writeTo(byte[] dst, int offset) {
        int headerSize = headerSize();
        int h = offset + Varint.put(dst, offset, headerSize);
        int b = offset + headerSize;
        for (int i = 0; i < columns; i++) {
            long type = serialTypes[i];
            h += Varint.put(dst, h, type);
            b += writeValue(dst, b, type, i);
        }
        return b - offset;
    }

    /** The record as a fresh array. */
    public byte[] toByteArray() {
        byte[] out = new byte[Math.toIntExact(size())];
        writeTo(out, 0);
        return out;
    }

    private int writeValue(byte[] dst, int at, long type, int i) {
        int n = (int) SerialType.size(type);
        if (type >= SerialType.FIRST_BLOB) {
            if (arrays[i] != null) {
                System.arraycopy(arrays[i], 0, dst, at, n);
            } else {
                MemorySegment.copy(segments[i], ValueLayout.JAVA_BYTE, 0, dst, at, n);
            }
            return n;
        }
        // an integer of n bytes or a double's bits, big-endian (NULL, 0 and 1 have no body)
        long v = numbers[i];
        for (int k = n - 1; k >= 0; k--) {
            dst[at + k] = (byte) v;
            v >>= 8;
        }
        return n;
    }

    private RecordWriter add(long serialType, long number) {
        if (columns == serialTypes.length) {
            serialTypes = Arrays.copyOf(serialTypes, columns * 2);
            numbers = Arrays.copyOf(numbers, columns * 2);
            segments = Arrays.copyOf(segments, columns * 2);
            arrays = Arrays.copyOf(arrays, columns * 2);
        }
        serialTypes[columns] = serialType;
        numbers[columns] = number;
        columns++;
        return this;
    }
}
