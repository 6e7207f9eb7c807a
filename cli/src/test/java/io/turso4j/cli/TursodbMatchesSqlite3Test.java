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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine against SQLite, script by script: every script of the shell corpus
 * ({@code tests/src/test/resources/shell/*.sql}) runs through {@code /usr/bin/sqlite3} and
 * through this shell on turso4j itself ({@link EngineSession}, the platform's default I/O
 * backend), each on a fresh database file. Stdout must be byte-identical, the exit codes equal
 * and the error lines the same ({@link ShellMatchesSqlite3Test#assertSameRun}). sqlite3's output
 * is produced at run time, never stored. Scripts for features turso4j lacks belong in another
 * folder, run by hand (see README).
 *
 * <p>In-process, so it runs in every build; {@code ShellDifferentialIT} in the tests module runs
 * the same corpus through the {@code ./tursodb} launcher.
 */
class TursodbMatchesSqlite3Test {
    @TempDir
    Path temp;

    @BeforeAll
    static void needSqlite3() {
        Assumptions.assumeTrue(Sqlite3Command.available(), "no sqlite3 at " + Sqlite3Command.PATH);
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusScriptPrintsWhatSqlite3Prints() throws IOException {
        Path corpus = ShellMatchesSqlite3Test.CORPUS;
        List<Path> scripts;
        try (Stream<Path> files = Files.list(corpus)) {
            scripts = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        assertEquals(false, scripts.isEmpty(), "no scripts in " + corpus.toAbsolutePath());
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String sql = Files.readString(script, StandardCharsets.UTF_8);
            String name = script.getFileName().toString();
            ShellRun expected = Sqlite3Command.run(corpus, sql, temp.resolve(name + ".sqlite3.db").toString());
            ShellRun actual = ShellRun.of(EngineSession::open, corpus, sql, temp.resolve(name + ".turso4j.db").toString());
            ShellMatchesSqlite3Test.assertSameRun(expected, actual);
        }));
    }
}
