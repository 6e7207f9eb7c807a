package io.turso4j.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8#looseCharCount}'s eight-bytes-at-a-time path against the plain walk it shortens. */
class Utf8Test {
    @Test
    void countsAsTheCharacterWalkDoesWhereverTheSpecialByteFalls() {
        byte[] special = {0, (byte) 0x80, (byte) 0xBF, (byte) 0xC3, (byte) 0xE2, (byte) 0xF0, (byte) 0xFF, 0x7F};
        for (int length = 0; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                for (byte b : special) {
                    byte[] z = new byte[length + 3];
                    java.util.Arrays.fill(z, (byte) 'a');
                    z[at + 1] = b;
                    assertEquals(walk(z, 1, length + 1), Utf8.looseCharCount(z, 1, length + 1),
                            "length " + length + ", byte " + b + " at " + at);
                }
            }
        }
    }

    @Test
    void countsRandomTextAsTheCharacterWalkDoes() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("Utf8Test seed=" + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int round = 0; round < 20_000; round++) {
            byte[] z = new byte[random.nextInt(64)];
            for (int i = 0; i < z.length; i++) {
                // Mostly ASCII, as text is; sometimes any byte at all.
                z[i] = (byte) (random.nextInt(10) == 0 ? random.nextInt(256) : 1 + random.nextInt(127));
            }
            int from = z.length == 0 ? 0 : random.nextInt(z.length);
            assertEquals(walk(z, from, z.length), Utf8.looseCharCount(z, from, z.length), "seed " + seed);
        }
    }

    private static int walk(byte[] z, int from, int end) {
        int n = 0;
        for (int i = from; i < end && z[i] != 0; i = Utf8.skipLoose(z, i, end)) {
            n++;
        }
        return n;
    }
}
