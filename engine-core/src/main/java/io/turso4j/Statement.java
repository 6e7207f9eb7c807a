package io.turso4j;

import io.turso4j.completion.Completion;
import io.turso4j.value.ValueType;

import java.util.concurrent.CompletableFuture;

/**
 * One compiled SQL statement. Not thread-safe; belongs to its {@link Connection}.
 *
 * <p>Stepping: {@link #step()} never blocks and returns ROW, DONE, IO or BUSY; on IO, wait for
 * {@link #pendingIo()} your own way and call {@code step()} again. {@link #next()} is the
 * blocking convenience (awaits I/O; cheap on a virtual thread); {@link #stepAsync()} re-steps
 * from the completion's callback.
 *
 * <p>SKELETON: the signatures are the API seam; the bodies come with the VM.
 */
public final class Statement implements AutoCloseable {
    private Statement() {}

    /** Runs until the next row, the end, or I/O that is not yet done. Never blocks. */
    public StepResult step() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The I/O to wait for after {@link #step()} returned {@link StepResult#IO}. */
    public Completion pendingIo() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Steps, awaiting I/O as needed; true when a row is ready, false when done. */
    public boolean next() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Steps to the next ROW or DONE without occupying a thread while I/O is in flight. */
    public CompletableFuture<StepResult> stepAsync() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Rewinds the statement so it can run again; bindings stay. */
    public void reset() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The SQL text after this statement (what {@link Connection#prepare} did not compile). */
    public String tail() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The statement's own SQL text. */
    public String sql() {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- parameters (1-based, as SQLite) ---------------------------------------------------

    public int parameterCount() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The index of a named parameter ({@code :a}, {@code @a}, {@code $a}), or 0 if absent. */
    public int parameterIndex(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Binds null, Long/Integer/Short/Byte, Double/Float, String, byte[] or Boolean. */
    public Statement bind(int index, Object value) {
        throw new UnsupportedOperationException("not yet");
    }

    public Statement bindLong(int index, long value) {
        throw new UnsupportedOperationException("not yet");
    }

    public Statement bindDouble(int index, double value) {
        throw new UnsupportedOperationException("not yet");
    }

    public Statement clearBindings() {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- result columns (0-based, as SQLite) -----------------------------------------------

    public int columnCount() {
        throw new UnsupportedOperationException("not yet");
    }

    public String columnName(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public ValueType columnType(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isNull(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public long getLong(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public double getDouble(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public String getText(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public byte[] getBlob(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The column as Long, Double, String, byte[] or null. */
    public Object getObject(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
