package io.turso4j.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.SqlPrinter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Operator precedence and associativity: fixed cases, and a differential test
 * in which sqlite3 evaluates random operator soups both as written and as we
 * parenthesize them — equal values mean we built the tree SQLite builds.
 */
class PrecedenceTest {
    static Expr parseExpr(String sql) {
        Select s = (Select) Parser.parse("SELECT " + sql);
        return ((Select.ExprColumn) ((Select.Core) s.body()).columns().get(0)).expr();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "1 + 2 * 3 => (1 + (2 * 3))",
        "1 - 2 - 3 => ((1 - 2) - 3)",
        "a OR b AND c => (a OR (b AND c))",
        "NOT a = b => (NOT (a = b))",
        "NOT a AND b => ((NOT a) AND b)",
        "a = NOT b = c => (a = (NOT (b = c)))",
        "a < b = c < d => ((a < b) = (c < d))",
        "a = b IS c => ((a = b) IS c)",
        "a & b + c => (a & (b + c))",
        "a << b | c => ((a << b) | c)",
        "a || b * c => ((a || b) * c)",
        "a -> b || c => ((a -> b) || c)",
        "- a * b => ((- a) * b)",
        "- a COLLATE x => ((- a) COLLATE x)",
        "a || b COLLATE x => (a || (b COLLATE x))",
        "~ a + b => ((~ a) + b)",
        "a BETWEEN b AND c AND d => ((a BETWEEN b AND c) AND d)",
        "a BETWEEN b + 1 AND c * 2 => (a BETWEEN (b + 1) AND (c * 2))",
        "a BETWEEN b = c AND d => (a BETWEEN (b = c) AND d)",
        "a NOT LIKE b ESCAPE c || d => (a NOT LIKE b ESCAPE (c || d))",
        "a LIKE b = c => ((a LIKE b) = c)",
        "a = b LIKE c => ((a = b) LIKE c)",
        "a < b LIKE c => ((a < b) LIKE c)",
        "a IN (1, 2) = b => ((a IN (1, 2)) = b)",
        // one constant: SQLite's parser makes it a comparison with the value's affinity dropped
        "a IN (1) = b => ((a = (+ 1)) = b)",
        "a NOT IN (b) => (a NOT IN (b))",
        "a ISNULL = b => ((a ISNULL) = b)",
        "a = b NOT NULL => ((a = b) NOTNULL)",
        "a IS NOT DISTINCT FROM b => (a IS b)",
        "a IS DISTINCT FROM b AND c => ((a IS NOT b) AND c)",
        "NOT NOT a => (NOT (NOT a))",
        "a + - - b => (a + (- (- b)))",
    })
    void shapes(String sql, String expected) {
        assertEquals(expected, FullyParenthesized.of(parseExpr(sql)));
        assertEquals(parseExpr(sql), parseExpr(SqlPrinter.print(parseExpr(sql))));
    }

    private static final String[] BINARY = {"OR", "AND", "=", "==", "<>", "!=", "IS", "IS NOT", "<", "<=", ">", ">=",
        "&", "|", "<<", ">>", "+", "-", "*", "/", "%", "||"};

    private static String soup(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return switch (r.nextInt(6)) {
                case 0 -> "NULL";
                case 1 -> "'" + r.nextInt(10) + "'";
                default -> Integer.toString(r.nextInt(7) - 1);
            };
        }
        return switch (r.nextInt(12)) {
            case 0 -> "NOT " + soup(r, depth - 1);
            case 1 -> "- " + soup(r, depth - 1);
            case 2 -> "~ " + soup(r, depth - 1);
            case 3 -> soup(r, depth - 1) + (r.nextBoolean() ? " NOT" : "") + " BETWEEN " + soup(r, depth - 1)
                    + " AND " + soup(r, depth - 1);
            case 4 -> soup(r, depth - 1) + (r.nextBoolean() ? " NOT" : "") + " LIKE " + soup(r, depth - 1);
            case 5 -> soup(r, depth - 1) + (r.nextBoolean() ? " ISNULL" : " NOTNULL");
            case 6 -> soup(r, depth - 1) + (r.nextBoolean() ? " NOT" : "") + " IN (" + soup(r, depth - 1) + ", "
                    + soup(r, depth - 1) + ")";
            default -> soup(r, depth - 1) + " " + BINARY[r.nextInt(BINARY.length)] + " " + soup(r, depth - 1);
        };
    }

    @Test
    void sqlite3AgreesOnRandomOperatorSoups() throws Exception {
        Path sqlite3 = Path.of("/usr/bin/sqlite3");
        assumeTrue(Files.isExecutable(sqlite3), "sqlite3 not installed");
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("PrecedenceTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random r = new Random(seed);
        List<String> soups = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            String s;
            try {
                s = soup(r, 4);
                parseExpr(s);
            } catch (RuntimeException syntaxOrDepth) {
                continue; // e.g. "a BETWEEN b OR c AND d" with no second AND: not an expression
            }
            soups.add(s);
            String ours = FullyParenthesized.of(parseExpr(s));
            script.append("SELECT (").append(s).append(") IS (").append(ours).append(");\n");
        }
        Process p = new ProcessBuilder(sqlite3.toString(), ":memory:").redirectErrorStream(true).start();
        p.getOutputStream().write(script.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor();
        assertEquals(soups.size(), lines.size(), "sqlite3 output: " + lines.subList(0, Math.min(5, lines.size())));
        for (int i = 0; i < soups.size(); i++) {
            assertEquals("1", lines.get(i), soups.get(i) + "  parsed as  " + FullyParenthesized.of(parseExpr(soups.get(i))));
        }
    }
}
