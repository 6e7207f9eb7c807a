package io.turso4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The oracle: the {@code sqlite3} command (3.40 on these machines), run as a process. */
final class Sqlite3Command {
    static final Path PATH = Path.of("/usr/bin/sqlite3");

    private Sqlite3Command() {}

    static boolean available() {
        return Files.isExecutable(PATH);
    }

    /** Runs {@code sqlite3 ARGS} in {@code directory} with {@code stdin} as input. */
    static ShellRun run(Path directory, String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(PATH.toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(directory.toFile()).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // sqlite3 reads no stdin when given SQL arguments and may be gone already.
            }
            int code = p.waitFor();
            return new ShellRun(out.join(), new String(err.join(), StandardCharsets.UTF_8), code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
