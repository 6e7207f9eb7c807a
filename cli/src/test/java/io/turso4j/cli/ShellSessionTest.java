package io.turso4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's session logic over {@link ScriptedSession}: what reaches the engine, exit codes, failures. */
class ShellSessionTest {
    @TempDir
    Path dir;

    private final ScriptedSession session = new ScriptedSession();
    private int opens;

    private ShellRun run(String stdin, String... args) {
        return ShellRun.of((file, io) -> {
            opens++;
            return session;
        }, dir, stdin, args);
    }

    @Test
    void statementsReachTheEngineOneByOneWithoutLeadingWhitespace() {
        ShellRun r = run("   rows 2; rows 1;\n\n  rows\n 1;\n");
        assertEquals("1\n2\n1\n1\n", r.out());
        assertEquals(List.of("rows 2;", "rows 1;", "rows\n 1;"), session.prepared);
        assertEquals(0, r.exitCode());
        assertTrue(session.closed);
    }

    @Test
    void aFailureStopsTheRestOfItsLineButNotTheScript() {
        ShellRun r = run("rows 1; nothing; rows 2;\nrows 1;\n");
        assertEquals("1\n1\n", r.out());
        assertEquals("Parse error near line 1: no such table: x\n", r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void runtimeErrorsKeepTheRowsBeforeThemAndCarryTheirCode() {
        ShellRun r = run("\n\nfail_step;\n");
        assertEquals("1\n", r.out());
        assertEquals("Runtime error near line 3: UNIQUE constraint failed: t.a (19)\n", r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void anArgumentsErrorIsTheExitCode() {
        ShellRun r = run("", "db", "rows 1", "fail_step", "rows 3");
        assertEquals("1\n1\n", r.out());
        assertEquals("Error: stepping, UNIQUE constraint failed: t.a (19)\n", r.stderr());
        assertEquals(19, r.exitCode());
    }

    @Test
    void engineBugsAreReportedNotFatal() {
        ShellRun r = run("boom;\nrows 1;\n");
        assertEquals("1\n", r.out());
        assertEquals("Parse error near line 1: java.lang.IllegalStateException: engine bug\n", r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void theDatabaseOpensOnlyWhenSqlRuns() {
        ShellRun r = run(".print hi\n.mode csv\n");
        assertEquals("hi\n", r.out());
        assertEquals(0, opens);
        run("rows 1;\nrows 1;\n");
        assertEquals(1, opens);
    }

    @Test
    void aDatabaseThatCannotOpenEndsTheShell() {
        ShellRun r = ShellRun.of((file, io) -> {
            throw new IllegalStateException("locked by another process");
        }, dir, ".print before\nrows 1;\n.print after\n", "some.db");
        assertEquals("before\n", r.out());
        assertEquals("Error: unable to open database \"some.db\": locked by another process\n", r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void theIoBackendOptionReachesTheOpener() {
        String[] seen = new String[2];
        ShellRun.of((file, io) -> {
            seen[0] = file;
            seen[1] = io;
            return session;
        }, dir, "rows 1;\n", "--io", "memory", "x.db");
        assertEquals("x.db", seen[0]);
        assertEquals("memory", seen[1]);
    }

    @Test
    void readNumbersLinesWithinItsFileAndExitUnwindsIt() throws IOException {
        Files.writeString(dir.resolve("inner.sql"), "rows 1;\n\nnothing;\n.exit 7\nrows 5;\n");
        ShellRun r = run("rows 1;\n.read inner.sql\nrows 2;\n");
        assertEquals("1\n1\n", r.out());
        assertEquals("Parse error near line 3: no such table: x\n", r.stderr());
        assertEquals(7, r.exitCode());
    }

    @Test
    void bailStopsAtTheFirstErrorEvenInsideRead() throws IOException {
        Files.writeString(dir.resolve("inner.sql"), "nothing;\nrows 1;\n");
        ShellRun r = run(".read inner.sql\nrows 2;\n", "-bail");
        assertEquals("", r.out());
        assertEquals(1, r.exitCode());
    }

    @Test
    void anUnfinishedStatementAtTheEndStillRuns() {
        ShellRun r = run("rows 1;\nrows 2");
        assertEquals("1\n1\n2\n", r.out());
        assertEquals(0, r.exitCode());
    }

    @Test
    void aClosedStdoutEndsTheShellQuietly() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.OutputStream closedPipe = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        int code = Shell.run(new String[0], new java.io.ByteArrayInputStream("rows 3;\nrows 1;\n".getBytes()), closedPipe,
                new java.io.PrintStream(err, true), false, (file, io) -> session, dir);
        assertEquals(141, code);
        assertEquals("", err.toString());
        assertEquals(List.of("rows 3;"), session.prepared);
    }

    @Test
    void helpAndVersionNeedNoDatabase() {
        ShellRun help = run("", "-help");
        assertTrue(help.stderr().startsWith("Usage: tursodb"));
        ShellRun version = run("", "-version");
        assertTrue(version.out().startsWith("tursodb (turso4j)"));
        assertEquals(0, opens);
    }
}
