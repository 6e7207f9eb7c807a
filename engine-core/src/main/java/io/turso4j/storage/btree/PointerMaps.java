package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.LockBytePage;
import io.turso4j.storage.format.PointerMap;

import java.lang.foreign.MemorySegment;

/**
 * Reads and writes pointer-map entries through a {@link PageEdit} (the byte layout is {@link
 * PointerMap}'s). Only meaningful in auto-vacuum databases; {@link #put} is a no-op elsewhere,
 * so callers maintain entries unconditionally. An entry is written only when it changes, so
 * rewriting a page's children does not dirty map pages needlessly. Stateless.
 */
final class PointerMaps {
    private PointerMaps() {}

    /** Whether {@code page} is a pointer-map page or the lock-byte page (never data). */
    static boolean isReserved(PageEdit e, long page) {
        return LockBytePage.is(page, e.pageSize())
                || (e.autoVacuum() && PointerMap.isPointerMapPage(page, e.pageSize(), e.usableSize()));
    }

    /** Sets page {@code page}'s entry, in an auto-vacuum database. */
    static void put(PageEdit e, long page, int type, long parent) {
        if (!e.autoVacuum()) {
            return;
        }
        int map = (int) PointerMap.pageFor(page, e.pageSize(), e.usableSize());
        if (map == 0 || map == page || map > e.pageCount()) {
            throw new CorruptDatabaseException(page, "no pointer-map entry for page " + page);
        }
        int offset = PointerMap.entryOffset(page, map);
        MemorySegment s = e.read(map);
        if (BigEndian.u8(s, offset + PointerMap.TYPE_OFFSET) == type && PointerMap.parent(s, offset) == parent) {
            return;
        }
        PointerMap.write(e.write(map), offset, type, parent);
    }

    /** Page {@code page}'s entry type. */
    static int type(PageEdit e, long page) {
        int map = (int) PointerMap.pageFor(page, e.pageSize(), e.usableSize());
        return PointerMap.type(e.read(map), map, PointerMap.entryOffset(page, map));
    }

    /** Page {@code page}'s entry parent. */
    static long parent(PageEdit e, long page) {
        int map = (int) PointerMap.pageFor(page, e.pageSize(), e.usableSize());
        return PointerMap.parent(e.read(map), PointerMap.entryOffset(page, map));
    }
}
