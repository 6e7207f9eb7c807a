package io.turso4j;

import io.turso4j.function.FunctionRegistry;
import java.util.List;
import java.util.Random;

/**
 * Generates random SQL expressions over literals of every storage class: arithmetic, bitwise,
 * comparison (with collations), logic, IS, CASE, CAST, IN, BETWEEN, NULL tests, scalar
 * subqueries, and calls of those functions that {@link FunctionRegistry#builtins()} resolves
 * (so the mix grows as functions land). Deterministic for a seed.
 */
final class RandomExpressions {
    private static final String[] INTEGERS = {
        "0", "1", "2", "-1", "7", "42", "255", "9223372036854775807", "-9223372036854775808", "4294967296",
        "9223372036854775808", "0x10", "0xffffffffffffffff", "1000000007",
    };
    private static final String[] REALS = {"0.0", "1.5", "-2.25", "1e10", "3.0", "1e308", "0.1", "-0.0", "123.456", "2.5e-3"};
    private static final String[] TEXTS = {
        "''", "'abc'", "'ABC'", "'12'", "' 3.5'", "'1e3'", "'0x10'", "'12abc'", "'-7'", "'a '", "'9223372036854775808'",
        "'1.0'", "' '", "'Z'",
    };
    private static final String[] BLOBS = {"x''", "x'00'", "x'41'", "x'3132'", "x'ff00'"};
    private static final String[] BINARY = {
        "+", "-", "*", "/", "%", "||", "&", "|", "<<", ">>", "=", "==", "!=", "<>", "<", "<=", ">", ">=",
        "AND", "OR", "IS", "IS NOT",
    };
    private static final String[] TYPES = {"INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC", "VARCHAR(5)", "FLOATY", ""};
    private static final String[] COLLATIONS = {"BINARY", "NOCASE", "RTRIM"};
    private static final Object[][] FUNCTIONS = {
        {"abs", 1}, {"length", 1}, {"lower", 1}, {"upper", 1}, {"typeof", 1}, {"coalesce", 2}, {"coalesce", 3},
        {"ifnull", 2}, {"nullif", 2}, {"hex", 1}, {"quote", 1}, {"round", 1}, {"round", 2}, {"substr", 2},
        {"substr", 3}, {"trim", 1}, {"ltrim", 1}, {"rtrim", 1}, {"instr", 2}, {"replace", 3}, {"min", 2},
        {"max", 2}, {"iif", 3}, {"unicode", 1}, {"char", 2}, {"sign", 1}, {"like", 2}, {"glob", 2},
        {"octet_length", 1}, {"unhex", 1}, {"concat", 2}, {"concat_ws", 3},
    };

    private final Random random;
    private final List<Object[]> functions;

    RandomExpressions(long seed) {
        this.random = new Random(seed);
        FunctionRegistry registry = FunctionRegistry.builtins();
        this.functions = java.util.Arrays.stream(FUNCTIONS)
                .filter(f -> registry.scalar((String) f[0], (Integer) f[1]) != null)
                .toList();
    }

    int functionCount() {
        return functions.size();
    }

    String expression(int depth) {
        if (depth <= 0 || random.nextInt(4) == 0) {
            return literal();
        }
        int d = depth - 1;
        return switch (random.nextInt(14)) {
            case 0, 1, 2 -> "(" + expression(d) + " " + pick(BINARY) + " " + expression(d) + ")";
            case 3 -> "(" + pick(new String[] {"-", "+", "~", "NOT "}) + expression(d) + ")";
            case 4 -> "CAST(" + expression(d) + " AS " + pick(TYPES) + ")";
            case 5 -> caseExpr(d);
            case 6 -> "(" + expression(d) + (random.nextBoolean() ? " NOT" : "") + " IN (" + list(d) + "))";
            case 7 -> "(" + expression(d) + (random.nextBoolean() ? " NOT" : "") + " BETWEEN " + expression(d)
                    + " AND " + expression(d) + ")";
            case 8 -> "(" + expression(d) + pick(new String[] {" ISNULL", " NOTNULL", " IS NULL", " IS NOT NULL"}) + ")";
            case 9 -> "(" + expression(d) + " COLLATE " + pick(COLLATIONS) + " " + pick(new String[] {"=", "<", ">=", "!="})
                    + " " + expression(d) + ")";
            case 10 -> "(SELECT " + expression(d) + ")";
            case 11 -> functions.isEmpty() ? literal() : call(d);
            case 12 -> "(" + expression(d) + (random.nextBoolean() ? " NOT" : "") + " IN (VALUES (" + expression(d)
                    + "), (" + expression(d) + ")))";
            default -> "(" + expression(d) + " " + pick(new String[] {"=", "<", "IS"}) + " " + expression(d) + ")";
        };
    }

