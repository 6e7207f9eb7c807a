package io.turso4j;

/**
 * How to open a {@link Database}.
 *
 * @param io the I/O backend by name ({@code "uring"}, {@code "nio"}, {@code "memory"},
 *     {@code "simulated"}), or null for the platform's default
 * @param readOnly open without write access
 */
public record DatabaseOptions(String io, boolean readOnly) {

    public static DatabaseOptions defaults() {
        return new DatabaseOptions(null, false);
    }

    public DatabaseOptions withIo(String name) {
        return new DatabaseOptions(name, readOnly);
    }
}
