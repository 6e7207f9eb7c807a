package io.turso4j;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Compiles a statement nested too deeply for the calling thread's stack (a chain of hundreds of
 * views or CTEs, each read by the next: the code generator recurses once per level) on a
 * platform thread with a large stack, so that what SQLite compiles compiles here too. A
 * thread's default stack (1 MB, and a virtual thread's carrier's) holds a few hundred levels;
 * SQLite's C stack holds about ten thousand. Compiling is CPU work on immutable inputs, so the
 * caller only waits for it (a virtual thread unmounts while it does). Past even that stack the
 * statement fails with an error instead of a {@link StackOverflowError}.
 */
final class DeepCompile {
    /** Reserved, not committed: the pages a compile does not touch cost nothing. */
    private static final long STACK_BYTES = 512L << 20;

    private DeepCompile() {}

    /** Runs {@code compile} on a thread with a large stack and returns what it returns or throws. */
    static <T> T run(Supplier<T> compile) {
        return run(compile, STACK_BYTES);
    }

    static <T> T run(Supplier<T> compile, long stackBytes) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("turso4j-deep-compile").daemon().stackSize(stackBytes)
                .start(() -> {
                    try {
                        result.set(compile.get());
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                });
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the compile finishes soon; the caller sees the flag again
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return switch (failure.get()) {
            case null -> result.get();
            case StackOverflowError tooDeep ->
                throw new SqliteException(ResultCode.ERROR, "statement too complex: nested too deeply to compile");
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable t -> throw new IllegalStateException(t);
        };
    }
}
