package io.turso4j.benchmarks.sql;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.Statement;
import java.nio.file.Path;

/**
 * turso4j through its public API: {@link Database#open(String)} on a file (the platform's
 * default I/O backend: io_uring on Linux when available, else NIO), prepared statements with
 * bound parameters, and the blocking {@link Statement#next()} on the benchmark thread. WAL is
 * turso4j's only journal mode; {@code synchronous} is FULL unless {@code normal} is asked for,
 * which needs {@code PRAGMA synchronous} support and fails the setup without it.
 */
final class Turso4jTarget implements SqlTarget {
    private final Database db;
    private final Connection conn;
    private Statement insert;
    private Statement byRowid;
    private Statement byIndex;
    private Statement aggregate;

    Turso4jTarget(Path dir, boolean normal) {
        db = Database.open(dir.resolve("turso4j.db").toString());
        conn = db.connect();
        if (normal) {
            conn.execute("PRAGMA synchronous=NORMAL");
            try (Statement s = conn.prepare("PRAGMA synchronous")) {
                if (!s.next() || s.getLong(0) != 1) {
                    throw new IllegalStateException("turso4j did not take PRAGMA synchronous=NORMAL");
                }
            }
        }
    }

    @Override
    public void createTable() {
        conn.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER)");
        insert = conn.prepare("INSERT INTO t(id, a, b) VALUES (?, ?, ?)");
    }

    @Override
    public void createIndex() {
        conn.execute("CREATE INDEX t_b ON t(b)");
    }

    @Override
    public void insertInOneTransaction(long rows) {
        conn.execute("BEGIN");
        insertEach(rows);
        conn.execute("COMMIT");
    }

    @Override
    public void insertAutocommit(long rows) {
        insertEach(rows);
    }

    private void insertEach(long rows) {
        for (long id = 1; id <= rows; id++) {
            insert.bindLong(1, id).bind(2, BenchRows.text(id)).bindLong(3, BenchRows.b(id, rows));
            if (insert.next()) {
                throw new IllegalStateException("INSERT returned a row");
            }
            insert.reset();
        }
    }

    @Override
    public String selectByRowid(long id) {
        if (byRowid == null) {
            byRowid = conn.prepare("SELECT a FROM t WHERE id = ?");
        }
        byRowid.bindLong(1, id);
        try {
            return byRowid.next() ? byRowid.getText(0) : null;
        } finally {
            byRowid.reset();
        }
    }

    @Override
    public long selectByIndex(long b) {
        if (byIndex == null) {
            byIndex = conn.prepare("SELECT id FROM t WHERE b = ?");
        }
        byIndex.bindLong(1, b);
        try {
            return byIndex.next() ? byIndex.getLong(0) : -1;
        } finally {
            byIndex.reset();
        }
    }

    @Override
    public long[] sumAndCount() {
        if (aggregate == null) {
            aggregate = conn.prepare("SELECT sum(b), count(*) FROM t");
        }
        try {
            if (!aggregate.next()) {
                throw new IllegalStateException("aggregate returned no row");
            }
            return new long[] {aggregate.getLong(0), aggregate.getLong(1)};
        } finally {
            aggregate.reset();
        }
    }

    @Override
    public void close() {
        conn.close();
        db.close();
    }
}
