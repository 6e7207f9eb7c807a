package io.turso4j.storage.format;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes columns of one record in place, parsing the header only as far as the highest
 * column asked for. See <a href="https://www.sqlite.org/fileformat2.html#record_format">
 * fileformat2, "Record Format"</a>.
 *
 * <pre>
 * part     contents
 * header   header size H (varint, counting itself), then one serial type (varint) per column
 * body     the column values back to back, sizes given by their {@link SerialType}s;
 *          the body starts at offset H and ends exactly at the end of the record
 * </pre>
 *
 * <p>Typed getters ({@link #typeOf}, {@link #getLong}, {@link #getDouble}, {@link #offsetOf}
 * and {@link #lengthOf}) return primitives, so a VM can copy a column into its own register
 * without boxing; {@link #getText} and {@link #getBlob} are conveniences that allocate. A
 * column past the end of the record reads as NULL, as SQLite reads a column added by ALTER
 * TABLE ADD COLUMN (the VM then applies the column's default).
 *
 * <p>Checks, each a {@link CorruptDatabaseException} naming the page the record came from: the
 * header size fits the record, every serial type varint ends inside the header and is not 10
 * or 11, no value runs past the record, and the values end exactly where the record does.
 *
 * <p>Reusable ({@link #reset}) and not thread-safe: it belongs to one cursor, and is valid while
 * the record's bytes are.
 */
public final class RecordReader {
    private static final byte[] NO_BYTES = {};
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /**
     * For {@link #quickType}: the body size of each serial type whose varint is one byte (0 ..
     * 127), -1 for the reserved 10 and 11 and for the bytes 128 .. 255, which start a longer varint.
     */
    private static final int[] QUICK_SIZES = new int[256];
    /** How far an 8-byte big-endian read shifts down to integer serial type {@code 1 .. 6}. */
    private static final int[] INTEGER_SHIFTS = {0, 56, 48, 40, 32, 16, 0};

    static {
        for (int t = 0; t < QUICK_SIZES.length; t++) {
            QUICK_SIZES[t] = t >= 0x80 || !SerialType.isValid(t) ? -1 : (int) SerialType.size(t);
        }
    }

    /** The record as a segment; made lazily from {@link #array} when the record was given as one. */
    private MemorySegment record;
    /**
     * The record's own array when it was given as one ({@link #reset(byte[], long)}), else null.
     * Values are then decoded from it directly: a table scan resets the reader once per row, and
     * wrapping each row in a heap segment (and reading through its bounds-checked accessors)
     * cost more than decoding the row.
     */
    private byte[] array;
    /** Where the record starts in {@link #header} (and in {@link #array}, if any). */
    private int base;
    private long recordSize;
    private long pageNumber;
    /**
     * The record's header bytes, from index 0: the record's own array when it was given as one,
     * else a copy in {@link #headerCopy}. Decoding varints from an array is much cheaper than
     * reading a segment byte by byte, each read bounds-checked.
     */
    private byte[] header;
    private byte[] headerCopy = NO_BYTES;
    private int headerSize;
    /** Where the next unparsed serial type starts in the header. */
    private int headerCursor;
    /** Where the first serial type starts in the header: the header size varint's length. */
    private int firstType;
    /** Where the value found by the last successful {@link #quickType} starts in the record. */
    private int quickOffset;
    /** Where the body of the next unparsed column starts. */
    private long bodyCursor;
    private int parsedColumns;
    /** Sized for most records (a reader is made per cursor, and a cursor per statement run); grown on need. */
    private long[] serialTypes = new long[8];
    private long[] offsets = new long[8];

    /**
     * Points the reader at {@code record} (the whole payload, overflow already gathered).
     *
     * @param pageNumber the page the record was read from, for error messages (0 if none)
     * @return this
     */
    public RecordReader reset(MemorySegment record, long pageNumber) {
        long size = record.byteSize();
        int n = Varint.sizeAt(record, 0, size);
        long h = n == 0 ? 0 : Varint.get(record, 0);
        start(record, size, pageNumber, n, h);
        if (headerCopy.length < headerSize) {
            headerCopy = new byte[Math.max(headerSize, Math.max(64, headerCopy.length * 2))];
        }
        MemorySegment.copy(record, ValueLayout.JAVA_BYTE, 0, headerCopy, 0, headerSize);
        header = headerCopy;
        array = null;
        base = 0;
        return this;
    }

    /**
     * Points the reader at the record held in {@code record}, which must not change while the
     * reader is in use: the same as {@code reset(MemorySegment.ofArray(record), pageNumber)},
     * but reads the header and the values straight from the array.
     */
    public RecordReader reset(byte[] record, long pageNumber) {
        return reset(record, 0, record.length, pageNumber);
    }

    /**
     * Points the reader at the record held in {@code record[start .. start + size)} (a cell of
     * a page copied whole, say), which must not change while the reader is in use.
     */
    public RecordReader reset(byte[] record, int start, int size, long pageNumber) {
        int h = size > 0 ? record[start] : -1;
        if (h < 0) {
            return resetLongHeader(record, start, size, pageNumber);
        }
        // a one-byte header size (any record of few columns): this path is small enough to
        // inline into a scan's column read, the general varint decoder is not
        start(null, size, pageNumber, 1, h);
        return onArray(record, start);
    }

    /** {@link #reset(byte[], int, int, long)} of an empty record or one whose header size takes two bytes or more. */
    private RecordReader resetLongHeader(byte[] record, int start, int size, long pageNumber) {
        int n = Varint.sizeAt(record, start, start + size);
        long h = n == 0 ? 0 : Varint.get(record, start);
        start(null, size, pageNumber, n, h);
        return onArray(record, start);
    }

    /** The end of a reset onto {@code record[start ..]}, once its header size is checked. */
    private RecordReader onArray(byte[] record, int start) {
        if (array != record) {
            // a scan resets the reader per row, mostly onto the same array (a leaf's copy): a
            // compare is cheaper than the GC's barriers on a reference store
            header = record;
            array = record;
        }
        base = start;
        return this;
    }

    /**
     * Checks and records the header size {@code h}, whose varint took {@code n} bytes, of a
     * record of {@code size} bytes ({@code record} is null when it is given as an array).
     */
    private void start(MemorySegment record, long size, long pageNumber, int n, long h) {
        if (this.record != record) { // mostly null, as it was: see reset(byte[], int, int, long)
            this.record = record;
        }
        this.recordSize = size;
        this.pageNumber = pageNumber;
        this.parsedColumns = 0;
        if (n == 0) {
            throw corrupt("record header size varint runs past the record");
        }
        if (h < n || h > recordSize) {
            throw badHeaderSize(h, n);
        }
        headerSize = (int) h;
        headerCursor = n;
        firstType = n;
        bodyCursor = h;
    }

    /** The number of columns in the record (parses the whole header). */
    public int columnCount() {
        parseTo(Integer.MAX_VALUE - 1);
        return parsedColumns;
    }

    /** The serial type of column {@code i}, or {@link SerialType#NULL} past the last column. */
    public long serialType(int i) {
        return has(i) ? serialTypes[i] : SerialType.NULL;
    }

    public StorageClass typeOf(int i) {
        return SerialType.storageClass(serialType(i));
    }

    /** Column {@code i} as an integer; its storage class must be INTEGER. */
    public long getLong(int i) {
        long type = serialType(i);
        long at = offsetOf(i);
        if (array != null) {
            return integerAt(array, base + (int) at, (int) type, i);
        }
        if (type == SerialType.FLOAT64 || type < SerialType.INT8 || type > SerialType.ONE) {
            throw new IllegalStateException("column " + i + " has serial type " + type + ", not an integer");
        }
        return integerAt(record, at, (int) type);
    }

    /**
     * The integer of serial {@code type} (INT8 .. INT64, ZERO or ONE) at {@code at} in {@code
     * record}, big-endian, sign-extended.
     */
    public static long integerAt(MemorySegment record, long at, int type) {
        return switch (type) {
            case SerialType.ZERO -> 0;
            case SerialType.ONE -> 1;
            case SerialType.INT8 -> record.get(ValueLayout.JAVA_BYTE, at);
            case SerialType.INT16 -> (short) BigEndian.u16(record, at);
            case SerialType.INT24 -> (BigEndian.u8(record, at) << 24 >> 8) | BigEndian.u16(record, at + 1);
            case SerialType.INT32 -> BigEndian.i32(record, at);
            case SerialType.INT48 -> ((long) (short) BigEndian.u16(record, at) << 32) | BigEndian.u32(record, at + 2);
            case SerialType.INT64 -> BigEndian.i64(record, at);
            default -> throw new IllegalArgumentException("serial type " + type + " is not an integer");
        };
    }

    /** The integer of serial {@code type} at {@code at} in {@code b}, big-endian, sign-extended. */
    private static long integerAt(byte[] b, int at, int type, int column) {
        if (type >= SerialType.INT8 && type <= SerialType.INT64 && at <= b.length - Long.BYTES) {
            // one 8-byte read shifted down to the value's width, sign and all: no jump on the
            // width, which varies from row to row and would mispredict
            return (long) BIG_ENDIAN_LONG.get(b, at) >> INTEGER_SHIFTS[type];
        }
        return integerNearEnd(b, at, type, column);
    }

    /**
     * {@link #integerAt} of a ZERO or ONE, or of a value less than 8 bytes from the array's end:
     * out of line, so that the common case stays small enough to inline into a scan's column read.
     */
    private static long integerNearEnd(byte[] b, int at, int type, int column) {
        return switch (type) {
            case SerialType.ZERO -> 0;
            case SerialType.ONE -> 1;
            case SerialType.INT8 -> b[at];
            case SerialType.INT16 -> (long) b[at] << 8 | (b[at + 1] & 0xff);
            case SerialType.INT24 -> (long) b[at] << 16 | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff);
            case SerialType.INT32 -> (long) b[at] << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8
                    | (b[at + 3] & 0xff);
            case SerialType.INT48 -> (long) b[at] << 40 | (b[at + 1] & 0xffL) << 32 | unsigned32(b, at + 2);
            case SerialType.INT64 -> unsigned32(b, at) << 32 | unsigned32(b, at + 4);
            default -> throw new IllegalStateException("column " + column + " has serial type " + type
                    + ", not an integer");
        };
    }

    private static long unsigned32(byte[] b, int at) {
        return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    /** Column {@code i} as a double; its storage class must be REAL. */
    public double getDouble(int i) {
        long type = serialType(i);
        if (type != SerialType.FLOAT64) {
            throw new IllegalStateException("column " + i + " has serial type " + type + ", not a float");
        }
        long bits = array != null ? integerAt(array, base + (int) offsets[i], SerialType.INT64, i)
                : BigEndian.i64(record, offsets[i]);
        return Double.longBitsToDouble(bits);
    }

    /** Offset of column {@code i}'s value within the record (meaningful for TEXT and BLOB). */
    public long offsetOf(int i) {
        return has(i) ? offsets[i] : recordSize;
    }

    /** Bytes of column {@code i}'s value in the body. */
    public int lengthOf(int i) {
        return (int) SerialType.size(serialType(i));
    }

    /** The record bytes, for copying a TEXT or BLOB value out at {@link #offsetOf}. */
    public MemorySegment segment() {
        if (record == null) {
            record = MemorySegment.ofArray(array).asSlice(base, recordSize);
        }
        return record;
    }

    /**
     * The array holding the record when it was given as one, else null: a faster source than
     * {@link #segment} for copying a TEXT or BLOB value out, at {@link #arrayOffset} plus
     * {@link #offsetOf}.
     */
    public byte[] array() {
        return array;
    }

    /** Where the record starts in {@link #array}. */
    public int arrayOffset() {
        return base;
    }

    /** Column {@code i}'s TEXT or BLOB bytes as a slice of the record (no copy). */
    public MemorySegment bytes(int i) {
        return segment().asSlice(offsetOf(i), lengthOf(i));
    }

    /** Column {@code i}'s TEXT decoded from UTF-8. */
    public String getText(int i) {
        return getText(i, StandardCharsets.UTF_8);
    }

    /** Column {@code i}'s TEXT decoded from the database encoding {@code charset}. */
    public String getText(int i, Charset charset) {
        return new String(getBlob(i), charset);
    }

    /** A copy of column {@code i}'s TEXT or BLOB bytes. */
    public byte[] getBlob(int i) {
        return bytes(i).toArray(ValueLayout.JAVA_BYTE);
    }

    /**
     * A shortcut for a row's first read: the serial type of column {@code i} of an array-backed
     * record whose serial types up to {@code i} take one byte each (any row of short values),
     * walked from the header's start without recording anything; or -1 when that does not apply,
     * or the walk meets something {@link #serialType} would report as corrupt, and the caller
     * should use the general getters. On success {@link #quickLong} reads the value if it is an
     * integer. Checks what {@link #parseTo} checks for those columns.
     */
    public int quickType(int i) {
        if (array == null || firstType != 1) {
            return -1;
        }
        long field = quickField(array, base, (int) recordSize, i);
        if (field < 0) {
            return -1;
        }
        quickOffset = (int) (field >>> 8);
        return (int) field & 0xff;
    }

    /** The integer of serial {@code type} ({@code 1 .. 6}, 8 or 9) that the last successful {@link #quickType} found. */
    public long quickLong(int type) {
        return integerAt(array, base + quickOffset, type, -1);
    }

    /** The REAL (serial type 7) that the last successful {@link #quickType} found. */
    public double quickDouble() {
        return realAt(array, base + quickOffset);
    }

    /**
     * {@link #quickType} without a reader, for a cursor that reads one field of a row and
     * wants no reset of a reader first: column {@code i} of the record {@code
     * record[start .. start + size)}, found if the record's header size and its serial types up
     * to {@code i} take one byte each. Returns {@code offset << 8 | type} (the value's offset
     * in the record, its serial type), or -1 where {@link #quickType} declines, and so never
     * answers for a record the general getters call corrupt. Then {@link #isQuickInteger}
     * tells whether {@link #integerAt(byte[], int, int)} may read the value.
     */
    public static long quickField(byte[] record, int start, int size, int i) {
        int headerSize = size > 0 ? record[start] : -1;
        if (headerSize <= 0 || headerSize > size) {
            return -1; // a header size of two bytes or more, or corrupt: the general path takes it
        }
        int at = start + 1;
        int last = at + i;
        int headerEnd = start + headerSize;
        if (last >= headerEnd) {
            return -1;
        }
        int body = headerSize;
        for (; at < last; at++) {
            int n = QUICK_SIZES[record[at] & 0xff];
            if (n < 0) {
                return -1; // a varint of two bytes or more, or corrupt
            }
            body += n;
        }
        int type = record[last] & 0xff;
        int n = QUICK_SIZES[type];
        long end = (long) body + n;
        if (n < 0 || end > size || (last + 1 == headerEnd && end != size)) {
            return -1; // the general path takes it (and says how a corrupt one is corrupt)
        }
        return (long) body << 8 | type;
    }

    /** Whether serial type {@code type} (a {@link #quickType} or {@link #quickField} result) is an integer's ({@code 1 .. 6}, 8 or 9). */
    public static boolean isQuickInteger(int type) {
        return type > SerialType.NULL && type < SerialType.FIRST_BLOB && type != SerialType.FLOAT64;
    }

    /** The integer of serial {@code type} ({@code 1 .. 6}, 8 or 9) at {@code at} in {@code record}, big-endian, sign-extended. */
    public static long integerAt(byte[] record, int at, int type) {
        return integerAt(record, at, type, -1);
    }

    /** The REAL (serial type 7) at {@code at} in {@code record}: 8 bytes, big-endian. */
    public static double realAt(byte[] record, int at) {
        return Double.longBitsToDouble(integerAt(record, at, SerialType.INT64, -1));
    }

    /** Whether column {@code i} exists, parsing the header up to it. */
    private boolean has(int i) {
        // small enough to inline into every getter: a column already parsed costs one compare
        return i < parsedColumns || parseTo(i);
    }

    /**
     * Parses serial types until column {@code i} (or {@link Integer#MAX_VALUE} for all); false
     * if the header ends first. One loop over locals, its state written back once: a scan
     * parses a row's header on every row.
     */
    private boolean parseTo(int i) {
        final byte[] h = header;
        final int headerEnd = base + headerSize;
        int at = base + headerCursor;
        long body = bodyCursor;
        int parsed = parsedColumns;
        boolean found = true;
        while (parsed <= i) {
            if (at >= headerEnd) {
                found = false;
                break;
            }
            long type = h[at];
            int n = 1;
            if (type < 0) { // more than one byte: the general decoder
                n = Varint.sizeAt(h, at, headerEnd);
                if (n == 0) {
                    throw corrupt("serial type varint runs past the record header");
                }
                type = Varint.get(h, at);
            }
            if (!SerialType.isValid(type)) {
                throw badSerialType(type);
            }
            long end = body + SerialType.size(type);
            if (end > recordSize) {
                throw corrupt("record column runs past the record end");
            }
            at += n;
            if (at == headerEnd && end != recordSize) {
                throw badBodyEnd(end);
            }
            if (parsed == serialTypes.length) {
                serialTypes = Arrays.copyOf(serialTypes, parsed * 2);
                offsets = Arrays.copyOf(offsets, parsed * 2);
            }
            serialTypes[parsed] = type;
            offsets[parsed] = body;
            parsed++;
            body = end;
        }
        headerCursor = at - base;
        bodyCursor = body;
        parsedColumns = parsed;
        return found;
    }

    // The messages with values are built in methods of their own, out of the hot ones that throw
    // them: string building inlined there would make them too big for the JIT to inline.

    private CorruptDatabaseException badHeaderSize(long h, int n) {
        return corrupt("record header size " + h + " outside " + n + ".." + recordSize);
    }

    private CorruptDatabaseException badSerialType(long type) {
        return corrupt("invalid serial type " + type + " in record");
    }

    private CorruptDatabaseException badBodyEnd(long end) {
        return corrupt("record body ends at " + end + " but the record at " + recordSize);
    }

    private CorruptDatabaseException corrupt(String detail) {
        return new CorruptDatabaseException(pageNumber, detail);
    }
}
