package io.turso4j.storage.pager;

import io.turso4j.storage.format.DatabaseHeader;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Random;

/**
 * Synthetic page images for pager tests that do not need B-trees: page 1 starts with a valid
 * database header (so the file reopens), every other byte comes from a seeded generator.
 * Comparisons skip the header fields the pager itself stamps at commit.
 */
final class PageImages {
    private PageImages() {}

    static byte[] random(Random r, int number, int pageSize) {
        byte[] image = new byte[pageSize];
        r.nextBytes(image);
        if (number == 1) {
            byte[] header = DatabaseHeader.forNewDatabase(pageSize, 0, 3040001).toByteArray();
            System.arraycopy(header, 0, image, 0, header.length);
        }
        return image;
    }

    static void put(Page page, byte[] image) {
        MemorySegment.copy(image, 0, page.buffer().segment(), ValueLayout.JAVA_BYTE, 0, image.length);
    }

    static byte[] read(Page page) {
        byte[] out = new byte[page.buffer().size()];
        MemorySegment.copy(page.buffer().segment(), ValueLayout.JAVA_BYTE, 0, out, 0, out.length);
        return out;
    }

    /** Whether a page read back equals what was written, ignoring page 1's stamped header. */
    static boolean same(int number, byte[] expected, byte[] actual) {
        if (number != 1) {
            return Arrays.equals(expected, actual);
        }
        int from = DatabaseHeader.SIZE;
        return Arrays.equals(expected, from, expected.length, actual, from, actual.length)
                && Arrays.equals(expected, 0, DatabaseHeader.WRITE_VERSION_OFFSET, actual, 0,
                        DatabaseHeader.WRITE_VERSION_OFFSET);
    }
}
