package io.turso4j.storage.format;

import java.lang.foreign.MemorySegment;
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
    // little-endian one the low half. Constant layouts, one per loop, so that the JIT inlines
    // the access (a layout picked at run time sends every read through the generic checks).
    private static final ValueLayout.OfLong BIG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong LITTLE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private WalChecksum() {}

    /**
     * Continues checksum {@code previous} over {@code length} bytes (a multiple of 8) of
     * {@code data} from {@code offset}.
     */
    public static long update(long previous, MemorySegment data, long offset, long length, boolean bigEndianWords) {
        if ((length & 7) != 0) {
            throw new IllegalArgumentException("checksummed length " + length + " is not a multiple of 8");
        }
        int s0 = s0(previous);
        int s1 = s1(previous);
        MemorySegment words = data.asSlice(offset, length);
        int pairs = (int) (length >>> 3);
        if (bigEndianWords) {
            for (int i = 0; i < pairs; i++) {
                long pair = words.getAtIndex(BIG, i);
                s0 += (int) (pair >>> 32) + s1;
                s1 += (int) pair + s0;
            }
        } else {
            for (int i = 0; i < pairs; i++) {
                long pair = words.getAtIndex(LITTLE, i);
                s0 += (int) pair + s1;
                s1 += (int) (pair >>> 32) + s0;
            }
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
