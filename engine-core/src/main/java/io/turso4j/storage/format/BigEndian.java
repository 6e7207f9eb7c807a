package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads and writes the big-endian integers that every multi-byte field of SQLite's file format
 * uses. See <a href="https://www.sqlite.org/fileformat2.html#the_database_header">fileformat2,
 * "The Database Header"</a>: multibyte fields are stored most significant byte first.
 *
 * <pre>
 * width  reader        writer
 *   1    u8            putU8
 *   2    u16           putU16
 *   4    u32 / i32     putU32
 *   8    i64           putI64
 * </pre>
 *
 * <p>Offsets are absolute within the given segment; the segment's own bounds checks apply, so
 * callers that read untrusted offsets check them first and report corruption themselves.
 * Stateless; any thread.
 */
public final class BigEndian {
    private static final ValueLayout.OfShort U16 =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32 =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U64 =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private BigEndian() {}

    public static int u8(MemorySegment s, long offset) {
        return Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, offset));
    }

    public static int u16(MemorySegment s, long offset) {
        return Short.toUnsignedInt(s.get(U16, offset));
    }

    /** A 4-byte unsigned field, widened to long so values above 2^31 stay positive. */
    public static long u32(MemorySegment s, long offset) {
        return Integer.toUnsignedLong(s.get(U32, offset));
    }

    /** A 4-byte field read as a Java int (two's complement), for fields SQLite treats as signed. */
    public static int i32(MemorySegment s, long offset) {
        return s.get(U32, offset);
    }

    public static long i64(MemorySegment s, long offset) {
        return s.get(U64, offset);
    }

    public static void putU8(MemorySegment s, long offset, int value) {
        s.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
    }

    public static void putU16(MemorySegment s, long offset, int value) {
        s.set(U16, offset, (short) value);
    }

    public static void putU32(MemorySegment s, long offset, long value) {
        s.set(U32, offset, (int) value);
    }

    public static void putI64(MemorySegment s, long offset, long value) {
        s.set(U64, offset, value);
    }
}
