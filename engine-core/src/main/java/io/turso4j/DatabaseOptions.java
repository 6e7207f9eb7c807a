package io.turso4j;

/**
 * How to open a {@link Database}.
 *
 * @param io the I/O backend by name ({@code "uring"}, {@code "nio"}, {@code "memory"},
 *     {@code "simulated"}), or null for the platform's default
 * @param readOnly open without write access
 * @param busyTimeoutMillis the busy timeout each new connection starts with (see
 *     {@link Connection#setBusyTimeout}); 0 fails with SQLITE_BUSY at once, as SQLite's default
 */
public record DatabaseOptions(String io, boolean readOnly, int busyTimeoutMillis) {

    public DatabaseOptions {
        if (busyTimeoutMillis < 0) {
            throw new IllegalArgumentException("busyTimeoutMillis must not be negative: " + busyTimeoutMillis);
        }
    }

    public DatabaseOptions(String io, boolean readOnly) {
        this(io, readOnly, 0);
    }

    public static DatabaseOptions defaults() {
        return new DatabaseOptions(null, false, 0);
    }

    public DatabaseOptions withIo(String name) {
        return new DatabaseOptions(name, readOnly, busyTimeoutMillis);
    }

    public DatabaseOptions withBusyTimeout(int millis) {
        return new DatabaseOptions(io, readOnly, millis);
    }
}
