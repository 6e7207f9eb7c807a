package io.turso4j.tests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.Statement;
import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability across process death: a {@link CrashWriter} child writes to a database file and
 * is killed with SIGKILL at a random moment, several times over on the same file. After each
 * kill the file is opened again (WAL recovery) and must hold every row whose commit was
 * acknowledged, none whose delete was, with intact contents, and pass integrity_check; at
 * the end sqlite3 must agree (integrity_check and row count). SIGKILL leaves the OS page cache
 * in place, so this tests recovery from torn transactions and checkpoints, not from power loss.
 * Seeded (kill delays and the child's workload); replay with {@code -Dturso4j.seed=N}.
 */
class CrashRecoveryTest {
    private static final int KILLS = 4;

    @TempDir
    Path dir;

    @Test
    void killedWriterLosesNothingAcknowledged() throws Exception {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("CrashRecoveryTest seed: " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        Path db = dir.resolve("crash.db");
        Set<Long> acknowledged = new HashSet<>();
        Set<Long> maybeDeleted = new HashSet<>();
        Set<Long> deleted = new HashSet<>();
        long walBytesSeen = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = new ProcessBuilder(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), CrashWriter.class.getName(), db.toString(),
                    String.valueOf(random.nextLong()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String first = out.readLine();
                assertEquals("ready", first, "the writer did not start");
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(150, 900));
                Thread reader = Thread.ofPlatform().start(() -> {
                    try {
                        for (String line; (line = out.readLine()) != null; ) {
                            synchronized (lines) {
                                lines.add(line);
                            }
                        }
                    } catch (IOException closed) {
                        // the pipe closes with the child
                    }
                });
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(killAt - System.nanoTime())));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
                reader.join(30_000);
            }
            Path wal = Path.of(db + "-wal");
            walBytesSeen = Math.max(walBytesSeen, Files.exists(wal) ? Files.size(wal) : 0);
            synchronized (lines) {
                for (String line : lines) {
                    if (line.startsWith("delete ")) {
                        maybeDeleted.add(Long.parseLong(line.substring(7)));
                    } else if (!line.isEmpty() && line.charAt(0) == '-') {
                        long id = Long.parseLong(line.substring(1));
                        deleted.add(id);
                        acknowledged.remove(id);
                    } else if (!line.isEmpty()) {
                        acknowledged.add(Long.parseLong(line));
                    }
                }
            }
            check(db, acknowledged, maybeDeleted, deleted, "round " + round + " (seed " + seed + ")");
        }
        System.out.println("acknowledged rows " + acknowledged.size() + ", deleted " + deleted.size()
                + ", largest WAL at a kill " + walBytesSeen + " bytes");
        assertTrue(acknowledged.size() > 50, "the writer acknowledged only " + acknowledged.size() + " rows");
        Path sqlite3 = Path.of("/usr/bin/sqlite3");
        if (Files.isExecutable(sqlite3)) {
            assertEquals("ok\n" + count(db), sqlite3(sqlite3, db, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
        }
    }

    /** The file as turso4j reads it after the kill: every acknowledged row, none acknowledged deleted, intact. */
    private static void check(Path db, Set<Long> acknowledged, Set<Long> maybeDeleted, Set<Long> deleted, String when) {
        Set<Long> present = new HashSet<>();
        try (Database database = openAfterKill(db); Connection conn = database.connect()) {
            try (Statement s = conn.prepare("SELECT id, v = 'row ' || id AND length(w) BETWEEN 1 AND 3000 FROM t")) {
                while (s.next()) {
                    present.add(s.getLong(0));
                    assertEquals(1, s.getLong(1), "row " + s.getLong(0) + " damaged, " + when);
                }
            }
            try (Statement s = conn.prepare("PRAGMA integrity_check")) {
                assertTrue(s.next());
                assertEquals("ok", s.getText(0), when);
            }
        }
        for (long id : acknowledged) {
            assertTrue(present.contains(id) || maybeDeleted.contains(id), "acknowledged row " + id + " lost, " + when);
        }
        for (long id : deleted) {
            assertTrue(!present.contains(id), "deleted row " + id + " is back, " + when);
        }
    }

    /**
     * Opens the file the killed writer held. Its lock can outlive the process for a moment: the
     * kernel tears a dead process's io_uring instance down in a worker after the process is
     * reaped, and the file (with its flock) is released only when the ring's last request lets
     * go of it. So a BUSY "locked by another process" is waited out, for up to ten seconds.
     */
    private static Database openAfterKill(Path db) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return Database.open(db.toString());
            } catch (SqliteException e) {
                if (e.code() != ResultCode.BUSY || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the killed writer's lock", e);
            }
        }
    }

    private static long count(Path db) {
        try (Database database = Database.open(db.toString()); Connection conn = database.connect();
                Statement s = conn.prepare("SELECT count(*) FROM t")) {
            assertTrue(s.next());
            return s.getLong(0);
        }
    }

    private static String sqlite3(Path sqlite3, Path db, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(sqlite3.toString(), db.toString(), sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out.strip();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
