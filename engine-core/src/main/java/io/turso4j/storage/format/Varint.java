package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * SQLite's variable-length integer: 1 to 9 bytes holding a 64-bit two's-complement value,
 * most significant bits first. See <a href="https://www.sqlite.org/fileformat2.html#b_tree_pages">
 * fileformat2, "B-tree Pages", where varints are defined</a>.
 *
 * <pre>
 * byte      bits used   meaning
 * 1..8      low 7       value bits; high bit set = "another byte follows"
 * 9         all 8       value bits (a 9th byte always ends the varint)
 * </pre>
 *
 * <p>So values below 2^7 take 1 byte, below 2^14 take 2, ..., below 2^56 take 8, and anything
 * else (including every negative value) takes 9.
 *
 * <p>Reading untrusted bytes: call {@link #sizeAt} with the end of the readable region first;
 * it returns 0 when the varint would run past that end, which the caller reports as corruption
 * of its page. {@link #get} then decodes without further checks. Stateless; any thread.
 */
public final class Varint {
    /** The longest a varint can be. */
    public static final int MAX_SIZE = 9;

    private static final ValueLayout.OfLong U64 =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    /** The continuation bit of each byte of a big-endian long. */
    static final long HIGH_BITS = 0x8080808080808080L;

    private Varint() {}

    /**
     * Bytes taken by the varint at {@code offset}, or 0 if it does not end before {@code end}
     * (exclusive).
     */
    public static int sizeAt(MemorySegment s, long offset, long end) {
        if (offset < end && s.get(ValueLayout.JAVA_BYTE, offset) >= 0) {
            return 1; // the common case: one byte, high bit clear
        }
        if (offset >= 0 && offset + Long.BYTES <= s.byteSize()) {
            // One bounds-checked read instead of one per byte: a byte with its high bit clear ends it.
            long stops = ~s.get(U64, offset) & HIGH_BITS;
            int n = stops == 0 ? MAX_SIZE : Long.numberOfLeadingZeros(stops) / Byte.SIZE + 1;
            return n <= end - offset ? n : 0;
        }
        long limit = Math.min(end, offset + MAX_SIZE);
        for (long p = offset; p < limit; p++) {
            if (p - offset == MAX_SIZE - 1 || (s.get(ValueLayout.JAVA_BYTE, p) & 0x80) == 0) {
                return (int) (p - offset + 1);
            }
        }
        return 0;
    }

    /**
     * The value of the varint at {@code offset} of {@code s}, whose first eight bytes are
     * {@code word} (read big-endian): its ninth byte, if it has one, is read from {@code s}.
     */
    static long fromWord(long word, MemorySegment s, long offset) {
        long value = 0;
        for (int shift = Long.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
            long b = (word >>> shift) & 0xff;
            value = (value << 7) | (b & 0x7f);
            if (b < 0x80) {
                return value;
            }
        }
        return (value << 8) | (s.get(ValueLayout.JAVA_BYTE, offset + MAX_SIZE - 1) & 0xff);
    }

    /** The value of the varint at {@code offset}; the caller has checked its size. */
    public static long get(MemorySegment s, long offset) {
        if (offset >= 0 && offset + Long.BYTES <= s.byteSize()) {
            return fromWord(s.get(U64, offset), s, offset);
        }
        long value = 0;
        for (int i = 0; i < MAX_SIZE - 1; i++) {
            int b = s.get(ValueLayout.JAVA_BYTE, offset + i);
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return (value << 8) | (s.get(ValueLayout.JAVA_BYTE, offset + MAX_SIZE - 1) & 0xff);
    }

    /** {@link #sizeAt(MemorySegment, long, long)} over a byte array. */
    public static int sizeAt(byte[] b, int offset, int end) {
        int limit = Math.min(end, offset + MAX_SIZE);
        for (int p = offset; p < limit; p++) {
            if (b[p] >= 0 || p - offset == MAX_SIZE - 1) {
                return p - offset + 1;
            }
        }
        return 0;
    }

    /** {@link #get(MemorySegment, long)} over a byte array; the caller has checked its size. */
    public static long get(byte[] b, int offset) {
        long value = 0;
        for (int i = 0; i < MAX_SIZE - 1; i++) {
            int v = b[offset + i];
            value = (value << 7) | (v & 0x7f);
            if (v >= 0) {
                return value;
            }
        }
        return (value << 8) | (b[offset + MAX_SIZE - 1] & 0xff);
    }

    /** Bytes needed to store {@code value}. */
    public static int size(long value) {
        if (value < 0 || value >= 1L << 56) {
            return MAX_SIZE;
        }
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** {@link #put(MemorySegment, long, long)} into an array. */
    public static int put(byte[] b, int offset, long value) {
        int n = size(value);
        if (n == MAX_SIZE) {
            b[offset + 8] = (byte) value;
            value >>>= 8;
            for (int i = 7; i >= 0; i--) {
                b[offset + i] = (byte) ((value & 0x7f) | 0x80);
                value >>>= 7;
            }
            return n;
        }
        for (int i = n - 1; i >= 0; i--) {
            b[offset + i] = (byte) ((value & 0x7f) | (i == n - 1 ? 0 : 0x80));
            value >>>= 7;
        }
        return n;
    }

    /** Writes {@code value} at {@code offset} and returns the number of bytes written. */
    public static int put(MemorySegment s, long offset, long value) {
        int n = size(value);
        if (n == MAX_SIZE) {
            s.set(ValueLayout.JAVA_BYTE, offset + 8, (byte) value);
            value >>>= 8;
            for (int i = 7; i >= 0; i--) {
                s.set(ValueLayout.JAVA_BYTE, offset + i, (byte) ((value & 0x7f) | 0x80));
                value >>>= 7;
            }
            return n;
        }
        for (int i = n - 1; i >= 0; i--) {
            int continuation = i == n - 1 ? 0 : 0x80;
            s.set(ValueLayout.JAVA_BYTE, offset + i, (byte) ((value & 0x7f) | continuation));
            value >>>= 7;
        }
        return n;
    }
}
