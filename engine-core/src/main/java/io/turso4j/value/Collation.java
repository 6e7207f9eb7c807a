package io.turso4j.value;

/**
 * A collating sequence: how two TEXT values (UTF-8 bytes) order
 * (<a href="https://www.sqlite.org/datatype3.html#collation">§7</a>). The built-in ones are
 * {@link BuiltinCollation#BINARY}, {@link BuiltinCollation#NOCASE} and
 * {@link BuiltinCollation#RTRIM}.
 *
 * <p>Implementations must be stateless or thread-safe: one instance serves every statement.
 */
public interface Collation {

    /** The name SQL uses for it ({@code COLLATE name}), upper case for the built-ins. */
    String name();

    /** Negative, zero or positive as {@code a[aOff..aOff+aLen)} sorts before, with or after b. */
    int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen);

    /** The built-in collation with this name, case-insensitively; {@code null} if none. */
    static Collation builtin(String name) {
        for (BuiltinCollation c : BuiltinCollation.values()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
