package io.turso4j.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the sqllogictest corpus (../shared/slt, format in its FORMAT.md) far
 * enough to get at the SQL: records separated by blank lines, {@code #}
 * comment lines dropped, CR stripped, skipif/onlyif prefixes applied for the
 * engine {@code sqlite}.
 */
public final class SltCorpus {
    /** The SQL of one record that applies to sqlite. */
    public record Record(Path file, int line, Kind kind, String sql) {}

    public enum Kind { STATEMENT_OK, STATEMENT_ERROR, QUERY }

    private SltCorpus() {}

    /** The corpus root, looked up relative to the module and repository directories; fails if absent. */
    public static Path root() {
        for (String candidate : List.of("../../shared/slt", "../shared/slt", "../../../shared/slt")) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p.normalize();
            }
        }
        throw new IllegalStateException("sqllogictest corpus not found at ../shared/slt or ../../shared/slt "
                + "relative to " + Path.of("").toAbsolutePath());
    }

    public static List<Path> files() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(f -> f.toString().endsWith(".test")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Record> read(Path file) {
        List<String> lines;
        try {
            lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Record> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int recordLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? stripCr(lines.get(i)) : "";
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!record.isEmpty()) {
                    addRecord(out, file, recordLine, record);
                    record.clear();
                }
                continue;
            }
            if (record.isEmpty()) {
                recordLine = i + 1;
            }
            record.add(line);
        }
        return out;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static void addRecord(List<Record> out, Path file, int line, List<String> lines) {
        int i = 0;
        boolean skipped = false;
        for (; i < lines.size(); i++) {
            String[] tok = lines.get(i).trim().split("\\s+");
            if (tok[0].equals("skipif") && tok.length > 1) {
                skipped |= tok[1].toLowerCase(Locale.ROOT).equals("sqlite");
            } else if (tok[0].equals("onlyif") && tok.length > 1) {
                skipped |= !tok[1].toLowerCase(Locale.ROOT).equals("sqlite");
            } else {
                break;
            }
        }
        if (skipped || i >= lines.size()) {
            return;
        }
        String[] head = lines.get(i).trim().split("\\s+");
        Kind kind;
        if (head[0].equals("statement")) {
            kind = head.length > 1 && head[1].equals("ok") ? Kind.STATEMENT_OK : Kind.STATEMENT_ERROR;
        } else if (head[0].equals("query")) {
            kind = Kind.QUERY;
        } else {
            return; // hash-threshold, halt
        }
        StringBuilder sql = new StringBuilder();
        for (int j = i + 1; j < lines.size() && !(kind == Kind.QUERY && lines.get(j).equals("----")); j++) {
            if (!sql.isEmpty()) {
                sql.append('\n');
            }
            sql.append(lines.get(j));
        }
        out.add(new Record(file, line, kind, sql.toString()));
    }
}
