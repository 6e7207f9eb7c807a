package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The checksum that protects the WAL header and chains every WAL frame to the ones before it.
 * See <a href="https://www.sqlite.org/fileformat2.html#checksum_algorithm">fileformat2,
 * "Checksum Algorithm"</a>.
 *
 * <pre>
 * input   an even number of 32-bit words x[0..n), a starting pair (s0, s1)
 * step    for i = 0, 2, 4, ...:  s0 += x[i] + s1;  s1 += x[i+1] + s0   (mod 2^32)
 * order   words are big-endian if the WAL magic is 0x377f0683, little-endian if 0x377f0682
 * </pre>
 *
 * <p>The header's checksum covers its first 24 bytes starting from (0, 0). Frame k's covers
 * the first 8 bytes of its frame header then its page, starting from frame k-1's checksum
 * (the header's for the first frame) — so a frame is valid only if every earlier one is.
 *
 * <p>The pair is returned packed in a long, s0 in the high half ({@link #s0}, {@link #s1}), so
 * no allocation is needed. Stateless; any thread.
 */
public final class WalChecksum {
    // A word pair read as one long: in a big-endian long the first word is the high half, in a
    // little-endian one the low half. Constant layouts and handles, one per loop, so that the
    // JIT inlines the access.
    private static final ValueLayout.OfLong BIG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong LITTLE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BIG_ARRAY = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LITTLE_ARRAY = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private WalChecksum() {}

    /**
     * Continues checksum {@code previous} over {@code length} bytes (a multiple of 8) of
     * {@code data} from {@code offset}.
     */
    public static long update(long previous, MemorySegment data, long offset, long length, boolean bigEndianWords) {
        if ((length & 7) != 0) {
            throw new IllegalArgumentException("checksummed length " + length + " is not a multiple of 8");
        }
        MemorySegment words = data.asSlice(offset, length); // the bounds check, once
        // A commit checksums heap page images and off-heap frame headers alike: one loop over
        // MemorySegment would see both kinds, and a segment read the JIT cannot pin to one kind
        // re-checks alignment and bounds on every word. A heap page is read as its array.
        if (words.heapBase().orElse(null) instanceof byte[] array) {
            int from = Math.toIntExact(words.address());
            return bigEndianWords ? arrayBig(previous, array, from, from + (int) length)
                    : arrayLittle(previous, array, from, from + (int) length);
        }
        return bigEndianWords ? segmentBig(previous, words, length) : segmentLittle(previous, words, length);
    }

    private static long arrayBig(long previous, byte[] array, int from, int to) {
        int s0 = s0(previous);
        int s1 = s1(previous);
        for (int at = from; at < to; at += 8) {
            long pair = (long) BIG_ARRAY.get(array, at);
            s0 += (int) (pair >>> 32) + s1;
            s1 += (int) pair + s0;
        }
        return pack(s0, s1);
    }

    private static long arrayLittle(long previous, byte[] array, int from, int to) {
        int s0 = s0(previous);
        int s1 = s1(previous);
        for (int at = from; at < to; at += 8) {
            long pair = (long) LITTLE_ARRAY.get(array, at);
            s0 += (int) pair + s1;
            s1 += (int) (pair >>> 32) + s0;
        }
        return pack(s0, s1);
    }

    private static long segmentBig(long previous, MemorySegment words, long length) {
        int s0 = s0(previous);
        int s1 = s1(previous);
        for (long at = 0; at < length; at += 8) {
            long pair = words.get(BIG, at);
            s0 += (int) (pair >>> 32) + s1;
            s1 += (int) pair + s0;
        }
        return pack(s0, s1);
    }

    private static long segmentLittle(long previous, MemorySegment words, long length) {
        int s0 = s0(previous);
        int s1 = s1(previous);
        for (long at = 0; at < length; at += 8) {
            long pair = words.get(LITTLE, at);
            s0 += (int) pair + s1;
            s1 += (int) (pair >>> 32) + s0;
        }
        return pack(s0, s1);
    }

    public static long pack(int s0, int s1) {
        return ((long) s0 << 32) | Integer.toUnsignedLong(s1);
    }

    public static int s0(long packed) {
        return (int) (packed >>> 32);
    }

    public static int s1(long packed) {
        return (int) packed;
    }
}
