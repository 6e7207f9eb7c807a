package io.turso4j.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.turso4j.sql.SqlSyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements at the edges of the grammar — keywords used as names, clauses in
 * odd orders — are accepted or rejected exactly as sqlite3 does, with its message
 * (sql/acceptance.tsv).
 */
class AcceptanceTest {
    /** Schema sqlite3 needs to get past name resolution; our parser does not look at it. */
    static final String SETUP = "CREATE TABLE t(a,b,c,[key],[end],temp,[replace],[if],[do],[nothing],raise,[like],"
            + "x,[cast]); CREATE INDEX i ON t(a); ";

    record Case(String sql, String verdict) {
        @Override
        public String toString() {
            return sql;
        }
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = AcceptanceTest.class.getResourceAsStream("/sql/acceptance.tsv")) {
            List<Case> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    out.add(new Case(line.substring(0, tab), line.substring(tab + 1)));
                }
            }
            return out;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameVerdictAsSqlite(Case c) {
        String ours;
        try {
            Parser.parseAll(c.sql());
            ours = "OK";
        } catch (SqlSyntaxException e) {
            ours = e.getMessage();
        }
        assertEquals(c.verdict(), ours);
    }

    @ParameterizedTest(name = "sqlite3: {0}")
    @MethodSource("cases")
    void verdictAgreesWithSqlite3(Case c) throws Exception {
        Path sqlite3 = Path.of("/usr/bin/sqlite3");
        assumeTrue(Files.isExecutable(sqlite3), "sqlite3 not installed");
        Process p = new ProcessBuilder(sqlite3.toString(), ":memory:", SETUP + c.sql())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        p.waitFor();
        assertEquals(c.verdict(), err.isEmpty() ? "OK" : err.replace("Error: in prepare, ", ""));
    }
}
