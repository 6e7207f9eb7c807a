package io.turso4j.tests.slt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Keeps the {@code limit} slowest queries seen. Thread-safe: file threads add (an abandoned,
 * timed-out file may still be adding while the next file runs), the main thread reads at the end.
 */
final class SlowestQueries implements Consumer<QueryTiming> {

    private final int limit;
    private final ReentrantLock lock = new ReentrantLock();
    /** Min-heap on time: the head is the fastest of the kept ones, evicted first. */
    private final PriorityQueue<QueryTiming> kept = new PriorityQueue<>(Comparator.comparingLong(QueryTiming::nanos));

    SlowestQueries(int limit) {
        this.limit = limit;
    }

    @Override
    public void accept(QueryTiming timing) {
        if (limit == 0) {
            return;
        }
        lock.lock();
        try {
            if (kept.size() < limit) {
                kept.add(timing);
            } else if (timing.nanos() > kept.peek().nanos()) {
                kept.poll();
                kept.add(timing);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The kept queries, slowest first. */
    List<QueryTiming> slowestFirst() {
        lock.lock();
        try {
            List<QueryTiming> out = new ArrayList<>(kept);
            out.sort(Comparator.comparingLong(QueryTiming::nanos).reversed());
            return out;
        } finally {
            lock.unlock();
        }
    }
}
