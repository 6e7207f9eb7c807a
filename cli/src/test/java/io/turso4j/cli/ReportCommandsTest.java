package io.turso4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dot commands whose output depends on the machine, so the byte-for-byte corpus cannot hold
 * them: {@code .timer} (a time) and {@code .databases} (an absolute path). Their formats are
 * checked against sqlite3 3.40's.
 */
class ReportCommandsTest {
    @TempDir
    Path temp;

    @Test
    void timerPrintsARunTimeLineAfterEachPieceOfSql() {
        ShellRun run = ShellRun.of(EngineSession::open, temp, ".timer on\nSELECT 1; SELECT 2;\n.timer off\nSELECT 3;\n",
                temp.resolve("t.db").toString());
        String[] lines = run.out().split("\n");
        assertEquals(4, lines.length, run.out());
        assertEquals("1", lines[0]);
        assertEquals("2", lines[1]);
        assertTrue(lines[2].matches("Run Time: real \\d+\\.\\d{3} user \\d+\\.\\d{6} sys \\d+\\.\\d{6}"), lines[2]);
        assertEquals("3", lines[3]);
    }

    @Test
    void databasesListsMainWithItsFile() {
        String db = temp.resolve("d.db").toAbsolutePath().toString();
        ShellRun run = ShellRun.of(EngineSession::open, temp, ".databases\n", db);
        assertEquals("main: " + db + " r/w\n", run.out());
        ShellRun memory = ShellRun.of(EngineSession::open, temp, ".databases\n");
        assertEquals("main: \"\" r/w\n", memory.out());
    }

    @Test
    void schemaCommandsDoNotOpenTheTempDatabase() {
        ShellRun run = ShellRun.of(EngineSession::open, temp, ".tables\n.indexes\n.schema\n.databases\n");
        assertEquals("main: \"\" r/w\n", run.out());
        ShellRun withTemp = ShellRun.of(EngineSession::open, temp,
                "CREATE TEMP TABLE x(a);\n.tables\n.schema\n.databases\n");
        assertEquals("temp.x\nCREATE TABLE temp.x(a);\nmain: \"\" r/w\ntemp: \"\" r/w\n", withTemp.out());
    }
}
