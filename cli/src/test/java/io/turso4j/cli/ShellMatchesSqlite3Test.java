package io.turso4j.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shell's logic against the sqlite3 command: every script of the shell corpus
 * ({@code tests/src/test/resources/shell/*.sql}) runs through {@code /usr/bin/sqlite3} and
 * through this shell on SQLite itself ({@link SqliteJdbcSession}), each on a fresh database
 * file. Stdout must be byte-identical, the exit codes equal, and the error lines ("Parse error
 * near line N: …") the same. What differs can only be the shell's doing, not the engine's.
 * sqlite3's output is produced at run time, never stored.
 */
class ShellMatchesSqlite3Test {
    static final Path CORPUS = Path.of("..", "tests", "src", "test", "resources", "shell");
    /**
     * Scripts of functions the sqlite3 shell compiles in but SQLite's library (so the shell on
     * sqlite-jdbc) lacks; TursodbMatchesSqlite3Test still compares our engine with sqlite3 on them.
     */
    static final Set<String> SQLITE3_SHELL_EXTENSIONS = Set.of("generate-series.sql");
    /**
     * Scripts whose EXPLAIN QUERY PLAN output is sqlite3 3.40's and which SQLite 3.54 (the library
     * under the shell here) plans differently (a Bloom filter, another index for an IN subquery);
     * TursodbMatchesSqlite3Test still compares our engine with sqlite3 on them.
     */
    static final Set<String> PLANS_OF_SQLITE_3_40 = Set.of("in-subquery.sql");

    @TempDir
    Path temp;

    @BeforeAll
    static void needSqlite3() {
        Assumptions.assumeTrue(Sqlite3Command.available(), "no sqlite3 at " + Sqlite3Command.PATH);
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusScriptPrintsWhatSqlite3Prints() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(CORPUS)) {
            scripts = files.filter(f -> f.toString().endsWith(".sql"))
                    .filter(f -> !SQLITE3_SHELL_EXTENSIONS.contains(f.getFileName().toString()))
                    .filter(f -> !PLANS_OF_SQLITE_3_40.contains(f.getFileName().toString())).sorted().toList();
        }
        assertEquals(false, scripts.isEmpty(), "no scripts in " + CORPUS.toAbsolutePath());
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String sql = Files.readString(script, StandardCharsets.UTF_8);
            String name = script.getFileName().toString();
            ShellRun expected = Sqlite3Command.run(CORPUS, sql, temp.resolve(name + ".sqlite3.db").toString());
            ShellRun actual = ShellRun.of((file, io) -> new SqliteJdbcSession(file), CORPUS, sql,
                    temp.resolve(name + ".shell.db").toString());
            assertSameRun(expected, actual);
        }));
    }

    static void assertSameRun(ShellRun expected, ShellRun actual) {
        assertEquals(new String(expected.stdout(), StandardCharsets.ISO_8859_1),
                new String(actual.stdout(), StandardCharsets.ISO_8859_1), () -> "stdout; the shell's stderr:\n" + actual.stderr());
        assertEquals(errorLines(expected.stderr()), errorLines(actual.stderr()), "error lines on stderr");
        assertEquals(expected.exitCode(), actual.exitCode(), "exit code");
    }

    /** The lines of stderr that name an error and where it is, without the context lines. */
    static List<String> errorLines(String stderr) {
        return stderr.lines().filter(l -> l.matches("(Parse|Runtime) error near line \\d+: .*")).toList();
    }
}
