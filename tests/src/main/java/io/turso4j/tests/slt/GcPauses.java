package io.turso4j.tests.slt;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The time the JVM's collectors have spent collecting so far, read before and after a query to
 * tell how much of its wall-clock time was a collection rather than the engine: on G1, the
 * default here, every collector bean counts stop-the-world pauses. Millisecond resolution, as
 * the beans keep it. Stateless; any thread.
 */
final class GcPauses {
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

    private GcPauses() {}

    /** Collection time so far, in nanoseconds (whole milliseconds). */
    static long totalNanos() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return millis * 1_000_000;
    }
}
