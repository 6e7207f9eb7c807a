package io.turso4j.tests.slt;

import java.nio.charset.StandardCharsets;

/**
 * Renders one result value as the reference harness prints it (FORMAT.md §6). Rendering
 * follows the query's declared column type character, not the value's storage class, exactly
 * as {@code slt_sqlite.c} reads column i through the accessor that {@code types[i]} names:
 * <ul>
 *   <li>{@code I}: {@code sqlite3_column_int} — to a 64-bit integer as CAST does, then the low
 *       32 bits, signed;</li>
 *   <li>{@code R}: {@code sqlite3_column_double} printed with SQLite's {@code "%.3f"};</li>
 *   <li>{@code T}: {@code sqlite3_column_text} cut at the first NUL, {@code (empty)} when empty,
 *       else every byte outside 0x20..0x7E replaced by {@code @}.</li>
 * </ul>
 * NULL prints as {@code NULL} whatever the type. Stateless; any thread.
 */
public final class ValueRenderer {

    private ValueRenderer() {}

    /** Whether {@code c} is a column type character the harness knows. */
    public static boolean isColumnType(char c) {
        return c == 'I' || c == 'R' || c == 'T';
    }

    /** The harness's string for {@code value} in a column of type {@code type} (I, R or T). */
    public static String render(SqlValue value, char type) {
        if (value instanceof SqlValue.NullValue) {
            return "NULL";
        }
        return switch (type) {
            case 'I' -> SmallIntegers.text((int) toLong(value));
            case 'R' -> SqliteFloatFormat.fixed3(toDouble(value));
            case 'T' -> printable(toText(value));
            default -> throw new IllegalArgumentException("column type must be I, R or T: " + type);
        };
    }

    /** {@code sqlite3_column_int64}: reals truncate toward zero and saturate (as Java's cast). */
    static long toLong(SqlValue value) {
        return switch (value) {
            case SqlValue.IntegerValue v -> v.value();
            case SqlValue.RealValue v -> (long) v.value();
            case SqlValue.TextValue v -> NumericPrefix.toLong(v.utf8());
            case SqlValue.BlobValue v -> NumericPrefix.toLong(v.bytes());
            case SqlValue.NullValue v -> 0;
        };
    }

    /** {@code sqlite3_column_double}. */
    static double toDouble(SqlValue value) {
        return switch (value) {
            case SqlValue.IntegerValue v -> (double) v.value();
            case SqlValue.RealValue v -> v.value();
            case SqlValue.TextValue v -> NumericPrefix.toDouble(v.utf8());
            case SqlValue.BlobValue v -> NumericPrefix.toDouble(v.bytes());
            case SqlValue.NullValue v -> 0.0;
        };
    }

    /** {@code sqlite3_column_text}'s bytes. */
    static byte[] toText(SqlValue value) {
        return switch (value) {
            case SqlValue.IntegerValue v -> Long.toString(v.value()).getBytes(StandardCharsets.US_ASCII);
            case SqlValue.RealValue v -> SqliteFloatFormat.generic15(v.value()).getBytes(StandardCharsets.US_ASCII);
            case SqlValue.TextValue v -> v.utf8();
            case SqlValue.BlobValue v -> v.bytes();
            case SqlValue.NullValue v -> new byte[0];
        };
    }

    /** The C string's bytes up to the first NUL, with non-printable bytes shown as {@code @}. */
    private static String printable(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] >= 0x20 && bytes[end] <= 0x7E) {
            end++;
        }
        if (end == 0 && (bytes.length == 0 || bytes[0] == 0)) {
            return "(empty)";
        }
        if (end == bytes.length || bytes[end] == 0) {
            return new String(bytes, 0, end, StandardCharsets.US_ASCII); // all printable: nothing to replace
        }
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            if (b == 0) {
                break;
            }
            out.append(b >= 0x20 && b <= 0x7E ? (char) b : '@');
        }
        return out.toString();
    }
}
