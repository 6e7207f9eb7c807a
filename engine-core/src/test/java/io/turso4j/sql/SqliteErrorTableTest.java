package io.turso4j.sql;

import io.turso4j.error.ResultCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.turso4j.sql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rejections match sqlite3: each malformed statement in sql/syntax-errors.tsv
 * fails to parse with exactly the message sqlite3 printed for it.
 */
class SqliteErrorTableTest {
    private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    static Stream<SyntaxErrorCases.Case> cases() {
        return SyntaxErrorCases.load().stream();
    }

    @Test
    void tableIsLargeEnough() {
        assertTrue(SyntaxErrorCases.load().size() >= 60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithSqlitesMessage(SyntaxErrorCases.Case c) {
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class, () -> Parser.parseAll(c.sql()));
        assertEquals(c.message(), e.getMessage());
        assertEquals(ResultCode.ERROR, e.code());
    }

    /** Re-derives each expected message from the real sqlite3, when it is installed. */
    @ParameterizedTest(name = "sqlite3: {0}")
    @MethodSource("cases")
    void tableAgreesWithSqlite3(SyntaxErrorCases.Case c) throws Exception {
        assumeTrue(Files.isExecutable(SQLITE3), "sqlite3 not installed");
        Process p = new ProcessBuilder(SQLITE3.toString(), ":memory:", c.sql())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String first = stderr.lines().findFirst().orElse("");
        assertEquals("Error: in prepare, " + c.message(), first);
    }

}
