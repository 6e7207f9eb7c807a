package io.turso4j.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dot commands that read or write files — {@code .import}, {@code .output}, {@code .once},
 * {@code .dump} — against sqlite3 3.40: the same script runs in two directories holding the same
 * input files, one through {@code /usr/bin/sqlite3}, one through this shell on turso4j; stdout,
 * the error lines, the exit code and every file written must be the same. The dump round trip is
 * randomised: it prints its seed and replays it from {@code -Dturso4j.seed=N}.
 */
class FileCommandsMatchSqlite3Test {
    private static final String CSV = """
            name,"age",note
            alice,30,"says ""hi"", ok"
            bob,x
            "multi
            line",1,2,3
            carol,,
            """;

    @TempDir
    Path temp;

    @BeforeAll
    static void needSqlite3() {
        Assumptions.assumeTrue(Sqlite3Command.available(), "no sqlite3 at " + Sqlite3Command.PATH);
    }

    @Test
    void importOutputAndOnceWriteWhatSqlite3Writes() throws IOException {
        String script = """
                .import --csv a.csv people
                .schema people
                SELECT * FROM people;
                .import --csv --skip 1 a.csv people
                SELECT count(*) FROM people;
                CREATE TABLE nums(x INTEGER, y REAL);
                .import --csv a.csv nums
                SELECT x, typeof(x), y, typeof(y) FROM nums;
                .import p.txt pipes
                SELECT * FROM pipes;
                .import --ascii u.txt units
                SELECT * FROM units;
                .import --csv dup.csv d
                .schema d
                SELECT * FROM d;
                .import --csv --schema main dup.csv d2
                .import --csv dup2.csv e
                .schema e
                .import --csv dup3.csv f
                .schema f
                .import nosuch.csv t
                .import a.csv
                .import --foo a.csv t
                .mode csv
                .import a.csv viacsv
                SELECT count(*) FROM viacsv;
                .import --csv crlf.csv crlf
                SELECT * FROM crlf;
                .mode list
                .output o1.txt
                SELECT 1;
                .print hi
                .output
                SELECT 2;
                .once o2.txt
                .print p
                SELECT 3;
                .once o3.txt
                SELECT * FROM people;
                SELECT 5;
                .output o4.txt
                .once o5.txt
                SELECT 9;
                SELECT 10;
                .output a b
                .once --bom o6.txt
                SELECT 'bom';
                .output dump.sql
                .dump
                .output
                CREATE INDEX people_age ON people(age);
                ANALYZE people;
                .fullschema
                """;
        Path sqliteDir = inputs("sqlite3");
        Path tursoDir = inputs("turso4j");
        ShellRun expected = Sqlite3Command.run(sqliteDir, script, "test.db");
        ShellRun actual = ShellRun.of(EngineSession::open, tursoDir, script, tursoDir.resolve("test.db").toString());
        ShellMatchesSqlite3Test.assertSameRun(expected, actual);
        for (String file : List.of("o1.txt", "o2.txt", "o3.txt", "o4.txt", "o5.txt", "o6.txt", "dump.sql")) {
            assertEquals(Files.readString(sqliteDir.resolve(file), StandardCharsets.ISO_8859_1),
                    Files.readString(tursoDir.resolve(file), StandardCharsets.ISO_8859_1), file);
        }
    }

    @Test
    void aDumpReloadsInSqlite3AndDumpsAgainTheSame() throws IOException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("FileCommandsMatchSqlite3Test seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        StringBuilder script = new StringBuilder("""
                CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, i INTEGER, r REAL, s TEXT, b BLOB, n);
                CREATE TABLE "odd name"("a b", "select");
                CREATE INDEX t_s ON t(s);
                CREATE VIEW v AS SELECT id, s FROM t;
                CREATE TRIGGER tr AFTER DELETE ON t BEGIN DELETE FROM "odd name" WHERE "a b" = old.id; END;
                """);
        for (int row = 0; row < 40; row++) {
            script.append("INSERT INTO t(i, r, s, b, n) VALUES(").append(randomInteger(random)).append(", ")
                    .append(randomReal(random))
                    .append(", ").append(randomText(random)).append(", ").append(randomBlob(random)).append(", ")
                    .append(random.nextBoolean() ? randomText(random) : randomInteger(random)).append(");\n");
            script.append("INSERT INTO \"odd name\" VALUES(").append(row).append(", ").append(randomText(random))
                    .append(");\n");
        }
        script.append("DELETE FROM t WHERE id % 7 = 3;\n.output dump.sql\n.dump\n.output\n");
        Path dir = Files.createDirectories(temp.resolve("roundtrip"));
        ShellRun ours = ShellRun.of(EngineSession::open, dir, script.toString(), dir.resolve("ours.db").toString());
        assertEquals("", ours.stderr());
        byte[] dump = Files.readAllBytes(dir.resolve("dump.sql"));
        ShellRun reload = Sqlite3Command.run(dir, ".read dump.sql\n.output again.sql\n.dump\n.output\n"
                + "PRAGMA integrity_check;\n", "reloaded.db");
        assertEquals("", reload.stderr(), "sqlite3 reading the dump");
        assertEquals("ok\n", reload.out());
        assertArrayEquals(dump, Files.readAllBytes(dir.resolve("again.sql")), "sqlite3's dump of the reloaded database");
        ShellRun direct = Sqlite3Command.run(dir, script.toString().replace("dump.sql", "direct.sql"), "direct.db");
        assertEquals("", direct.stderr());
        assertArrayEquals(Files.readAllBytes(dir.resolve("direct.sql")), dump, "sqlite3's dump of the same script");
    }

    private Path inputs(String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("a.csv"), CSV);
        Files.writeString(dir.resolve("p.txt"), "a|b\n1|2\n3|4|5\n");
        Files.writeString(dir.resolve("u.txt"), "k\u001fv\u001e1\u001fone\u001e2\u001f\"two\"\u001e");
        Files.write(dir.resolve("dup.csv"), "\ufeffa,a,,b\n1,2,3,4\n\"x,\"y\"z,5\n\"open,6\n".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("dup2.csv"), "x,a,b,a,c,d,e,f,g,h,i,A\n");
        Files.writeString(dir.resolve("dup3.csv"), "a,a_2,a\n");
        Files.writeString(dir.resolve("crlf.csv"), "x,y\r\n1,\"a\r\nb\"\r\n2,c\r\n");
        return dir;
    }

    private static String randomInteger(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "NULL";
            case 1 -> Long.toString(random.nextLong());
            default -> Integer.toString(random.nextInt(2001) - 1000);
        };
    }

    private static String randomReal(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "NULL";
            case 1 -> Double.toString((random.nextInt(2001) - 1000) / 8.0);
            case 2 -> Double.toString(Math.rint(random.nextGaussian() * 1e6));
            default -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(41) - 20));
        };
    }

    private static String randomText(Random random) {
        String[] pieces = {"a", "it's", "\"q\"", "é", "中文", " ", "\\n", "%", "_"};
        StringBuilder s = new StringBuilder();
        for (int k = random.nextInt(5); k > 0; k--) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        String literal = "'" + s.toString().replace("'", "''") + "'";
        return switch (random.nextInt(5)) {
            case 0 -> literal + " || char(10) || 'x'";
            case 1 -> "'cr' || char(13) || " + literal;
            default -> literal;
        };
    }

    private static String randomBlob(Random random) {
        if (random.nextInt(5) == 0) {
            return "NULL";
        }
        byte[] b = new byte[random.nextInt(6)];
        random.nextBytes(b);
        return "X'" + HexFormat.of().formatHex(b) + "'";
    }
}
