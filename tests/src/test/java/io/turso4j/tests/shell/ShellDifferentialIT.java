package io.turso4j.tests.shell;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * End to end against SQLite: every script of {@code src/test/resources/shell/*.sql} runs through
 * {@code /usr/bin/sqlite3} and through {@code ./tursodb} (the launcher at the repository root,
 * so the real engine on the real I/O backend), each on a fresh database file and fed on stdin.
 * Stdout must be byte-identical, exit codes equal, and the error lines ({@code Parse error near
 * line N: …}) the same. sqlite3's output is produced at run time, never stored.
 *
 * <p>Not part of the default run (surefire runs {@code *Test} classes): it starts a JVM per
 * script through the launcher. The cli module's {@code TursodbMatchesSqlite3Test} runs the same
 * corpus in-process on the real engine in every build. Run this one with
 * <pre>
 *   mvn -B -ntp -pl tests -am test -Dtest=ShellDifferentialIT -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * and add {@code -Dturso4j.shell.io=nio} (or {@code memory}) to use another backend than the
 * platform's default. The shell's own logic is checked in every run by the cli module's
 * {@code ShellMatchesSqlite3Test}, on the same scripts with SQLite behind the shell.
 */
class ShellDifferentialIT {
    /** {@code -Dturso4j.shell.corpus=NAME} runs another folder of scripts (e.g. of features not built yet). */
    static final Path CORPUS = Path.of("src", "test", "resources", System.getProperty("turso4j.shell.corpus", "shell"))
            .toAbsolutePath();
    static final Path TURSODB = Path.of("..", "tursodb").toAbsolutePath().normalize();
    static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    @TempDir
    Path temp;

    @BeforeAll
    static void needBothShells() {
        Assumptions.assumeTrue(Files.isExecutable(SQLITE3), "no sqlite3 at " + SQLITE3);
        Assumptions.assumeTrue(Files.isExecutable(TURSODB), "no launcher at " + TURSODB);
    }

    @TestFactory
    Stream<DynamicTest> tursodbPrintsWhatSqlite3Prints() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(CORPUS)) {
            scripts = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        String io = System.getProperty("turso4j.shell.io");
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            byte[] sql = Files.readAllBytes(script);
            String name = script.getFileName().toString();
            Run expected = run(sql, SQLITE3.toString(), temp.resolve(name + ".sqlite3.db").toString());
            List<String> tursodb = new ArrayList<>(List.of(TURSODB.toString()));
            if (io != null) {
                tursodb.addAll(List.of("--io", io));
            }
            tursodb.add(temp.resolve(name + ".tursodb.db").toString());
            Run actual = run(sql, tursodb.toArray(String[]::new));
            assertEquals(new String(expected.stdout, StandardCharsets.ISO_8859_1),
                    new String(actual.stdout, StandardCharsets.ISO_8859_1), () -> "stdout; tursodb's stderr:\n" + actual.stderr);
            assertEquals(errorLines(expected.stderr), errorLines(actual.stderr), "error lines on stderr");
            assertEquals(expected.exitCode, actual.exitCode, "exit code");
        }));
    }

    /** The lines of stderr that name an error and where it is, without the context lines. */
    static List<String> errorLines(String stderr) {
        return stderr.lines().filter(l -> l.matches("(Parse|Runtime) error near line \\d+: .*")).toList();
    }

    record Run(byte[] stdout, String stderr, int exitCode) {}

    /** Runs {@code command} in the corpus folder (so {@code .read} finds its files) with {@code stdin} as input. */
    static Run run(byte[] stdin, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(CORPUS.toFile()).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // The shell stopped reading early (a .quit or -bail): what it printed still counts.
        }
        int code = p.waitFor();
        return new Run(out.join(), new String(err.join(), StandardCharsets.UTF_8), code);
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
