package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real corpus on the oracle: SQLite must pass every record of select1.test and evidence/.
 * If it does not, the runner is wrong. The corpus is looked up at {@code -Dslt.corpus=...}, else
 * at ../../shared/slt from the tests module (the repository's ../shared/slt); the test is skipped,
 * saying so, when it is absent.
 */
class SltCorpusTest {

    private static Path corpus() {
        Path path = Path.of(System.getProperty("slt.corpus", "../../shared/slt"));
        assumeTrue(Files.isDirectory(path), "no sqllogictest corpus at " + path.toAbsolutePath());
        return path;
    }

    private static List<FileResult> run(List<TestFiles.TestFile> files) {
        List<FileResult> results = new ArrayList<>();
        for (TestFiles.TestFile f : files) {
            results.add(new SltFileRunner(new SqliteJdbcEngine(), f.path(), f.name(), t -> { }).run());
        }
        return results;
    }

    private static void assertAllPass(List<FileResult> results, int minimumPassed) {
        int passed = 0;
        List<Failure> failures = new ArrayList<>();
        for (FileResult r : results) {
            passed += r.passed();
            failures.addAll(r.failures());
        }
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())),
                failures.size() + " failures on SQLite");
        assertTrue(passed >= minimumPassed, "only " + passed + " records ran");
    }

    @Test
    void select1PassesOnSqlite() throws IOException {
        Path file = corpus().resolve("select1.test");
        List<FileResult> results = run(TestFiles.find(List.of(file.toString())));
        assertAllPass(results, 1000);
    }

    @Test
    void evidencePassesOnSqlite() throws IOException {
        List<FileResult> results = run(TestFiles.find(List.of(corpus().resolve("evidence").toString())));
        assertEquals(12, results.size());
        assertAllPass(results, 450);
    }
}
