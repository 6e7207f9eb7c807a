package io.turso4j.tests.slt;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * One value of a query result with its SQLite storage class. The runner needs the storage class
 * of each value, not of the column, because rendering converts from it (FORMAT.md §6).
 * Immutable; the byte arrays are owned by the value and never modified after construction.
 */
public sealed interface SqlValue {

    /** The single NULL. */
    SqlValue NULL = new NullValue();

    static SqlValue ofLong(long value) {
        return SmallIntegers.value(value);
    }

    static SqlValue ofDouble(double value) {
        return new RealValue(value);
    }

    static SqlValue ofText(String value) {
        return new TextValue(value.getBytes(StandardCharsets.UTF_8));
    }

    record NullValue() implements SqlValue {
        @Override
        public String toString() {
            return "NULL";
        }
    }

    record IntegerValue(long value) implements SqlValue {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    record RealValue(double value) implements SqlValue {
        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** Text as the bytes SQLite holds (UTF-8, possibly not well-formed). */
    record TextValue(byte[] utf8) implements SqlValue {
        @Override
        public String toString() {
            return "'" + new String(utf8, StandardCharsets.UTF_8) + "'";
        }
    }

    record BlobValue(byte[] bytes) implements SqlValue {
        @Override
        public String toString() {
            return "x'" + HexFormat.of().formatHex(bytes) + "'";
        }
    }
}
