package io.turso4j.storage.pager;

import io.turso4j.storage.format.Sqlite3;
import io.turso4j.storage.format.TestSeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.io.sim.FaultConfig;
import io.turso4j.io.sim.SimulatedIO;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.wal.CheckpointMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes on the simulated disk, judged by sqlite3: a new database receives, transaction by
 * transaction, the pages of ever larger databases sqlite3 made; the simulated disk loses power
 * at a random moment (possibly mid-commit, mid-spill or mid-checkpoint, with torn writes); the
 * files that survive are copied to a directory where sqlite3 must recover them to the last
 * committed database (or to the one whose commit was under way) and find it intact.
 */
class SimulatedSqliteRecoveryTest {
    private static final int VERSIONS = 5;
    private static final int RUNS = Integer.getInteger("turso4j.simRuns", 3);

    @TempDir
    Path dir;

    @Test
    void sqlite3RecoversWhatThePagerCommittedBeforeTheCrash() throws Exception {
        List<byte[]> images = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (int v = 1; v <= VERSIONS; v++) {
            Path db = SqliteImages.database(dir, "v" + v + ".db", v * v * 150);
            images.add(Files.readAllBytes(db));
            digests.add(Sqlite3.output(db, SqliteImages.ROWS));
        }
        long seed = TestSeed.seed("sqlite3RecoversWhatThePagerCommittedBeforeTheCrash");
        for (int run = 0; run < RUNS; run++) {
            try {
                crashOnce(seed + run, images, digests);
            } catch (AssertionError | RuntimeException e) {
                System.out.println("failed with seed " + (seed + run) + " (replay with -Dturso4j.seed=" + (seed + run)
                        + " -Dturso4j.simRuns=1)");
                throw e;
            }
        }
    }

    private void crashOnce(long seed, List<byte[]> images, List<String> digests) throws Exception {
        Random r = new Random(seed);
        SimulatedIO io = new SimulatedIO(seed, FaultConfig.NONE.withTornWrite(0.5));
        SharedPager shared = Drive.open(io, "/x.db");
        Pager pager = shared.newPager();
        assertTrue(pager.setPageSize(SqliteImages.PAGE_SIZE));
        pager.setCacheSize(4 + r.nextInt(60));
        int cut = 1 + r.nextInt(VERSIONS);
        int committed = 0;
        for (int v = 1; v < cut; v++) {
            SqliteImages.rewrite(io, pager, images.get(v - 1));
            committed = v;
            if (r.nextInt(3) == 0) {
                CheckpointMode mode = CheckpointMode.values()[r.nextInt(4)];
                Drive.await(io, () -> pager.checkpoint(mode));
            }
        }
        pager.beginRead();
        pager.beginWrite();
        SqliteImages.stage(io, pager, images.get(cut - 1));
        try {
            pager.commit();
        } catch (IoPending pending) {
            for (int polls = r.nextInt(6); polls > 0; polls--) {
                io.poll();
            }
        }
        io.crash();

        Path crashed = dir.resolve("crashed-" + seed + ".db");
        SqliteImages.export(io, "/x.db", crashed);
        SqliteImages.export(io, "/x.db-wal", dir.resolve(crashed.getFileName() + "-wal"));
        if (committed == 0 && !Files.exists(crashed)) {
            return;
        }
        String tables = Sqlite3.output(crashed, "SELECT count(*) FROM sqlite_schema WHERE name = 't';");
        if (committed == 0 && tables.equals("0")) {
            return; // the first commit did not make it: an empty database, as it should be
        }
        assertEquals("ok", Sqlite3.output(crashed, "PRAGMA integrity_check;"));
        String found = Sqlite3.output(crashed, SqliteImages.ROWS);
        System.out.println("recovered by sqlite3: committed " + committed + ", cut " + cut + ": " + found);
        List<String> allowed = new ArrayList<>();
        if (committed > 0) {
            allowed.add(digests.get(committed - 1));
        }
        allowed.add(digests.get(cut - 1));
        assertTrue(allowed.contains(found), "sqlite3 found " + found + ", expected one of " + allowed
                + " (committed " + committed + ", cut " + cut + ")");
    }
}
