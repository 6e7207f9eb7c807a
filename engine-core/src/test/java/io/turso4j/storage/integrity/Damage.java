package io.turso4j.storage.integrity;

import io.turso4j.storage.format.PointerMap;
import io.turso4j.storage.pager.ArrayPager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The corpus of deliberate corruptions: each names a kind of damage and applies it to a copy
 * of a database made by {@link Shapes#mixed}, finding its target by walking the structures
 * (never by a hard-coded page number). A corruption returns null where the database lacks what
 * it damages (no freelist, no pointer map).
 */
final class Damage {
    private final DbImage db;
    private final Map<String, Long> roots = new LinkedHashMap<>();

    private Damage(byte[] image) {
        this.db = new DbImage(image);
        ArrayPager pager = ArrayPager.of(image);
        pager.beginRead();
        for (SchemaRoots.Entry e : new SchemaRoots(pager).read()) {
            roots.put(e.name(), e.rootPage());
        }
        pager.endRead();
    }

    /** Every corruption by name. */
    static Map<String, Function<byte[], byte[]>> corpus() {
        Map<String, Function<byte[], byte[]>> c = new LinkedHashMap<>();
        c.put("duplicate child pointer", i -> new Damage(i).duplicateChild());
        c.put("children swapped, rowids out of order", i -> new Damage(i).swapChildren());
        c.put("cells swapped on a leaf, rowids out of order", i -> new Damage(i).swapCells());
        c.put("overlapping cells", i -> new Damage(i).overlappingCells());
        c.put("cell offset out of range", i -> new Damage(i).cellOffset(3));
        c.put("cell at the page end extends off it", i -> new Damage(i).cellAtEnd());
        c.put("bad page type", i -> new Damage(i).leafByte(0, 7));
        c.put("fragmentation miscounted", i -> new Damage(i).fragmentation());
        c.put("freeblock before the content area", i -> new Damage(i).leafFreeblock(1));
        c.put("child pointer out of range", i -> new Damage(i).child(0, 99999));
        c.put("child pointer 0", i -> new Damage(i).child(0, 0));
        c.put("child pointer 0xFFFFFFF0", i -> new Damage(i).child(1, 0xFFFFFFF0L));
        c.put("child pointer to a ptrmap page or page 1", i -> new Damage(i).child(0, 2));
        c.put("child is an interior page, depth differs", i -> new Damage(i).childIsInterior());
        c.put("truncated overflow chain", i -> new Damage(i).overflowNext(0, 0));
        c.put("cycle in an overflow chain", i -> new Damage(i).overflowCycle());
        c.put("overflow chain runs into a tree", i -> new Damage(i).overflowIntoTree());
        c.put("payload size grown", i -> new Damage(i).payloadGrown());
        c.put("freelist count one too high", i -> new Damage(i).freelistCount(+1));
        c.put("freelist count one too low", i -> new Damage(i).freelistCount(-1));
        c.put("cycle in the freelist", i -> new Damage(i).freelistCycle());
        c.put("page dropped from the freelist", i -> new Damage(i).freelistDropLeaf());
        c.put("freelist leaf count too big", i -> new Damage(i).freelistLeafCount(0xFFFF));
        c.put("freelist leaf is a tree page", i -> new Damage(i).freelistLeafIsTree());
        c.put("max root page disagrees with the header", i -> new Damage(i).header(52, 99, true));
        c.put("incremental vacuum without auto-vacuum", i -> new Damage(i).header(64, 1, false));
        c.put("wrong pointer-map parent", i -> new Damage(i).ptrmapEntry(PtrmapField.PARENT));
        c.put("pointer-map entry of a bad type", i -> new Damage(i).ptrmapEntry(PtrmapField.TYPE));
        c.put("pointer-map root entry wrong", i -> new Damage(i).ptrmapRoot());
        c.put("index page overlapping cells", i -> new Damage(i).indexOverlap());
        return c;
    }

    // ---- trees ------------------------------------------------------------------------------

    private int tableRoot() {
        return roots.get("t").intValue();
    }

    /** The leftmost leaf below {@code page}. */
    private int leftmostLeaf(int page) {
        while (!db.isLeaf(page)) {
            page = (int) db.child(page, 0);
        }
        return page;
    }

    private int rightmostLeaf(int page) {
        while (!db.isLeaf(page)) {
            page = (int) db.rightChild(page);
        }
        return page;
    }

    /** An interior page of t whose children are leaves. */
    private int lowestInterior() {
        int page = tableRoot();
        while (!db.isLeaf((int) db.child(page, 0))) {
            page = (int) db.child(page, 0);
        }
        return page;
    }

    private byte[] duplicateChild() {
        int p = lowestInterior();
        return db.put32(p, db.cellOffset(p, 1), db.child(p, 0)).bytes;
    }

    private byte[] swapChildren() {
        int p = lowestInterior();
        long a = db.child(p, 0);
        long b = db.child(p, 1);
        db.put32(p, db.cellOffset(p, 0), b);
        return db.put32(p, db.cellOffset(p, 1), a).bytes;
    }

    private byte[] swapCells() {
        int leaf = leftmostLeaf(tableRoot());
        int a = db.cellOffset(leaf, 0);
        db.put16(leaf, db.cellPointerAt(leaf, 0), db.cellOffset(leaf, 1));
        return db.put16(leaf, db.cellPointerAt(leaf, 1), a).bytes;
    }

    private byte[] overlappingCells() {
        int leaf = leftmostLeaf(tableRoot());
        return db.put16(leaf, db.cellPointerAt(leaf, 1), db.cellOffset(leaf, 0)).bytes;
    }

    private byte[] cellOffset(int offset) {
        int leaf = leftmostLeaf(tableRoot());
        return db.put16(leaf, db.cellPointerAt(leaf, 2), offset).bytes;
    }

    private byte[] cellAtEnd() {
        int leaf = leftmostLeaf(tableRoot());
        db.put8(leaf, db.usableSize() - 4, 0x81).put8(leaf, db.usableSize() - 3, 0x01);
        return db.put16(leaf, db.cellPointerAt(leaf, 0), db.usableSize() - 4).bytes;
    }

    private byte[] leafByte(int offset, int value) {
        return db.put8(leftmostLeaf(tableRoot()), offset, value).bytes;
    }

    private byte[] fragmentation() {
        int leaf = leftmostLeaf(tableRoot());
        return db.put8(leaf, 7, db.u8(leaf, 7) + 3).bytes;
    }

    private byte[] leafFreeblock(int offset) {
        return db.put16(leftmostLeaf(tableRoot()), 1, offset).bytes;
    }

    private byte[] child(int cell, long page) {
        int p = lowestInterior();
        return db.put32(p, db.cellOffset(p, cell), page).bytes;
    }

    private byte[] childIsInterior() {
        int p = lowestInterior();
        int index = roots.get("t_b").intValue();
        if (db.isLeaf(index)) {
            return null;
        }
        return db.put32(p, db.cellOffset(p, 1), index).bytes;
    }

    // ---- overflow chains --------------------------------------------------------------------

    /** The page holding the big row (rowid 100000) and the offset of its overflow pointer. */
    private int[] bigCell() {
        int leaf = rightmostLeaf(tableRoot());
        int cells = db.cellCount(leaf);
        for (int i = 0; i < cells; i++) {
            int[] len = new int[1];
            int pc = db.cellOffset(leaf, i);
            db.varint(leaf, pc, len);
            if (db.varint(leaf, pc + len[0], new int[1]) == 100000) {
                return new int[] {leaf, db.overflowPointerOffset(leaf, i), i};
            }
        }
        throw new AssertionError("no big row on page " + leaf);
    }

    /** Overflow page {@code n} (0-based) of the big row's chain. */
    private int overflowPage(int n) {
        int[] big = bigCell();
        int page = (int) db.u32(big[0], big[1]);
        for (int i = 0; i < n; i++) {
            page = (int) db.u32(page, 0);
        }
        return page;
    }

    private byte[] overflowNext(int n, long next) {
        return db.put32(overflowPage(n), 0, next).bytes;
    }

    private byte[] overflowCycle() {
        return overflowNext(1, overflowPage(0));
    }

    private byte[] overflowIntoTree() {
        return overflowNext(0, lowestInterior());
    }

    private byte[] payloadGrown() {
        int[] big = bigCell();
        int pc = db.cellOffset(big[0], big[2]);
        int[] len = new int[1];
        long payload = db.varint(big[0], pc, len);
        if (len[0] != 2 || payload + db.usableSize() * 2L >= 1 << 14) {
            return null;
        }
        long grown = payload + db.usableSize() * 2L;
        db.put8(big[0], pc, 0x80 | (int) (grown >>> 7));
        return db.put8(big[0], pc + 1, (int) (grown & 0x7f)).bytes;
    }

    // ---- freelist ---------------------------------------------------------------------------

    private int trunk() {
        return (int) db.u32(1, 32);
    }

    private byte[] freelistCount(int delta) {
        if (trunk() == 0) {
            return null;
        }
        return db.put32(1, 36, db.u32(1, 36) + delta).bytes;
    }

    private byte[] freelistCycle() {
        if (trunk() == 0) {
            return null;
        }
        int last = trunk();
        while (db.u32(last, 0) != 0) {
            last = (int) db.u32(last, 0);
        }
        return db.put32(last, 0, trunk()).bytes;
    }

    private byte[] freelistDropLeaf() {
        if (trunk() == 0 || db.u32(trunk(), 4) == 0) {
            return null;
        }
        db.put32(trunk(), 4, db.u32(trunk(), 4) - 1);
        return db.put32(1, 36, db.u32(1, 36) - 1).bytes;
    }

    private byte[] freelistLeafCount(long count) {
        if (trunk() == 0) {
            return null;
        }
        return db.put32(trunk(), 4, count).bytes;
    }

    private byte[] freelistLeafIsTree() {
        if (trunk() == 0 || db.u32(trunk(), 4) == 0) {
            return null;
        }
        return db.put32(trunk(), 8, leftmostLeaf(tableRoot())).bytes;
    }

    // ---- header and pointer map -------------------------------------------------------------

    private byte[] header(int offset, long value, boolean needsAutoVacuum) {
        if ((db.u32(1, 52) != 0) != needsAutoVacuum) {
            return null;
        }
        return db.put32(1, offset, value).bytes;
    }

    private enum PtrmapField { TYPE, PARENT }

    private byte[] ptrmapEntry(PtrmapField field) {
        if (db.u32(1, 52) == 0) {
            return null;
        }
        int leaf = leftmostLeaf(tableRoot());
        int map = mapPage(leaf);
        int offset = PointerMap.entryOffset(leaf, map);
        if (field == PtrmapField.TYPE) {
            return db.put8(map, offset, 9).bytes;
        }
        return db.put32(map, offset + 1, db.u32(map, offset + 1) + 1).bytes;
    }

    private byte[] ptrmapRoot() {
        if (db.u32(1, 52) == 0) {
            return null;
        }
        int map = mapPage(tableRoot());
        int offset = PointerMap.entryOffset(tableRoot(), map);
        return db.put8(map, offset, 5).put32(map, offset + 1, 1).bytes;
    }

    private int mapPage(int page) {
        return (int) PointerMap.pageFor(page, db.pageSize, db.usableSize());
    }

    private byte[] indexOverlap() {
        int leaf = leftmostLeaf(roots.get("t_c").intValue());
        return db.put16(leaf, db.cellPointerAt(leaf, 2), db.cellOffset(leaf, 1) + 1).bytes;
    }
}
