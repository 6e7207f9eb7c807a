package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VarintTest {
    private static final HexFormat HEX = HexFormat.of();

    private static String encode(long v) {
        byte[] b = new byte[Varint.MAX_SIZE];
        int n = Varint.put(MemorySegment.ofArray(b), 0, v);
        return HEX.formatHex(b, 0, n);
    }

    @Test
    void encodesTheFormatsExamples() {
        assertEquals("00", encode(0));
        assertEquals("7f", encode(127));
        assertEquals("8100", encode(128));
        assertEquals("ff7f", encode(16383));
        assertEquals("818000", encode(16384));
        // 2^56-1 is the largest 8-byte value; 2^56 needs the 9-byte form whose last byte has 8 bits.
        assertEquals("ffffffffffffff7f", encode((1L << 56) - 1));
        // The first 8 bytes carry bits 63..8, 7 at a time; bit 56 is the top bit of the second byte.
        assertEquals("80c080808080808000", encode(1L << 56));
        assertEquals("ffffffffffffffffff", encode(-1));
        assertEquals("c08080808080808000", encode(Long.MIN_VALUE));
    }

    @Test
    void sizeMatchesBytesWritten() {
        long[] edges = {0, 127, 128, 16383, 16384, 2097151, 2097152, (1L << 49) - 1, 1L << 49,
                (1L << 56) - 1, 1L << 56, Long.MAX_VALUE, -1, Long.MIN_VALUE};
        for (long v : edges) {
            assertEquals(encode(v).length() / 2, Varint.size(v), "size of " + v);
        }
    }

    @Test
    void roundTripsRandomValues() {
        Random random = TestSeed.random("VarintTest.roundTripsRandomValues");
        MemorySegment s = MemorySegment.ofArray(new byte[Varint.MAX_SIZE + 3]);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            int n = Varint.put(s, 3, v);
            assertEquals(n, Varint.sizeAt(s, 3, s.byteSize()), "size of " + v);
            assertEquals(v, Varint.get(s, 3), "value " + v);
        }
    }

    @Test
    void sizeAtReportsAVarintThatRunsPastTheEnd() {
        MemorySegment s = MemorySegment.ofArray(HEX.parseHex("818000ff"));
        assertEquals(3, Varint.sizeAt(s, 0, 4));
        assertEquals(0, Varint.sizeAt(s, 0, 2));
        assertEquals(0, Varint.sizeAt(s, 3, 4));
        assertEquals(0, Varint.sizeAt(s, 4, 4));
    }

    /** Segments read a varint by word where 8 bytes fit, else byte by byte; arrays byte by byte. All agree. */
    @Test
    void everyReadPathAgreesWhereverTheVarintSitsAndEnds() {
        Random random = TestSeed.random("VarintTest.everyReadPathAgreesWhereverTheVarintSitsAndEnds");
        for (int i = 0; i < 20_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            byte[] b = new byte[Varint.MAX_SIZE + random.nextInt(12)];
            random.nextBytes(b);
            int at = random.nextInt(b.length - Varint.size(v) + 1);
            MemorySegment s = MemorySegment.ofArray(b);
            int n = Varint.put(s, at, v);
            for (int end = at; end <= b.length; end++) {
                int expected = end - at >= n ? n : 0;
                assertEquals(expected, Varint.sizeAt(s, at, end), "segment size of " + v + " at " + at + " end " + end);
                assertEquals(expected, Varint.sizeAt(b, at, end), "array size of " + v + " at " + at + " end " + end);
            }
            assertEquals(v, Varint.get(s, at), "segment value " + v);
            assertEquals(v, Varint.get(b, at), "array value " + v);
        }
    }

    /** Writing into an array gives the bytes writing into a segment gives, and nothing past them. */
    @Test
    void arrayAndSegmentWritesAgree() {
        Random random = TestSeed.random("VarintTest.arrayAndSegmentWritesAgree");
        for (int i = 0; i < 20_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            byte[] viaSegment = new byte[Varint.MAX_SIZE + 4];
            byte[] viaArray = new byte[Varint.MAX_SIZE + 4];
            int at = random.nextInt(4);
            assertEquals(Varint.put(MemorySegment.ofArray(viaSegment), at, v), Varint.put(viaArray, at, v), "size of " + v);
            assertEquals(HEX.formatHex(viaSegment), HEX.formatHex(viaArray), "bytes of " + v);
        }
    }
}
