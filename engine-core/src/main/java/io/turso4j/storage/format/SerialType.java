package io.turso4j.storage.format;

/**
 * Serial type codes: how the record header says what each column of the record body holds.
 * See <a href="https://www.sqlite.org/fileformat2.html#record_format">fileformat2, "Record
 * Format"</a>.
 *
 * <pre>
 * code        body bytes   value
 *   0           0          NULL                                    NULL
 *   1           1          big-endian two's-complement integer     INT8
 *   2           2            "                                     INT16
 *   3           3            "                                     INT24
 *   4           4            "                                     INT32
 *   5           6            "                                     INT48
 *   6           8            "                                     INT64
 *   7           8          big-endian IEEE 754 double              FLOAT64
 *   8           0          the integer 0 (schema format 4)         ZERO
 *   9           0          the integer 1 (schema format 4)         ONE
 *  10, 11       -          reserved for internal use: corrupt on disk
 *  N>=12 even  (N-12)/2    BLOB of that many bytes                 FIRST_BLOB
 *  N>=13 odd   (N-13)/2    TEXT in the database encoding,          FIRST_TEXT
 *                          no NUL terminator
 * </pre>
 *
 * Stateless; any thread.
 */
public final class SerialType {
    public static final int NULL = 0;
    public static final int INT8 = 1;
    public static final int INT16 = 2;
    public static final int INT24 = 3;
    public static final int INT32 = 4;
    public static final int INT48 = 5;
    public static final int INT64 = 6;
    public static final int FLOAT64 = 7;
    public static final int ZERO = 8;
    public static final int ONE = 9;
    public static final int FIRST_BLOB = 12;
    public static final int FIRST_TEXT = 13;

    private static final int[] FIXED_SIZES = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0};

    private SerialType() {}

    /** Whether {@code code} may appear in a record on disk (10 and 11 may not). */
    public static boolean isValid(long code) {
        return code >= 0 && (code < 10 || code >= FIRST_BLOB);
    }

    /** Body bytes of a value of type {@code code}; {@code code} must be {@linkplain #isValid valid}. */
    public static long size(long code) {
        return code < FIXED_SIZES.length ? FIXED_SIZES[(int) code] : (code - FIRST_BLOB) >>> 1;
    }

    /** The storage class a valid {@code code} decodes to. */
    public static StorageClass storageClass(long code) {
        if (code == NULL) {
            return StorageClass.NULL;
        }
        if (code <= INT64 || code == ZERO || code == ONE) {
            return StorageClass.INTEGER;
        }
        if (code == FLOAT64) {
            return StorageClass.REAL;
        }
        return (code & 1) == 0 ? StorageClass.BLOB : StorageClass.TEXT;
    }

    /**
     * The smallest serial type for integer {@code value}, as SQLite chooses it: 8 and 9 for 0
     * and 1 when {@code constantsAllowed} (schema format 4), else the narrowest of 1..6.
     */
    public static int forInteger(long value, boolean constantsAllowed) {
        if (constantsAllowed && (value == 0 || value == 1)) {
            return value == 0 ? ZERO : ONE;
        }
        long magnitude = value < 0 ? ~value : value;
        if (magnitude <= 0x7fL) {
            return INT8;
        }
        if (magnitude <= 0x7fffL) {
            return INT16;
        }
        if (magnitude <= 0x7fffffL) {
            return INT24;
        }
        if (magnitude <= 0x7fffffffL) {
            return INT32;
        }
        if (magnitude <= 0x7fffffffffffL) {
            return INT48;
        }
        return INT64;
    }

    /** The serial type of a BLOB of {@code length} bytes. */
    public static long forBlob(long length) {
        return FIRST_BLOB + 2 * length;
    }

    /** The serial type of TEXT of {@code length} bytes in the database encoding. */
    public static long forText(long length) {
        return FIRST_TEXT + 2 * length;
    }
}
