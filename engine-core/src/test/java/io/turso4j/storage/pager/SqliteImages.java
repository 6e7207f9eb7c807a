package io.turso4j.storage.pager;

import io.turso4j.storage.format.Sqlite3;

import io.turso4j.io.IO;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Databases made by sqlite3, used as raw page images while there are no B-trees: the pager
 * replaces a database's pages with another's and sqlite3 judges the result.
 */
final class SqliteImages {
    static final int PAGE_SIZE = 1024;
    /** A digest of table t that two databases share only if they hold the same rows. */
    static final String ROWS = "SELECT count(*), sum(k), sum(length(v)), sum(unicode(v) * k) FROM t;";

    private SqliteImages() {}

    /** A sqlite3 database (rollback journal) holding {@code rows} rows in t, with an index. */
    static Path database(Path dir, String name, int rows) throws Exception {
        Path db = dir.resolve(name);
        Sqlite3.output(db, """
                PRAGMA page_size = %d;
                CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT);
                CREATE INDEX t_v ON t(v);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
                INSERT INTO t SELECT i, printf('%%.*c', 1 + i * 37 %% 300, char(97 + i %% 26)) FROM n;
                """.formatted(PAGE_SIZE, rows));
        return db;
    }

    /**
     * Stages, inside the pager's open write transaction, the replacement of every page by
     * {@code image}'s; the caller commits.
     */
    static void stage(IO io, Pager pager, byte[] image) {
        int pages = image.length / PAGE_SIZE;
        for (int n = 1; n <= pages; n++) {
            int number = n;
            Page p;
            if (n <= pager.pageCount()) {
                p = Drive.await(io, () -> pager.get(number));
                pager.write(p);
            } else {
                p = Drive.await(io, pager::allocate);
            }
            PageImages.put(p, Arrays.copyOfRange(image, (n - 1) * PAGE_SIZE, n * PAGE_SIZE));
            pager.unpin(p);
        }
        if (pager.pageCount() > pages) {
            pager.truncate(pages);
        }
    }

    /** Replaces the database's pages by {@code image}'s in one committed transaction. */
    static void rewrite(IO io, Pager pager, byte[] image) {
        pager.beginRead();
        pager.beginWrite();
        stage(io, pager, image);
        Drive.run(io, pager::commit);
        pager.endRead();
    }

    /** Copies a file of {@code io} to {@code to}, if it exists. */
    static void export(IO io, String from, Path to) throws Exception {
        byte[] bytes = Drive.exportFile(io, from);
        if (bytes != null) {
            Files.write(to, bytes);
        }
    }
}
