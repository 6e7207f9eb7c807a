package io.turso4j.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.turso4j.sql.ast.SqlPrinter;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.lexer.StatementSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dialect scripts in test resources: every statement parses to exactly one
 * statement and round-trips through the printer. For sql/dialect.sql, sqlite3
 * (when installed) runs both the original script and the printed one without
 * error — so the printer's output is SQL that SQLite itself accepts.
 */
class DialectTest {
    private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    static String script(String name) throws IOException {
        try (InputStream in = DialectTest.class.getResourceAsStream("/sql/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<String> statements() throws IOException {
        return Stream.concat(StatementSplitter.split(script("dialect.sql")).stream(),
                StatementSplitter.split(script("dialect-parse-only.sql")).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void parsesAndRoundTrips(String sql) {
        List<Stmt> parsed = Parser.parseAll(sql);
        assertEquals(1, parsed.size());
        String printed = SqlPrinter.print(parsed.get(0));
        assertEquals(parsed, Parser.parseAll(printed), printed);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sqlite3RunsTheScript(boolean printed) throws Exception {
        assumeTrue(Files.isExecutable(SQLITE3), "sqlite3 not installed");
        String script = script("dialect.sql");
        if (printed) {
            StringBuilder b = new StringBuilder();
            for (Stmt s : Parser.parseAll(script)) {
                b.append(SqlPrinter.print(s)).append(";\n");
            }
            script = b.toString();
        }
        Process p = new ProcessBuilder(SQLITE3.toString(), ":memory:")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), stderr);
        assertTrue(stderr.isEmpty(), stderr);
    }
}
