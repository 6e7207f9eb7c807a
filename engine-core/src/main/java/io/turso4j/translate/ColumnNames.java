package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Result column names as sqlite3 gives them ({@code sqlite3_column_name}): the alias if there
 * is one; else, for an expression, its text exactly as written (SQLite keeps the span of the
 * source), for VALUES {@code column1}, {@code column2}, …; a compound takes its leftmost
 * SELECT's names.
 *
 * <p>The AST keeps where an expression starts but not where it ends, so the end is found by
 * scanning tokens from the start to the first {@code ,} or clause keyword outside parentheses.
 * Stateless; any thread.
 */
final class ColumnNames {
    private ColumnNames() {}

    /**
     * The names of {@code select}'s result columns; a core that {@code codegen} compiled has
     * them from there (where {@code *} and column references were resolved).
     */
    static List<String> of(Select select, String sql, SelectCodegen codegen) {
        Select.Body body = select.body();
        while (body instanceof Select.Compound c) {
            body = c.left();
        }
        List<String> names = new ArrayList<>();
        switch (body) {
            case Select.Values v -> {
                for (int i = 1; i <= v.rows().getFirst().size(); i++) {
                    names.add("column" + i);
                }
            }
            case Select.Core core when codegen.namesOf(core) != null -> names.addAll(codegen.namesOf(core));
            case Select.Core core -> {
                Tokens tokens = Lexer.tokenize(sql);
                for (Select.ResultColumn rc : core.columns()) {
                    names.add(switch (rc) {
                        case Select.ExprColumn ec when ec.alias() != null -> ec.alias();
                        case Select.ExprColumn ec -> span(tokens, sql, ec.expr());
                        case Select.Star s -> "*";
                        case Select.TableStar t -> t.table() + ".*";
                    });
                }
            }
            case Select.Compound c -> throw new IllegalStateException("unreachable");
        }
        return names;
    }

    /**
     * {@code names} made distinct (ignoring case) as SQLite names a subquery's columns
     * (sqlite3ColumnsFromExprList): a name seen before gets {@code :1}, {@code :2}, … in place
     * of any {@code :digits} suffix, counting up until it is new.
     */
    static List<String> distinct(List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String unique = name;
            int count = 0;
            while (!seen.add(unique.toLowerCase(java.util.Locale.ROOT))) {
                int end = unique.length();
                int j = end - 1;
                while (j > 0 && Character.isDigit(unique.charAt(j))) {
                    j--;
                }
                if (j > 0 && unique.charAt(j) == ':') {
                    end = j;
                }
                unique = unique.substring(0, end) + ":" + ++count;
            }
            out.add(unique);
        }
        return out;
    }

    /** The source text of {@code e}. */
    static String span(Tokens tokens, String sql, Expr e) {
        int start = ExprTyping.startOffset(e);
        if (start < 0) {
            return "";
        }
        int first = 0;
        while (first < tokens.size() && tokens.start(first) < start) {
            first++;
        }
        while (first > 0 && tokens.type(first - 1) == TokenType.LP) {
            first--;
        }
        int depth = 0;
        int last = first;
        for (int i = first; i < tokens.size(); i++) {
            TokenType t = tokens.type(i);
            if (t == TokenType.LP) {
                depth++;
            } else if (t == TokenType.RP) {
                if (--depth < 0) {
                    break;
                }
            } else if (depth == 0 && ends(t, i > 0 ? tokens.type(i - 1) : null)) {
                break;
            }
            last = i;
        }
        return sql.substring(tokens.start(first), tokens.end(last));
    }

    private static boolean ends(TokenType t, TokenType previous) {
        return switch (t) {
            case COMMA, SEMI, EOF, AS, WHERE, GROUP, HAVING, WINDOW, ORDER, LIMIT, UNION, INTERSECT, EXCEPT -> true;
            case FROM -> previous != TokenType.DISTINCT;
            default -> false;
        };
    }
}
