package io.turso4j.tests.crash;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.Statement;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * The process {@link CrashRecoveryTest} kills: writes to a database file for ever, on the
 * platform's default I/O backend, and prints the id of every row whose COMMIT has returned,
 * one per line, flushed, so the parent knows what was acknowledged when the kill came.
 * Autocommit inserts, multi-row transactions, deletes (announced as {@code delete id} before,
 * acknowledged as {@code -id} after) and explicit checkpoints are mixed, so a kill can land in
 * any of them.
 *
 * <p>Arguments: database path, seed. Not a test: run only as a child process.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
        PrintStream out = System.out;
        try (Database db = Database.open(args[0]); Connection conn = db.connect()) {
            conn.execute("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v TEXT, w BLOB)");
            conn.execute("CREATE INDEX IF NOT EXISTS t_v ON t(v)");
            long next = 1;
            try (Statement max = conn.prepare("SELECT coalesce(max(id), 0) + 1 FROM t")) {
                if (max.next()) {
                    next = max.getLong(0);
                }
            }
            out.println("ready");
            out.flush();
            try (Statement insert = conn.prepare("INSERT INTO t(id, v, w) VALUES (?, ?, randomblob(?))");
                    Statement delete = conn.prepare("DELETE FROM t WHERE id = ?")) {
                while (true) {
                    int what = random.nextInt(20);
                    if (what == 0) {
                        conn.execute("PRAGMA wal_checkpoint(" + (random.nextBoolean() ? "PASSIVE" : "TRUNCATE") + ")");
                    } else if (what == 1 && next > 10) {
                        long id = 1 + random.nextLong(next - 1);
                        out.println("delete " + id); // the row may be gone from here on
                        out.flush();
                        run(delete.bindLong(1, id));
                        out.println(-id);
                    } else if (what == 2) {
                        conn.execute("BEGIN");
                        long first = next;
                        for (int i = random.nextInt(2, 40); i > 0; i--) {
                            insert(insert, next++, random);
                        }
                        conn.execute("COMMIT");
                        for (long id = first; id < next; id++) {
                            out.println(id);
                        }
                    } else {
                        insert(insert, next, random);
                        out.println(next++);
                    }
                    out.flush();
                }
            }
        }
    }

    private static void insert(Statement insert, long id, SplittableRandom random) {
        run(insert.bindLong(1, id).bind(2, "row " + id).bindLong(3, random.nextInt(1, 3000)));
    }

    private static void run(Statement s) {
        while (s.next()) {
            // no rows: INSERT and DELETE
        }
        s.reset();
    }
}
