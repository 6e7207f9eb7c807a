package io.turso4j.storage.btree;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.LocalPayload;
import io.turso4j.storage.format.OverflowPage;
import io.turso4j.storage.format.PageType;
import io.turso4j.storage.format.PointerMap;

import java.lang.foreign.MemorySegment;

/**
 * Overflow chains of cell payloads (layout: {@link OverflowPage}): gathering a whole payload,
 * writing the spilled part of a new cell to freshly allocated pages, and freeing a chain when
 * its cell goes away. The first page's pointer-map entry (OVERFLOW1) names the B-tree page
 * holding the cell, which {@link Node#store} keeps right as cells move; later pages' entries
 * (OVERFLOW2) name their predecessor and are written here. Stateless.
 */
final class Overflow {
    private Overflow() {}

    /** The whole payload of a body of {@code payloadType} LEAF_TABLE or LEAF_INDEX. */
    static byte[] payload(PageEdit e, PageType payloadType, byte[] body, long pageNumber) {
        long size = CellBody.payloadSize(body);
        int usable = e.usableSize();
        int local = LocalPayload.localSize(payloadType, size, usable);
        int start = CellBody.payloadStart(payloadType.isTable(), body);
        if (size > Integer.MAX_VALUE - 16) {
            throw new CorruptDatabaseException(pageNumber, "payload of " + size + " bytes");
        }
        byte[] out = new byte[(int) size];
        System.arraycopy(body, start, out, 0, local);
        if (local == size) {
            return out;
        }
        long next = CellBody.overflowPage(payloadType, body, usable);
        int filled = local;
        int per = OverflowPage.contentSize(usable);
        long from = pageNumber;
        long pages = 0;
        while (filled < size) {
            if (next < 2 || next > e.pageCount() || ++pages > e.pageCount()) {
                throw new CorruptDatabaseException(from, "overflow page number " + next + " out of range");
            }
            MemorySegment p = e.read((int) next);
            int n = (int) Math.min(per, size - filled);
            MemorySegment.copy(p, OverflowPage.CONTENT_OFFSET, MemorySegment.ofArray(out), filled, n);
            filled += n;
            from = next;
            next = OverflowPage.nextPage(p);
        }
        return out;
    }

    /**
     * A body of {@code payloadType} for {@code payload}, writing the part that does not stay
     * local to new overflow pages.
     */
    static byte[] body(PageEdit e, PageType payloadType, long rowid, byte[] payload) {
        int usable = e.usableSize();
        int local = LocalPayload.localSize(payloadType, payload.length, usable);
        long first = 0;
        if (local < payload.length) {
            int per = OverflowPage.contentSize(usable);
            int count = (payload.length - local + per - 1) / per;
            int[] pages = new int[count];
            for (int i = 0; i < count; i++) {
                pages[i] = FreeList.allocate(e);
            }
            MemorySegment src = MemorySegment.ofArray(payload);
            int from = local;
            for (int i = 0; i < count; i++) {
                int n = Math.min(per, payload.length - from);
                MemorySegment w = e.write(pages[i]);
                OverflowPage.write(w, i + 1 < count ? pages[i + 1] : 0, src, from, n);
                from += n;
                if (i > 0) {
                    PointerMaps.put(e, pages[i], PointerMap.OVERFLOW2, pages[i - 1]);
                }
            }
            first = pages[0];
        }
        return CellBody.withPayload(payloadType, rowid, payload, first, usable);
    }

    /** Frees the overflow chain of a body of {@code payloadType}, if it has one. */
    static void free(PageEdit e, PageType payloadType, byte[] body) {
        int usable = e.usableSize();
        long size = CellBody.payloadSize(body);
        long next = CellBody.overflowPage(payloadType, body, usable);
        if (next == 0) {
            return;
        }
        long remaining = size - LocalPayload.localSize(payloadType, size, usable);
        int per = OverflowPage.contentSize(usable);
        while (remaining > 0) {
            if (next < 2 || next > e.pageCount()) {
                throw new CorruptDatabaseException(next, "overflow page number out of range");
            }
            long after = BigEndian.u32(e.read((int) next), OverflowPage.NEXT_PAGE_OFFSET);
            FreeList.free(e, (int) next);
            remaining -= per;
            next = after;
        }
    }
}
