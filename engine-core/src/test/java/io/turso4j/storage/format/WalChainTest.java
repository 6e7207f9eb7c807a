package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalChainTest {

    @Test
    void checksumFollowsTheFormula() {
        // Two words per step: s0 += x0 + s1; s1 += x1 + s0.
        MemorySegment data = MemorySegment.ofArray(new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4});
        long big = WalChecksum.update(0, data, 0, 16, true);
        // step 1: s0 = 1, s1 = 2 + 1 = 3; step 2: s0 = 1 + 3 + 3 = 7, s1 = 3 + 4 + 7 = 14.
        assertEquals(7, WalChecksum.s0(big));
        assertEquals(14, WalChecksum.s1(big));
        long little = WalChecksum.update(0, data, 0, 16, false);
        // Little-endian words are 1<<24, 2<<24, 3<<24, 4<<24.
        assertEquals(7 << 24, WalChecksum.s0(little));
        assertEquals(14 << 24, WalChecksum.s1(little));
        long wrapped = WalChecksum.update(WalChecksum.pack(-1, -1), data, 0, 8, true);
        assertEquals(-1 + 1 + -1, WalChecksum.s0(wrapped));
    }

    @Test
    void headerRoundTripsAndChecksOwnChecksum() {
        for (boolean big : new boolean[] {true, false}) {
            WalHeader h = WalHeader.create(big, 65536, 7, 0x12345678, 0x9abcdef0);
            byte[] bytes = h.toByteArray();
            assertEquals(65536, BigEndian.i32(MemorySegment.ofArray(bytes), WalHeader.PAGE_SIZE_OFFSET));
            WalHeader back = WalHeader.decode(bytes);
            assertEquals(h, back);
            assertTrue(back.checksumValid());
            bytes[13] ^= 1;
            assertFalse(WalHeader.decode(bytes).checksumValid());
        }
    }

    @Test
    void headerDecodeRejectsWhatIsNotAWal() {
        byte[] good = WalHeader.create(false, 4096, 0, 1, 2).toByteArray();
        byte[] b = good.clone();
        b[3] = (byte) 0x84;
        assertThrows(CorruptDatabaseException.class, () -> WalHeader.decode(b));
        byte[] v = good.clone();
        v[7] ^= 1;
        assertThrows(CorruptDatabaseException.class, () -> WalHeader.decode(v));
        byte[] p = good.clone();
        p[10] = 0x11;
        assertThrows(CorruptDatabaseException.class, () -> WalHeader.decode(p));
        assertThrows(CorruptDatabaseException.class, () -> WalHeader.decode(new byte[31]));
    }

    @Test
    void framesAppendedVerifyAndTamperingBreaksTheRestOfTheChain() {
        Random random = TestSeed.random("WalChainTest.framesAppendedVerify");
        for (boolean big : new boolean[] {true, false}) {
            int pageSize = 512 << random.nextInt(4);
            WalHeader header = WalHeader.create(big, pageSize, random.nextInt(), random.nextInt(), random.nextInt());
            int frames = 2 + random.nextInt(20);
            MemorySegment wal = MemorySegment.ofArray(new byte[(int) header.frameOffset(frames + 1)]);
            header.encode(wal);
            WalFrameChain writer = new WalFrameChain(header);
            int lastCommit = 0;
            for (int f = 1; f <= frames; f++) {
                long at = header.frameOffset(f);
                MemorySegment page = wal.asSlice(at + WalFrameHeader.SIZE, pageSize);
                for (long i = 0; i < pageSize; i++) {
                    page.set(ValueLayout.JAVA_BYTE, i, (byte) random.nextInt());
                }
                boolean commit = f < frames && random.nextInt(3) == 0;
                lastCommit = commit ? f : lastCommit;
                writer.append(1 + random.nextInt(100), commit ? f : 0, page).encode(wal, at);
            }
            WalFrameChain reader = verifyAll(WalHeader.decode(wal), wal, frames);
            assertEquals(frames, reader.frames());
            assertEquals(lastCommit, reader.lastCommitFrame());
            assertEquals(lastCommit, reader.lastCommitDatabaseSize());
            assertEquals(writer.checksum(), reader.checksum());

            int broken = 1 + random.nextInt(frames);
            long at = header.frameOffset(broken) + WalFrameHeader.SIZE + random.nextInt(pageSize);
            wal.set(ValueLayout.JAVA_BYTE, at, (byte) (wal.get(ValueLayout.JAVA_BYTE, at) ^ 0x10));
            assertEquals(broken - 1, verifyAll(header, wal, frames).frames());
        }
    }

    @Test
    void framesWithOtherSaltsAreNotPartOfTheLog() {
        WalHeader header = WalHeader.create(false, 512, 0, 10, 20);
        MemorySegment page = MemorySegment.ofArray(new byte[512]);
        WalFrameHeader frame = new WalFrameChain(header).append(3, 1, page);
        MemorySegment fh = MemorySegment.ofArray(new byte[WalFrameHeader.SIZE]);
        frame.encode(fh, 0);
        assertTrue(new WalFrameChain(header).verify(fh, 0, page));
        WalHeader restarted = WalHeader.create(false, 512, 1, 11, 20);
        assertFalse(new WalFrameChain(restarted).verify(fh, 0, page));
    }

    /** Verifies frames in order until the first invalid one, as recovery does. */
    static WalFrameChain verifyAll(WalHeader header, MemorySegment wal, long frames) {
        WalFrameChain chain = new WalFrameChain(header);
        for (long f = 1; f <= frames; f++) {
            long at = header.frameOffset(f);
            if (!chain.verify(wal, at, wal.asSlice(at + WalFrameHeader.SIZE, header.pageSize()))) {
                break;
            }
        }
        return chain;
    }
}
