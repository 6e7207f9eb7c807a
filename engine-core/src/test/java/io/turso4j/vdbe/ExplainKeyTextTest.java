package io.turso4j.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.Statement;
import io.turso4j.storage.format.Sqlite3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPLAIN lists the key description of an index's OpenRead as sqlite3 does ({@code
 * k(3,-,NOCASE,)}: field count, then each field's order and collation), not as an object.
 */
class ExplainKeyTextTest {
    private static final String SCHEMA = """
            CREATE TABLE t(a INTEGER PRIMARY KEY, b, c TEXT COLLATE NOCASE, d);
            CREATE INDEX i1 ON t(b DESC, c);
            CREATE INDEX i2 ON t(c);
            CREATE INDEX i3 ON t(d COLLATE RTRIM, b);
            """;

    @TempDir
    Path dir;

    @Test
    void indexKeysReadAsInSqlite3() throws Exception {
        Path oracle = dir.resolve("o.db");
        Sqlite3.run(oracle, SCHEMA);
        try (Database db = Database.open(":memory:"); Connection c = db.connect()) {
            c.execute(SCHEMA);
            for (String q : List.of("SELECT b FROM t WHERE b > 3", "SELECT c FROM t WHERE c = 'x'",
                    "SELECT a FROM t WHERE d = 'x ' AND b = 2", "SELECT * FROM t WHERE b = 1 AND c > 'a'")) {
                List<String> expected = Sqlite3.query(oracle, ".explain off\nEXPLAIN " + q).stream()
                        .map(l -> l.split("\\|", -1))
                        .filter(f -> f[1].equals("OpenRead") && f[5].startsWith("k("))
                        .map(f -> f[5])
                        .toList();
                assertFalse(expected.isEmpty(), "sqlite3 reads an index for " + q);
                assertEquals(expected, keysOf(c, "EXPLAIN " + q), q);
            }
        }
    }

    private static List<String> keysOf(Connection c, String explain) {
        List<String> keys = new ArrayList<>();
        try (Statement s = c.prepare(explain)) {
            while (s.next()) {
                if (s.getText(1).equals("OpenRead") && s.getText(5) != null && s.getText(5).startsWith("k(")) {
                    keys.add(s.getText(5));
                }
            }
        }
        return keys;
    }
}
