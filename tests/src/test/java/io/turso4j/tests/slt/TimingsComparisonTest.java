package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingsComparisonTest {
    @TempDir
    Path dir;

    /** A query over 10× only because a collection paused it is told apart from one the engine made slow. */
    @Test
    void collectionTimeIsCountedApart() throws Exception {
        Path theirs = dir.resolve("theirs.tsv");
        Files.writeString(theirs, TimingsFile.HEADER + "\nf\t1\t100\t100\t0\nf\t2\t100\t100\t0\nf\t3\t100\t100\t0\n");
        TimingsComparison comparison = TimingsComparison.read(theirs);
        comparison.accept(new QueryTiming("f", 1, "SELECT 1", 2_000_000, 400_000, 1_000_000)); // 20×, 10× less GC
        comparison.accept(new QueryTiming("f", 2, "SELECT 2", 3_000_000, 2_500_000, 1_000_000)); // 30×, 20× less GC
        comparison.accept(new QueryTiming("f", 3, "SELECT 3", 500_000, 500_000, 0)); // 5×
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        comparison.report(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Over 10× as long here: 2 by wall clock (2 of them with a GC pause inside), 1 by wall"
                + " clock less GC pauses, 1 by thread CPU time."), text);
    }
}
