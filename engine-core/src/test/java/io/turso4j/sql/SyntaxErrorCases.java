package io.turso4j.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The table in {@code sql/syntax-errors.tsv}: malformed SQL and sqlite3's message for it. */
final class SyntaxErrorCases {
    record Case(String sql, String message) {
        @Override
        public String toString() {
            return sql;
        }
    }

    private SyntaxErrorCases() {}

    static List<Case> load() {
        try (InputStream in = SyntaxErrorCases.class.getResourceAsStream("/sql/syntax-errors.tsv")) {
            if (in == null) {
                throw new IllegalStateException("sql/syntax-errors.tsv missing from test resources");
            }
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                cases.add(new Case(line.substring(0, tab), line.substring(tab + 1)));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
