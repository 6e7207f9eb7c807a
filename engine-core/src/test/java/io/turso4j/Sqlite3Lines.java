package io.turso4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.format.Sqlite3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement's text output as lines, from turso4j and from sqlite3, for checks such as PRAGMA
 * integrity_check whose first column may hold several lines.
 */
final class Sqlite3Lines {
    private Sqlite3Lines() {
    }

    /** The lines of the first column of every row {@code sql} gives on turso4j over {@code db}. */
    static List<String> turso(Path db, String sql) {
        List<String> lines = new ArrayList<>();
        try (Database d = Database.open(db.toString()); Connection c = d.connect(); Statement s = c.prepare(sql)) {
            while (s.next()) {
                lines.addAll(List.of(s.getText(0).split("\n")));
            }
        }
        return lines;
    }

    /** sqlite3 on {@code db} and turso4j on a copy of it (in {@code dir}) print the same lines. */
    static void assertSame(Path dir, Path db, String sql) throws Exception {
        Path copy = dir.resolve("copy-" + System.nanoTime() + ".db");
        Files.copy(db, copy);
        assertEquals(Sqlite3.query(db, sql), turso(copy, sql), sql);
    }
}
