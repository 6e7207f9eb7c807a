package io.turso4j.io;

import io.turso4j.completion.IoFailure;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * An I/O backend: opens {@link DbFile}s and supplies the clock and the randomness the engine
 * uses, so that a simulated run is reproducible from its seed.
 *
 * <p>Backends found through {@link IoProvider}: {@code uring} (Linux io_uring), {@code nio}
 * (AsynchronousFileChannel), {@code memory} (in-process, completes inline) and the
 * deterministic simulator used by tests.
 *
 * <p>Thread-safe.
 */
public interface IO extends AutoCloseable {

    /** Short name: "uring", "nio", "memory", "simulated". */
    String name();

    /**
     * Opens a file. Opening is synchronous, as SQLite's is: it is rare and touches only
     * metadata.
     *
     * @throws IoFailure if the file cannot be opened (missing with a mode that needs it,
     *     permissions, a closed backend)
     */
    DbFile open(String path, OpenMode mode);

    /** Whether a file exists at {@code path}. */
    boolean exists(String path);

    /** Deletes the file at {@code path} if there is one. */
    void delete(String path);

    /**
     * Drives backends that need driving (the simulator completes operations here); others
     * complete operations on their own threads and return 0 at once, as this default does.
     *
     * @return how many operations this call completed
     */
    default int poll() {
        return 0;
    }

    /**
     * Whether operations complete only inside {@link #poll()} (the simulator): a caller waiting
     * for one must then poll, where with other backends it may simply park until it completes.
     */
    default boolean completesOnlyByPolling() {
        return false;
    }

    /** Milliseconds since the epoch: the wall clock by default, the simulated one in tests. */
    default long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    /**
     * The randomness the engine may use (e.g. WAL salts); seeded in simulation. By default a
     * generator any thread may share, drawing from the calling thread's own
     * {@link ThreadLocalRandom}.
     */
    default RandomGenerator random() {
        return () -> ThreadLocalRandom.current().nextLong();
    }

    /** Stops the backend. Files still open fail their later operations. */
    @Override
    void close();
}
