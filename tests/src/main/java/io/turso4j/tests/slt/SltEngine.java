package io.turso4j.tests.slt;

/**
 * The runner's seam to a database engine: each test file gets a fresh, empty database from
 * {@link #openDatabase()} and closes it at the end of the file. Implementations: the oracle
 * {@link SqliteJdbcEngine}; turso4j's adapter joins once the engine exists.
 *
 * <p>{@code openDatabase} may be called from any thread; each database it returns is used by one
 * thread at a time (the one running that file), except {@link SltDatabase#interrupt()}.
 */
public interface SltEngine {

    /** Short name for reports, e.g. "sqlite". */
    String name();

    /**
     * Opens a fresh, empty database, set up as the reference harness does (its equivalent of
     * {@code PRAGMA synchronous=OFF}). Nothing may carry over from a previous database.
     */
    SltDatabase openDatabase() throws SltEngineException;
}
