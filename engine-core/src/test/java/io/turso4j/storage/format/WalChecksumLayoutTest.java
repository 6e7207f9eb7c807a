package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WalChecksum} reads heap page images and off-heap buffers by different loops: every
 * kind of segment, at any offset into it, must give what the formula gives word by word.
 */
class WalChecksumLayoutTest {

    @Test
    void heapOffHeapAndSlicedSegmentsAgreeWithTheFormula() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("WalChecksumLayoutTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        byte[] bytes = new byte[4096 + 64];
        random.nextBytes(bytes);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment offHeap = arena.allocate(bytes.length, 8);
            MemorySegment.copy(MemorySegment.ofArray(bytes), 0, offHeap, 0, bytes.length);
            for (int round = 0; round < 200; round++) {
                int offset = random.nextInt(64);
                int length = 8 * random.nextInt((bytes.length - offset) / 8 + 1);
                boolean big = random.nextBoolean();
                long previous = random.nextLong();
                long expected = reference(previous, bytes, offset, length, big);
                String what = "offset " + offset + " length " + length + " big " + big;
                assertEquals(expected, WalChecksum.update(previous, MemorySegment.ofArray(bytes), offset, length, big), "heap " + what);
                assertEquals(expected, WalChecksum.update(previous, offHeap, offset, length, big), "off-heap " + what);
                // A heap slice starts mid-array: its own offset 0 is byte `offset` of the array.
                MemorySegment slice = MemorySegment.ofArray(bytes).asSlice(offset);
                assertEquals(expected, WalChecksum.update(previous, slice, 0, length, big), "heap slice " + what);
            }
        }
    }

    @Test
    void rangeOutsideTheSegmentIsRefused() {
        MemorySegment page = MemorySegment.ofArray(new byte[64]);
        assertThrows(IndexOutOfBoundsException.class, () -> WalChecksum.update(0, page, 8, 64, true));
        assertThrows(IllegalArgumentException.class, () -> WalChecksum.update(0, page, 0, 12, true));
    }

    /** The formula over 32-bit words assembled byte by byte. */
    private static long reference(long previous, byte[] b, int offset, int length, boolean big) {
        int s0 = WalChecksum.s0(previous);
        int s1 = WalChecksum.s1(previous);
        for (int at = offset; at < offset + length; at += 8) {
            s0 += word(b, at, big) + s1;
            s1 += word(b, at + 4, big) + s0;
        }
        return WalChecksum.pack(s0, s1);
    }

    private static int word(byte[] b, int at, boolean big) {
        int x = 0;
        for (int i = 0; i < 4; i++) {
            int shift = big ? 24 - 8 * i : 8 * i;
            x |= (b[at + i] & 0xff) << shift;
        }
        return x;
    }
}
