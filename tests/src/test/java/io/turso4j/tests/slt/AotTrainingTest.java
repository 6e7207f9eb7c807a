package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The workload ./slt's AOT cache is trained on runs the shell scripts through, past their errors. */
class AotTrainingTest {

    @Test
    void skipsDotCommandsAndGoesOnAfterFailingStatements() {
        int completed = AotTraining.run(List.of(
                ".mode csv",
                "CREATE TABLE t(a);",
                "SELEC oops;",                      // fails to prepare: skipped to its semicolon
                "INSERT INTO t VALUES (1), (2);",
                "SELECT a / 0, * FROM t;",
                "INSERT INTO t SELECT abs(-9223372036854775808);", // fails as it runs
                "SELECT * FROM nosuch;",            // fails to resolve
                "SELECT count(*) FROM t;"));
        assertEquals(4, completed);
    }

    @Test
    void everyShellScriptRunsStatements() throws IOException {
        Path folder = Path.of("src/test/resources/shell");
        List<Path> scripts;
        try (Stream<Path> files = Files.list(folder)) {
            scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(scripts.size() > 20, "the shell scripts: " + scripts);
        for (Path script : scripts) {
            assertTrue(AotTraining.run(Files.readAllLines(script)) > 0, script + " ran no statement to its end");
        }
    }
}
