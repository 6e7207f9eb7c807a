package io.turso4j.cli;

/** Opens the database the shell works on; the engine in production, a double in tests. */
@FunctionalInterface
interface SessionOpener {

    /**
     * Opens {@code file} (":memory:" for a private in-memory database) on backend {@code io}, or
     * the platform's default when null.
     *
     * @throws RuntimeException with a message for the user when it cannot be opened
     */
    SqlSession open(String file, String io);
}