    /**
     * A SELECT of {@code columns} columns: table-less cores and single-row VALUES joined by
     * compound operators, with an ORDER BY over every column (so the order is total) and
     * LIMIT/OFFSET. Left out, as known differences from SQLite 3.54: multi-row VALUES inside a
     * compound and LIMIT 1 on a compound (which of equal rows survives, and their order).
     */
    String compoundSelect(int columns, int depth) {
        StringBuilder sb = new StringBuilder(arm(columns, depth));
        int arms = random.nextInt(4);
        for (int i = 0; i < arms; i++) {
            sb.append(' ').append(pick(new String[] {"UNION", "UNION ALL", "INTERSECT", "EXCEPT"})).append(' ')
                    .append(arm(columns, depth));
        }
        if (random.nextBoolean()) {
            sb.append(" ORDER BY ");
            for (int c = 1; c <= columns; c++) {
                sb.append(c > 1 ? ", " : "").append(c).append(random.nextBoolean() ? " DESC" : "");
            }
        }
        if (random.nextInt(3) == 0) {
            sb.append(" LIMIT ").append(new int[] {-1, 0, 2, 3}[random.nextInt(4)]);
            if (random.nextBoolean()) {
                sb.append(" OFFSET ").append(random.nextInt(3));
            }
        }
        return sb.toString();
    }

    /**
     * A SELECT over a subquery {@code (… compound of two columns a, b …) AS t}: expressions
     * over {@code a}, {@code b} and literals, a WHERE (which SQLite pushes down into the
     * compound's arms) and ORDER BY.
     */
    String selectFromSubquery(int depth) {
        String source = "SELECT " + expression(depth) + " AS a, " + expression(depth) + " AS b UNION ALL "
                + compoundSelect(2, depth).replaceFirst(" ORDER BY .*| LIMIT .*", "");
        StringBuilder sb = new StringBuilder("SELECT ");
        sb.append(columnExpression(depth)).append(", ").append(columnExpression(depth));
        sb.append(" FROM (").append(source).append(") AS t");
        if (random.nextBoolean()) {
            sb.append(" WHERE ").append(columnExpression(depth));
        }
        sb.append(" ORDER BY 1, 2");
        return sb.toString();
    }

    /** An expression combining one of the columns a and b with a random expression. */
    private String columnExpression(int depth) {
        String e = expression(depth);
        return random.nextBoolean()
                ? "(" + pick(new String[] {"a", "b", "t.a", "t.b"}) + " " + pick(BINARY) + " " + e + ")"
                : "(" + e + " " + pick(new String[] {"=", "<", "IS", "||", "+"}) + " " + pick(new String[] {"a", "b"}) + ")";
    }

    private String arm(int columns, int depth) {
        if (random.nextBoolean()) {
            StringBuilder sb = new StringBuilder("SELECT ");
            for (int c = 0; c < columns; c++) {
                sb.append(c > 0 ? ", " : "").append(expression(depth));
            }
            if (random.nextInt(4) == 0) {
                sb.append(" WHERE ").append(expression(depth));
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder("VALUES ");
        int rows = 1;
        for (int r = 0; r < rows; r++) {
            sb.append(r > 0 ? ", (" : "(");
            for (int c = 0; c < columns; c++) {
                sb.append(c > 0 ? ", " : "").append(expression(depth));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private String call(int d) {
        Object[] f = functions.get(random.nextInt(functions.size()));
        StringBuilder sb = new StringBuilder((String) f[0]).append('(');
        for (int i = 0; i < (Integer) f[1]; i++) {
            sb.append(i > 0 ? ", " : "").append(expression(d));
        }
        return sb.append(')').toString();
    }

    private String caseExpr(int d) {
        StringBuilder sb = new StringBuilder("CASE");
        if (random.nextBoolean()) {
            sb.append(' ').append(expression(d));
        }
        int whens = 1 + random.nextInt(3);
        for (int i = 0; i < whens; i++) {
            sb.append(" WHEN ").append(expression(d)).append(" THEN ").append(expression(d));
        }
        if (random.nextBoolean()) {
            sb.append(" ELSE ").append(expression(d));
        }
        return sb.append(" END").toString();
    }

    private String list(int d) {
        int n = random.nextInt(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append(expression(d));
        }
        return sb.toString();
    }

    private String literal() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(INTEGERS);
            case 2 -> pick(REALS);
            case 3 -> pick(TEXTS);
            case 4 -> pick(BLOBS);
            default -> random.nextInt(3) == 0 ? "NULL" : pick(INTEGERS);
        };
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
