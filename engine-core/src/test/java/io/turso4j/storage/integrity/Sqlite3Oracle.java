package io.turso4j.storage.integrity;

import io.turso4j.storage.format.Sqlite3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real sqlite3 shell (3.40): builds test databases and says what its integrity_check finds. */
final class Sqlite3Oracle {
    private static final String BINARY = Sqlite3.BINARY;
    /** Row separator for the shell's output, so a multi-line value stays one row. */
    private static final String ROW_SEPARATOR = "\u001e";
    private static final String MAIN_HEADER = "*** in database main ***\n";

    private Sqlite3Oracle() {}

    /** Creates {@code dir/name} by running {@code script} in sqlite3 and returns its bytes. */
    static byte[] create(Path dir, String name, String script) throws IOException, InterruptedException {
        Path db = dir.resolve(name);
        Files.deleteIfExists(db);
        Sqlite3.run(db, script);
        return Files.readAllBytes(db);
    }

    /** The rows sqlite3 prints for {@code sql} on the database {@code image} (stderr ignored). */
    static List<String> rows(Path dir, byte[] image, String sql) throws IOException, InterruptedException {
        Path db = Files.createTempFile(dir, "oracle", ".db");
        try {
            Files.write(db, image);
            Process p = new ProcessBuilder(BINARY, "-batch", "-newline", ROW_SEPARATOR, "-separator", "|",
                    "-cmd", ".explain off", db.toString(), sql)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("sqlite3 timed out on " + sql);
            }
            String[] rows = out.split(ROW_SEPARATOR, -1);
            return Arrays.asList(rows).subList(0, rows.length - 1);
        } finally {
            Files.deleteIfExists(db);
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-journal"));
        }
    }

    /**
     * The storage-level lines of sqlite3's {@code PRAGMA integrity_check(maxErrors)}: the first
     * row's lines after "*** in database main ***", or none when that row is "ok" or an
     * SQL-level message (index content checks are not the storage level's). Null when sqlite3
     * gave no row at all (it could not read the schema).
     */
    static List<String> storageMessages(Path dir, byte[] image, int maxErrors) throws IOException, InterruptedException {
        return storageMessages(dir, image, String.valueOf(maxErrors));
    }

    /** As above, for {@code PRAGMA integrity_check(argument)}: a limit or a table name. */
    static List<String> storageMessages(Path dir, byte[] image, String argument) throws IOException, InterruptedException {
        List<String> rows = rows(dir, image, "PRAGMA integrity_check(" + argument + ")");
        if (rows.isEmpty()) {
            return null;
        }
        String first = rows.get(0);
        if (!first.startsWith(MAIN_HEADER)) {
            return List.of();
        }
        return List.of(first.substring(MAIN_HEADER.length()).split("\n", -1));
    }

    /**
     * The root pages sqlite3 checks, in its order (the P4 array of its IntegrityCk opcode,
     * which follows its schema hash table, not sqlite_schema's order).
     */
    static List<Long> checkedRoots(Path dir, byte[] image) throws IOException, InterruptedException {
        return checkedRoots(dir, image, "PRAGMA integrity_check");
    }

    /** As above for another form of the pragma, e.g. {@code PRAGMA integrity_check(t)}. */
    static List<Long> checkedRoots(Path dir, byte[] image, String pragma) throws IOException, InterruptedException {
        for (String row : rows(dir, image, "EXPLAIN " + pragma)) {
            String[] f = row.split("\\|", -1);
            if (f.length > 5 && f[1].equals("IntegrityCk")) {
                List<Long> roots = new ArrayList<>();
                for (String r : f[5].replace("[", "").replace("]", "").split(",")) {
                    roots.add(Long.parseLong(r));
                }
                return roots;
            }
        }
        throw new IOException("no IntegrityCk in sqlite3's program");
    }
}
