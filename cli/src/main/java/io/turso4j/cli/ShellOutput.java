package io.turso4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shell's stdout as bytes: values are written as the raw bytes sqlite3 would write (a blob
 * need not be UTF-8), strings as UTF-8. Buffered; {@link #flush()} before anything is written to
 * stderr or a prompt is shown, so the two streams interleave as they happened. {@code .output}
 * and {@code .once} send it to a file for a while ({@link #redirect}); {@link #restore} closes
 * that file and returns to stdout. Owned by the shell's one thread.
 */
final class ShellOutput {
    private final OutputStream stdout;
    private OutputStream out;
    private String name = "stdout";

    ShellOutput(OutputStream out) {
        this.stdout = out;
        this.out = out;
    }

    /** From now on writes go to {@code target}, the file {@code .show} calls {@code name} (closing any earlier redirection's file first). */
    void redirect(OutputStream target, String name) {
        restore();
        out = target;
        this.name = name;
    }

    /** Where output goes, as {@code .show} names it. */
    String name() {
        return name;
    }

    /** Back to stdout; the redirection's file, if any, is flushed and closed. */
    void restore() {
        if (out == stdout) {
            return;
        }
        OutputStream file = out;
        out = stdout;
        name = "stdout";
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code count} copies of {@code c} (an ASCII character). */
    void repeat(char c, int count) {
        if (count > 0) {
            write(String.valueOf(c).repeat(count));
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
