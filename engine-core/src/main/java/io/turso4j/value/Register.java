package io.turso4j.value;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One mutable, typed value slot of the VM: SQLite's {@code Mem}, without boxing.
 *
 * <p>A register holds exactly one of: NULL, an INTEGER ({@code long}), a REAL ({@code double},
 * never NaN), TEXT (UTF-8 bytes, as SQLite stores text) or a BLOB (bytes). Invariants:
 * <ul>
 *   <li>{@link #type()} says which of the fields is meaningful; the others are stale.</li>
 *   <li>For TEXT and BLOB the value is {@code bytes()[0 .. length())}. The array belongs to the
 *       register and is reused by later setters, so a caller that keeps the bytes past the next
 *       mutation must copy them ({@link #bytesCopy()}).</li>
 *   <li>A REAL is never NaN: storing NaN stores NULL, as {@code sqlite3VdbeMemSetDouble} does.</li>
 *   <li>For TEXT a decoded {@link String} is cached lazily and dropped on every mutation.</li>
 * </ul>
 *
 * <p>Not thread-safe: a register belongs to one statement, which one thread steps at a time.
 */
public final class Register {
    private static final byte[] NO_BYTES = new byte[0];

    private ValueType type = ValueType.NULL;
    /**
     * The INTEGER, or the REAL's bits ({@link Double#doubleToRawLongBits}): one field for both
     * makes a register 40 bytes rather than 48, and a statement allocates all of its registers
     * when it is prepared.
     */
    private long number;
    private byte[] bytes = NO_BYTES;
    private int length;
    private String cachedText;
    private byte subtype;

    public Register() {
    }

    /** Shorthand for tests and constant folding: a new register holding {@code value}. */
    public static Register of(Object value) {
        Register r = new Register();
        r.setObject(value);
        return r;
    }

    // ---- setters ------------------------------------------------------------------------

    public Register setNull() {
        type = ValueType.NULL;
        cachedText = null;
        subtype = 0;
        return this;
    }

    public Register setInt(long value) {
        // A scan stores an integer into the same register row after row: the compares skip the
        // GC's barriers on reference stores that would change nothing.
        if (type != ValueType.INTEGER) {
            type = ValueType.INTEGER;
            cachedText = null;
        }
        number = value;
        subtype = 0;
        return this;
    }

    /** Stores a REAL; NaN is stored as NULL, as SQLite does. */
    public Register setReal(double value) {
        if (Double.isNaN(value)) {
            return setNull();
        }
        type = ValueType.REAL;
        number = Double.doubleToRawLongBits(value);
        cachedText = null;
        subtype = 0;
        return this;
    }

    public Register setText(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        bytes = utf8;
        length = utf8.length;
        type = ValueType.TEXT;
        cachedText = value;
        subtype = 0;
        return this;
    }

    /** Stores TEXT copied from {@code src[offset .. offset+len)}, which must be UTF-8. */
    public Register setText(byte[] src, int offset, int len) {
        copyIn(src, offset, len);
        type = ValueType.TEXT;
        return this;
    }

    /**
     * Stores TEXT {@code owned[0 .. len)}, which must be UTF-8, taking the array itself: the
     * caller made it for this value and does not touch it again (one copy less of a large value).
     */
    public Register adoptText(byte[] owned, int len) {
        bytes = owned;
        length = len;
        type = ValueType.TEXT;
        cachedText = null;
        subtype = 0;
        return this;
    }

    /** Stores a BLOB copied from {@code src[offset .. offset+len)}. */
    public Register setBlob(byte[] src, int offset, int len) {
        copyIn(src, offset, len);
        type = ValueType.BLOB;
        return this;
    }

    /** Stores TEXT copied from {@code len} bytes of {@code src} at {@code offset}, which must be UTF-8. */
    public Register setText(MemorySegment src, long offset, int len) {
        copyIn(src, offset, len);
        type = ValueType.TEXT;
        return this;
    }

    /** Stores a BLOB copied from {@code len} bytes of {@code src} at {@code offset}. */
    public Register setBlob(MemorySegment src, long offset, int len) {
        copyIn(src, offset, len);
        type = ValueType.BLOB;
        return this;
    }

    public Register setBlob(byte[] value) {
        return setBlob(value, 0, value.length);
    }

    /**
     * Stores a Java value: {@code null}, {@link Long}/{@link Integer}/{@link Short}/{@link Byte}
     * and {@link Boolean} as INTEGER, {@link Double}/{@link Float} as REAL, {@link CharSequence}
     * as TEXT, {@code byte[]} as BLOB.
     */
    public Register setObject(Object value) {
        return switch (value) {
            case null -> setNull();
            case Long l -> setInt(l);
            case Integer i -> setInt(i);
            case Short s -> setInt(s);
            case Byte b -> setInt(b);
            case Boolean b -> setInt(b ? 1 : 0);
            case Double d -> setReal(d);
            case Float f -> setReal(f);
            case CharSequence cs -> setText(cs.toString());
            case byte[] b -> setBlob(b);
            default -> throw new IllegalArgumentException("not an SQL value: " + value.getClass());
        };
    }

    /** Makes this register an independent copy of {@code other} (bytes are copied). */
    public Register copyFrom(Register other) {
        if (other == this) {
            return this;
        }
        switch (other.type) {
            case NULL -> setNull();
            case INTEGER -> setInt(other.number);
            case REAL -> setReal(other.realValue());
            case TEXT -> {
                setText(other.bytes, 0, other.length);
                cachedText = other.cachedText;
            }
            case BLOB -> setBlob(other.bytes, 0, other.length);
        }
        subtype = other.subtype;
        return this;
    }

    private void copyIn(byte[] src, int offset, int len) {
        if (bytes.length < len) {
            bytes = Arrays.copyOfRange(src, offset, offset + len);
        } else {
            System.arraycopy(src, offset, bytes, 0, len); // overlap-safe when src == bytes
        }
        length = len;
        cachedText = null;
        subtype = 0;
    }

    private void copyIn(MemorySegment src, long offset, int len) {
        if (bytes.length < len) {
            bytes = new byte[len];
        }
        // overlap-safe when src views this register's own bytes
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, offset, bytes, 0, len);
        length = len;
        cachedText = null;
        subtype = 0;
    }

    /**
     * Tags the value with an application subtype (SQLite's {@code sqlite3_result_subtype}; the
     * JSON functions use {@code 'J'} to pass JSON text between calls). Every setter clears it;
     * {@link #copyFrom} keeps it.
     */
    public Register setSubtype(int value) {
        subtype = (byte) value;
        return this;
    }

    /** The subtype set by {@link #setSubtype}, 0 when none. */
    public int subtype() {
        return subtype;
    }

    // ---- raw getters ----------------------------------------------------------------------

    public ValueType type() {
        return type;
    }

    public boolean isNull() {
        return type == ValueType.NULL;
    }

    /** The INTEGER held; meaningful only when {@code type() == INTEGER}. */
    public long intValue() {
        return number;
    }

    /** The REAL held; meaningful only when {@code type() == REAL}. */
    public double realValue() {
        return Double.longBitsToDouble(number);
    }

    /** The TEXT (UTF-8) or BLOB bytes, valid in {@code [0, length())} until the next mutation. */
    public byte[] bytes() {
        return bytes;
    }

    /** The length in bytes of the TEXT or BLOB held. */
    public int length() {
        return length;
    }

    public byte[] bytesCopy() {
        return Arrays.copyOf(bytes, length);
    }

    // ---- conversions, as sqlite3_value_int64 / _double / _text do them ---------------------

    /**
     * The value as an INTEGER, as {@code sqlite3_value_int64} converts: REAL truncates toward
     * zero and saturates, TEXT and BLOB take their longest integer prefix, NULL is 0.
     */
    public long toLong() {
        return switch (type) {
            case NULL -> 0;
            case INTEGER -> number;
            case REAL -> Int64.fromReal(realValue());
            case TEXT, BLOB -> NumericText.parseInteger(bytes, 0, length);
        };
    }

    /**
     * The value as a REAL, as {@code sqlite3_value_double} converts: TEXT and BLOB take their
     * longest numeric prefix, NULL is 0.0.
     */
    public double toDouble() {
        return switch (type) {
            case NULL -> 0.0;
            case INTEGER -> (double) number;
            case REAL -> realValue();
            case TEXT, BLOB -> NumericText.parseReal(bytes, 0, length);
        };
    }

    /**
     * The value as text, as {@code sqlite3_value_text} gives it: numbers rendered the way SQLite
     * renders them ({@link RealFormat#SEVENTEEN_DIGITS} for REAL), BLOB bytes read as UTF-8,
     * {@code null} for NULL.
     */
    public String toText() {
        return switch (type) {
            case NULL -> null;
            case INTEGER -> Long.toString(number);
            case REAL -> RealFormat.SEVENTEEN_DIGITS.format(realValue());
            case TEXT -> {
                if (cachedText == null) {
                    cachedText = new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                yield cachedText;
            }
            case BLOB -> new String(bytes, 0, length, StandardCharsets.UTF_8);
        };
    }

    /**
     * The value as the API hands it out: {@code null}, {@link Long}, {@link Double},
     * {@link String} or a fresh {@code byte[]}.
     */
    public Object toObject() {
        return switch (type) {
            case NULL -> null;
            case INTEGER -> number;
            case REAL -> realValue();
            case TEXT -> toText();
            case BLOB -> bytesCopy();
        };
    }

    /** For debugging: the type and the value, e.g. {@code INTEGER 42}. */
    @Override
    public String toString() {
        return switch (type) {
            case NULL -> "NULL";
            case BLOB -> "BLOB x'" + java.util.HexFormat.of().formatHex(bytes, 0, length) + "'";
            case TEXT -> "TEXT '" + toText() + "'";
            default -> type + " " + toText();
        };
    }
}
