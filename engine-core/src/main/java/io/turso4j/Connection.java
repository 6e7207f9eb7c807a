package io.turso4j;

import java.util.concurrent.CompletableFuture;

/**
 * A session on a {@link Database}: prepares statements and holds the transaction state.
 * Not thread-safe: one thread (typically a virtual thread) at a time.
 *
 * <p>SKELETON: the signatures are the API seam; the bodies come with the VM.
 */
public final class Connection implements AutoCloseable {
    private Connection() {}

    /**
     * Compiles the first statement in {@code sql}; {@link Statement#tail()} is the rest of the
     * text. Returns null if {@code sql} holds only whitespace and comments.
     *
     * @throws io.turso4j.error.SqliteException on a syntax or resolution error
     */
    public Statement prepare(String sql) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs every statement in {@code sql} to completion, blocking (awaiting I/O) as needed. */
    public void execute(String sql) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs every statement in {@code sql} without occupying a thread while I/O is in flight. */
    public CompletableFuture<Void> executeAsync(String sql) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Rows changed by the most recent INSERT, UPDATE or DELETE ({@code changes()}). */
    public long changes() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Rows changed since the connection opened ({@code total_changes()}). */
    public long totalChanges() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The rowid of the most recent successful INSERT ({@code last_insert_rowid()}). */
    public long lastInsertRowid() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether no explicit transaction is open. */
    public boolean isAutocommit() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Rolls back an open transaction and releases the connection. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
