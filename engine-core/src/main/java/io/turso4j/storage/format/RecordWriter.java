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
 * <p>Use: {@link #clear}, one {@code add} per column, then {@link #size} and {@link #writeTo}.
 * TEXT and BLOB values are referenced, not copied, until {@link #writeTo}. Reusable and not
 * thread-safe.
 */
public final class RecordWriter {
    private final boolean constantIntegers;
    private int columns;
    private long[] serialTypes = new long[16];
    /** Integer values, or the raw bits of doubles. */
    private long[] numbers = new long[16];
    private MemorySegment[] bytes = new MemorySegment[16];

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
        Arrays.fill(bytes, 0, columns, null);
        columns = 0;
        return this;
    }

    public RecordWriter addNull() {
        return add(SerialType.NULL, 0, null);
    }

    public RecordWriter addLong(long value) {
        return add(SerialType.forInteger(value, constantIntegers), value, null);
    }

    public RecordWriter addDouble(double value) {
        return add(SerialType.FLOAT64, Double.doubleToRawLongBits(value), null);
    }

    /** TEXT already in the database encoding. */
    public RecordWriter addText(MemorySegment encoded) {
        return add(SerialType.forText(encoded.byteSize()), 0, encoded);
    }

    /** TEXT for a UTF-8 database. */
    public RecordWriter addText(String text) {
        return addText(MemorySegment.ofArray(text.getBytes(StandardCharsets.UTF_8)));
    }

    public RecordWriter addBlob(MemorySegment blob) {
        return add(SerialType.forBlob(blob.byteSize()), 0, blob);
    }

    public RecordWriter addBlob(byte[] blob) {
        return addBlob(MemorySegment.ofArray(blob));
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

    /** Writes the record at {@code offset} of {@code dst}; returns its size. */
    public long writeTo(MemorySegment dst, long offset) {
        int headerSize = headerSize();
        long h = offset + Varint.put(dst, offset, headerSize);
        long b = offset + headerSize;
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
        writeTo(MemorySegment.ofArray(out), 0);
        return out;
    }

    private long writeValue(MemorySegment dst, long at, long type, int i) {
        long v = numbers[i];
        switch ((int) Math.min(type, SerialType.FIRST_BLOB)) {
            case SerialType.NULL, SerialType.ZERO, SerialType.ONE -> {
                return 0;
            }
            case SerialType.INT64, SerialType.FLOAT64 -> BigEndian.putI64(dst, at, v);
            case SerialType.INT8, SerialType.INT16, SerialType.INT24, SerialType.INT32, SerialType.INT48 -> {
                int n = (int) SerialType.size(type);
                for (int k = n - 1; k >= 0; k--) {
                    dst.set(ValueLayout.JAVA_BYTE, at + k, (byte) v);
                    v >>= 8;
                }
            }
            default -> MemorySegment.copy(bytes[i], 0, dst, at, bytes[i].byteSize());
        }
        return SerialType.size(type);
    }

    private RecordWriter add(long serialType, long number, MemorySegment value) {
        if (columns == serialTypes.length) {
            serialTypes = Arrays.copyOf(serialTypes, columns * 2);
            numbers = Arrays.copyOf(numbers, columns * 2);
            bytes = Arrays.copyOf(bytes, columns * 2);
        }
        serialTypes[columns] = serialType;
        numbers[columns] = number;
        bytes[columns] = value;
        columns++;
        return this;
    }
}
