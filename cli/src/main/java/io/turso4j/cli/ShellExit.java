package io.turso4j.cli;

import java.io.Serial;

/**
 * {@code .exit CODE}: ends the shell at once with that exit code, as sqlite3's {@code exit()}
 * does, unwinding any {@code .read} in progress. Caught only by {@link Shell}.
 */
final class ShellExit extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int code;

    ShellExit(int code) {
        super(null, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
