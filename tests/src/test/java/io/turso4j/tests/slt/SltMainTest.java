package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SltMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws InterruptedException {
        return SltMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aFailingFileGivesExitCodeOneAndIsDetailed() throws Exception {
        Path file = write("bad.test", "statement ok\nCREATE TABLE t(x)\n\nquery I nosort\nSELECT 41\n----\n42\n");
        assertEquals(1, run(file.toString()));
        List<String> lines = outLines();
        assertEquals("1 passed, 1 failed, 0 skipped", lines.getLast());
        String text = String.join("\n", lines);
        assertTrue(text.contains("FAIL " + file + ":4  wrong-values"), text);
        assertTrue(text.contains("    42") && text.contains("    41"), text);
        assertTrue(lines.getFirst().startsWith("file"), text);
    }

    @Test
    void foldersAreSearchedRecursivelyAndNamedRelativeToThem() throws Exception {
        write("a/one.test", "query I nosort\nSELECT 1\n----\n1\n");
        write("a/sub/two.test", "onlyif mysql\nquery I nosort\nSELECT 1\n----\n1\n\nquery T nosort\nSELECT ''\n----\n(empty)\n");
        write("a/sub/notes.txt", "not a test file");
        assertEquals(0, run("--max-failures-shown", "0", "--slowest", "0", dir.resolve("a").toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\none.test "), text);
        assertTrue(text.contains("\nsub/two.test "), text);
        assertEquals("2 passed, 0 failed, 1 skipped", outLines().getLast());
    }

    @Test
    void aFileOverItsTimeLimitIsStoppedAndCountedFailed() throws Exception {
        Path file = write("slow.test", """
                query I nosort
                WITH RECURSIVE c(x) AS (VALUES(1) UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c
                ----
                0

                query I nosort
                SELECT 1
                ----
                1
                """);
        long start = System.nanoTime();
        assertEquals(1, run("--timeout-per-file", "1", file.toString()));
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "the interrupt should stop SQLite promptly");
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("timeout"), text);
        assertTrue(outLines().getLast().endsWith(" failed, 0 skipped"), text);
    }

    @Test
    void theTurso4jEngineRunsQueries() throws Exception {
        Path file = write("ok.test", "query I nosort\nSELECT 1 + 1\n----\n2\n\n"
                + "query T nosort\nSELECT 'a' || 'b'\n----\nab\n\n"
                + "query I nosort\nSELECT 6 * 7\n----\n41\n");
        assertEquals(1, run("--engine", "turso4j", file.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(outLines().getLast().startsWith("2 passed, 1 failed"), text);
    }

    @Test
    void timingsAreWrittenWithCpuTimeAndComparedWithAnotherRun() throws Exception {
        Path file = write("t.test", "query I nosort\nSELECT 1\n----\n1\n\n"
                + "query I nosort\nWITH RECURSIVE c(x) AS (VALUES(1) UNION ALL SELECT x+1 FROM c WHERE x < 300000)"
                + " SELECT count(*) FROM c\n----\n300000\n\n"
                + "query I nosort\nSELECT 2\n----\n2\n");
        Path timings = dir.resolve("ours.tsv");
        assertEquals(0, run("--timings-out", timings.toString(), file.toString()));
        List<String> lines = Files.readAllLines(timings);
        assertEquals(List.of("file\tline\tmicros\tcpu_micros\tgc_micros"), lines.subList(0, 1));
        assertEquals(4, lines.size(), String.join("\n", lines));
        String[] counting = lines.get(2).split("\t");
        assertEquals(List.of(file.toString(), "6"), List.of(counting[0], counting[1]));
        assertTrue(Long.parseLong(counting[3]) > 0, "the count took CPU time: " + lines.get(2));

        // the other run: SELECT 1 under the floor, the count 100 µs (so far over 10x here), SELECT 2 a second
        Path theirs = write("theirs.tsv", "file\tline\tmicros\tcpu_micros\n" + file + "\t1\t5\t5\n"
                + file + "\t6\t100\t100\n" + file + "\t11\t1000000\t1000000\n");
        out.reset();
        assertEquals(0, run("--compare-timings", theirs.toString(), file.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("3 queries in both, 2 of them took 100 µs or more there."), text);
        // a collection may or may not have happened during the count
        assertTrue(text.matches("(?s).*Over 10× as long here: 1 by wall clock \\([01] of them with a GC pause"
                + " inside\\), 1 by wall clock less GC pauses, 1 by thread CPU time\\..*"), text);
        assertTrue(text.contains(file + ":6"), text);
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: slt"));
    }

    @Test
    void usageErrorsGiveExitCodeTwo() throws Exception {
        assertEquals(2, run("--frobnicate"));
        assertEquals(2, run(dir.resolve("missing.test").toString()));
        assertEquals(2, run("--timeout-per-file", "soon", dir.toString()));
    }
}
