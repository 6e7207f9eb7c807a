package io.turso4j.storage.integrity;

import java.util.Arrays;

/**
 * Checks that the bytes of a B-tree page's content area are accounted for exactly once, as
 * the end of SQLite's {@code checkTreePage} does: every cell and every freeblock is a byte
 * range; sorted by start, no range may overlap the one before ("Multiple uses for byte X of
 * page N"), and the gaps between them must add up to the fragmented-bytes count of the page
 * header. The page header, the cell pointer array and the gap before the content area count
 * as one range ending just before the content offset.
 *
 * <p>SQLite keeps the ranges in a min-heap of {@code start << 16 | end}; sorting the same
 * values gives the same order, so the first overlap reported is sqlite3's. Run only when every
 * cell pointer was in bounds and the freeblock list passed the page checks. Stateless.
 */
final class CoverageCheck {
    private CoverageCheck() {}

    static void check(CheckContext ctx, CheckedPage page, long pageNumber, CellInfo scratch) {
        int cells = page.cellCount();
        long[] ranges = new long[cells + 16];
        int n = 0;
        for (int i = 0; i < cells; i++) {
            int pc = page.cellPointer(i);
            page.parseCell(pc, scratch);
            ranges = grow(ranges, n);
            ranges[n++] = range(pc, pc + scratch.size - 1);
        }
        for (int fb = page.firstFreeblock(); fb > 0; fb = page.u16(fb)) {
            ranges = grow(ranges, n);
            ranges[n++] = range(fb, fb + page.u16(fb + 2) - 1);
        }
        Arrays.sort(ranges, 0, n);
        int usable = ctx.usableSize;
        long nFrag = 0;
        long prev = page.contentOffset() - 1;
        int pulled = 0;
        while (pulled < n) {
            long x = ranges[pulled++];
            if ((prev & 0xffff) >= (x >>> 16)) {
                ctx.message("Multiple uses for byte " + (x >>> 16) + " of page " + pageNumber);
                break;
            }
            nFrag += (x >>> 16) - (prev & 0xffff) - 1;
            prev = x;
        }
        nFrag += usable - (prev & 0xffff) - 1;
        int reported = page.fragmentedBytes();
        if (pulled == n && nFrag != reported) {
            ctx.message("Fragmentation of " + (int) nFrag + " bytes reported as " + reported
                    + " on page " + pageNumber);
        }
    }

    /** SQLite's heap entry: start in the high half, end (inclusive) in the low 16 bits. */
    private static long range(int start, int end) {
        return ((long) start << 16 | (end & 0xffff)) & 0xFFFFFFFFL;
    }

    private static long[] grow(long[] ranges, int n) {
        return n < ranges.length ? ranges : Arrays.copyOf(ranges, ranges.length * 2);
    }
}
