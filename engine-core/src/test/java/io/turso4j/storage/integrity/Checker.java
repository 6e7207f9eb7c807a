package io.turso4j.storage.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.IoPending;
import io.turso4j.storage.pager.ArrayPager;
import io.turso4j.value.IndexKeyComparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Runs {@link IntegrityCheck} on a database image, resuming through injected pendings. */
final class Checker {
    private Checker() {}

    static List<String> check(byte[] image, List<Long> roots, int maxErrors) {
        return check(image, roots, maxErrors, false, Map.of(), null);
    }

    /**
     * @param pendingRandom when not null, a share of first page reads report pending and the
     *     check is called again until done
     */
    static List<String> check(byte[] image, List<Long> roots, int maxErrors, boolean partial,
            Map<Long, IndexKeyComparator> orders, Random pendingRandom) {
        ArrayPager array = ArrayPager.of(image);
        PendingPager pager = new PendingPager(array, pendingRandom == null ? new Random(0) : pendingRandom,
                pendingRandom == null ? 0 : 0.4);
        pager.beginRead();
        try {
            IntegrityCheck check = new IntegrityCheck(pager, roots, maxErrors, partial, orders);
            int calls = 0;
            while (true) {
                calls++;
                try {
                    List<String> messages = check.run();
                    assertEquals(pager.pendings + 1, calls, "one call per pending, plus the last");
                    return messages;
                } catch (IoPending pending) {
                    if (calls > array.pageCount() + 1) {
                        throw new AssertionError("more pendings than pages: the check does not resume");
                    }
                }
            }
        } finally {
            pager.endRead();
            assertEquals(Map.of(), array.heldPins(), "pins leaked");
        }
    }

    /** The roots sqlite_schema names, read by {@link SchemaRoots}. */
    static List<Long> schemaRoots(byte[] image) {
        return SchemaRoots.roots(schemaRootEntries(image));
    }

    static List<SchemaRoots.Entry> schemaRootEntries(byte[] image) {
        ArrayPager pager = ArrayPager.of(image);
        pager.beginRead();
        try {
            return new SchemaRoots(pager).read();
        } finally {
            pager.endRead();
        }
    }
}
