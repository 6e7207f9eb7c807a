package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.turso4j.storage.pager.WalPager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The proof that nothing inside the engine waits on I/O: sqllogictest files run through {@link
 * Turso4jEngine} with each database on a {@link DrivenSimulatedIo} (a file on the simulated
 * disk, where nothing completes until the adapter polls between steps, and completions come
 * back in a random order), with a page cache of one page so that statements read, evict and
 * spill pages all the time. Every file must give exactly the results it gives on an ordinary
 * in-memory turso4j database (the same records pass and fail), the engine must never poll by
 * itself, and I/O must actually have been pending (else the run proves nothing). An engine
 * that waited on a completion would hang, which the timeout turns into a failure.
 *
 * <p>Files: {@code select1.test} … {@code select5.test} and {@code evidence/} by default (about
 * two minutes, 1.3 million steps that return IO); {@code -Dturso4j.slt.sim.files=quick} runs
 * {@code select1.test} and {@code evidence/} only, or name files and folders of the corpus
 * comma-separated. Schema changes are part of the proof: statements check the schema cookie
 * and read the schema again in stepped code, and prepare does no I/O at all. {@code -Dturso4j.slt.sim.cache=N} sets the cache (default 1 page: every
 * page a statement touches beyond the one cached is read again). The simulator's seed is
 * printed; {@code -Dturso4j.seed=N} replays it.
 */
class SltOnSimulatedIoTest {
    private static final String FILES = "turso4j.slt.sim.files";

    private static Path corpus() {
        Path path = Path.of(System.getProperty("slt.corpus", "../../shared/slt"));
        assumeTrue(Files.isDirectory(path), "no sqllogictest corpus at " + path.toAbsolutePath());
        return path;
    }

    private static List<String> fileNames() {
        String files = System.getProperty(FILES, "");
        return switch (files) {
            case "", "all" -> List.of("select1.test", "select2.test", "select3.test", "select4.test", "select5.test",
                    "evidence");
            case "quick" -> List.of("select1.test", "evidence");
            default -> Arrays.stream(files.split(",")).map(String::strip).toList();
        };
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void filesGiveTheSameResultsOnADiskThatOnlyCompletesWhenPolled() throws IOException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("SltOnSimulatedIoTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        List<String> paths = fileNames().stream().map(f -> corpus().resolve(f).toString()).toList();
        List<TestFiles.TestFile> files = TestFiles.find(paths);
        assertTrue(!files.isEmpty(), "no test files in " + paths);

        List<DrivenSimulatedIo> disks = new ArrayList<>();
        Turso4jEngine simulated = new Turso4jEngine(() -> {
            DrivenSimulatedIo io = new DrivenSimulatedIo(seed + disks.size());
            disks.add(io);
            return io;
        });
        int passed = 0;
        for (TestFiles.TestFile f : files) {
            FileResult normal = new SltFileRunner(new Turso4jEngine(), f.path(), f.name(), t -> { }).run();
            FileResult driven = withCache(() -> new SltFileRunner(simulated, f.path(), f.name(), t -> { }).run());
            System.out.printf("%-40s in memory: %5d passed %5d failed | simulated disk: %5d passed %5d failed%n",
                    f.name(), normal.passed(), normal.failed(), driven.passed(), driven.failed());
            assertEquals(failedLines(normal), failedLines(driven),
                    f.name() + ": records failing on the simulated disk differ (seed " + seed + "); first: "
                            + firstDifference(normal, driven));
            assertEquals(normal.passed(), driven.passed(), f.name());
            passed += driven.passed();
        }
        long ioSteps = 0;
        long completed = 0;
        long reads = 0;
        long writes = 0;
        for (DrivenSimulatedIo d : disks) {
            if (!d.enginePolls.isEmpty()) {
                throw new AssertionError("the engine polled I/O inside a step or prepare (seed " + seed + ")",
                        d.enginePolls.getFirst());
            }
            ioSteps += d.ioSteps;
            completed += d.completed;
            reads += d.reads;
            writes += d.writes;
        }
        System.out.printf("%d records passed; steps that returned IO: %d; operations completed by the adapter's "
                + "polls: %d; reads/writes done: %d/%d%n", passed, ioSteps, completed, reads, writes);
        assertTrue(passed > 0, "no record passed");
        assertTrue(ioSteps > 0 && completed > 0, "no statement ever waited for I/O: the run proves nothing");
    }

    private static FileResult withCache(java.util.function.Supplier<FileResult> run) {
        String before = System.getProperty(WalPager.CACHE_PAGES_PROPERTY);
        System.setProperty(WalPager.CACHE_PAGES_PROPERTY, System.getProperty("turso4j.slt.sim.cache", "1"));
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty(WalPager.CACHE_PAGES_PROPERTY);
            } else {
                System.setProperty(WalPager.CACHE_PAGES_PROPERTY, before);
            }
        }
    }

    private static List<Integer> failedLines(FileResult r) {
        return r.failures().stream().map(Failure::line).toList();
    }

    private static String firstDifference(FileResult normal, FileResult driven) {
        List<Integer> a = failedLines(normal);
        for (Failure f : driven.failures()) {
            if (!a.contains(f.line())) {
                return f.toString();
            }
        }
        List<Integer> b = failedLines(driven);
        for (Failure f : normal.failures()) {
            if (!b.contains(f.line())) {
                return "passes only on the simulated disk: " + f;
            }
        }
        return "none";
    }
}
