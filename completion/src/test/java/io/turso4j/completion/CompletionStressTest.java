package io.turso4j.completion;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many virtual threads racing on many completions: registering callbacks, completing (two
 * completers each), and awaiting, all released at once. Every callback must run exactly once
 * with the winner's result, every await must return, every group must finish once.
 * Seeded: -Dturso4j.seed replays the start order.
 */
class CompletionStressTest {
    private static final int N = 10_000;
    private static final long SEED = Long.getLong("turso4j.seed", System.nanoTime());

    @Test
    void callbacksAwaitsAndCompletersRaceOnVirtualThreads() throws Exception {
        System.out.println("CompletionStressTest seed " + SEED + " (replay with -Dturso4j.seed=" + SEED + ")");
        SplittableRandom rnd = new SplittableRandom(SEED);
        Completion[] cs = new Completion[N];
        for (int i = 0; i < N; i++) {
            cs[i] = new Completion();
        }
        AtomicIntegerArray callbackRuns = new AtomicIntegerArray(N * 2);
        AtomicLongArray seenByCallback = new AtomicLongArray(N);
        AtomicLongArray seenByAwait = new AtomicLongArray(N);
        AtomicIntegerArray wins = new AtomicIntegerArray(N);
        CountDownLatch go = new CountDownLatch(1);

        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            int id = i;
            Completion c = cs[i];
            tasks.add(() -> c.onComplete(x -> {
                callbackRuns.incrementAndGet(2 * id);
                seenByCallback.set(id, x.result());
            }));
            tasks.add(() -> c.onComplete(x -> callbackRuns.incrementAndGet(2 * id + 1)));
            tasks.add(() -> {
                if (c.complete(id * 2L)) {
                    wins.incrementAndGet(id);
                }
            });
            tasks.add(() -> {
                if (c.complete(id * 2L + 1)) {
                    wins.incrementAndGet(id);
                }
            });
            tasks.add(() -> {
                c.awaitUninterruptibly();
                seenByAwait.set(id, c.result());
            });
        }
        // Registrations, completions and awaits start in a seeded random order.
        shuffle(tasks, rnd);
        try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Runnable t : tasks) {
                vts.execute(() -> {
                    go.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    t.run();
                });
            }
        } // close() waits for every task: a lost wake-up would hang here
        for (int i = 0; i < N; i++) {
            assertEquals(1, wins.get(i), "completion " + i + " winners");
            long result = cs[i].result();
            assertTrue(result == 2L * i || result == 2L * i + 1);
            assertEquals(1, callbackRuns.get(2 * i), "first callback of " + i);
            assertEquals(1, callbackRuns.get(2 * i + 1), "second callback of " + i);
            assertEquals(result, seenByCallback.get(i), "callback of " + i + " saw the winner");
            assertEquals(result, seenByAwait.get(i), "await of " + i + " saw the winner");
        }
    }

    @Test
    void groupsFinishOnceWhileMembersCompleteOnVirtualThreads() throws Exception {
        System.out.println("CompletionStressTest groups seed " + SEED);
        SplittableRandom rnd = new SplittableRandom(SEED);
        int groups = 1000;
        int members = 10;
        CompletionGroup[] gs = new CompletionGroup[groups];
        AtomicIntegerArray finished = new AtomicIntegerArray(groups);
        List<Runnable> tasks = new ArrayList<>();
        boolean[] failing = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            int id = g;
            CompletionGroup group = new CompletionGroup();
            gs[g] = group;
            group.completion().onComplete(x -> finished.incrementAndGet(id));
            failing[g] = rnd.nextInt(4) == 0;
            int failAt = failing[g] ? rnd.nextInt(members) : -1;
            List<Completion> ms = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                ms.add(new Completion());
            }
            tasks.add(() -> {
                for (Completion c : ms) {
                    group.add(c);
                }
                group.seal();
            });
            for (int m = 0; m < members; m++) {
                Completion c = ms.get(m);
                boolean fail = m == failAt;
                tasks.add(() -> {
                    if (fail) {
                        c.fail(new IoFailure("injected", IoFailure.EIO));
                    } else {
                        c.complete(1);
                    }
                });
            }
        }
        try (ExecutorService vts = Executors.newVirtualThreadPerTaskExecutor()) {
            shuffle(tasks, rnd);
            tasks.forEach(vts::execute);
        }
        for (int g = 0; g < groups; g++) {
            gs[g].completion().await(Duration.ofSeconds(10));
            assertEquals(1, finished.get(g), "group " + g + " finished");
            if (failing[g]) {
                assertEquals(IoFailure.EIO, gs[g].completion().failure().errno());
            } else {
                assertEquals(members, gs[g].completion().result());
            }
        }
    }

    private static void shuffle(List<Runnable> tasks, SplittableRandom rnd) {
        for (int i = tasks.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Runnable t = tasks.get(i);
            tasks.set(i, tasks.get(j));
            tasks.set(j, t);
        }
    }
}
