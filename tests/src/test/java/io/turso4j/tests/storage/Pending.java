package io.turso4j.tests.storage;

import io.turso4j.storage.IoPending;

import java.util.function.Supplier;

/** The blocking way to drive a resumable storage operation: park on what it waits for, then retry. */
final class Pending {
    private Pending() {}

    static <T> T await(Supplier<T> op) {
        while (true) {
            try {
                return op.get();
            } catch (IoPending p) {
                p.completion().awaitUninterruptibly();
            }
        }
    }

    static void run(Runnable op) {
        await(() -> {
            op.run();
            return null;
        });
    }
}
