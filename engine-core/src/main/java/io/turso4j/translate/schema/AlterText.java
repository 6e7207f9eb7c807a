package io.turso4j.translate.schema;

import io.turso4j.schema.Identifiers;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * The sqlite_schema text edits of ALTER TABLE, made on tokens so that everything else in the
 * text — spacing, case, comments — stays as written, as SQLite's sqlite_rename_table,
 * sqlite_rename_column and ADD/DROP COLUMN edits keep it: a renamed table is written
 * {@code "new"}; a renamed column bare unless it was quoted or needs quotes; an added column's
 * definition goes after the last column definition (before the table constraints); a dropped
 * column's definition leaves with the comma that joined it to the previous one.
 *
 * <p>Which name tokens mean the table or the column is judged from the tokens around them (a
 * name before {@code .}, after FROM, JOIN, ON, INTO, UPDATE, REFERENCES or TABLE, or after a
 * comma in a FROM list), not by resolving names as SQLite does; a column that shares its
 * name with another table's column in a view is renamed too. Stateless.
 */
public final class AlterText {
    private AlterText() {
    }

    /** The text with every reference to table {@code from} naming {@code to} instead. */
    public static String renameTable(String sql, String from, String to) {
        Tokens t = Lexer.tokenize(sql);
        List<int[]> edits = new ArrayList<>();
        List<TokenType> clause = new ArrayList<>();
        clause.add(null);
        for (int i = 0; i < t.size(); i++) {
            TokenType type = t.type(i);
            if (type == TokenType.LP) {
                clause.add(null);
            } else if (type == TokenType.RP && clause.size() > 1) {
                clause.removeLast();
            } else if (isClause(type)) {
                clause.set(clause.size() - 1, type);
            }
            if (!isName(t, i) || !Identifiers.same(dequote(t.text(i)), from)) {
                continue;
            }
            TokenType before = i > 0 ? t.type(i - 1) : null;
            TokenType last = clause.getLast();
            boolean fromList = before == TokenType.COMMA
                    && (last == TokenType.FROM || last == TokenType.JOIN || last == TokenType.ON);
            if (t.type(i + 1) == TokenType.DOT || fromList || before == TokenType.TABLE || before == TokenType.FROM
                    || before == TokenType.JOIN || before == TokenType.ON || before == TokenType.INTO
                    || before == TokenType.UPDATE || before == TokenType.REFERENCES || before == TokenType.EXISTS) {
                edits.add(new int[] {i});
            }
        }
        return apply(t, sql, edits, i -> quoted(to));
    }

    /**
     * The text with the column {@code from} named {@code to}: every name token equal to
     * {@code from} except the object's own name, qualified names' qualifiers, function names,
     * and what REFERENCES names (another table and its columns) — unless {@code refs} names
     * this table, when only the column list after {@code REFERENCES refs} is edited.
     */
    public static String renameColumn(String sql, String from, String to, String refs) {
        Tokens t = Lexer.tokenize(sql);
        List<int[]> edits = new ArrayList<>();
        int references = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.type(i) == TokenType.REFERENCES) {
                references = i;
            }
            if (!isName(t, i) || !Identifiers.same(dequote(t.text(i)), from)) {
                continue;
            }
            TokenType before = i > 0 ? t.type(i - 1) : null;
            if (t.type(i + 1) == TokenType.DOT || t.type(i + 1) == TokenType.LP || before == TokenType.TABLE
                    || before == TokenType.VIEW || before == TokenType.INDEX || before == TokenType.TRIGGER) {
                continue;
            }
            boolean inReferences = references >= 0 && inParensAfter(t, references + 1, i);
            if (refs == null ? !inReferences
                    : inReferences && Identifiers.same(dequote(t.text(references + 1)), refs)) {
                edits.add(new int[] {i});
            }
        }
        return apply(t, sql, edits, i -> {
            String old = t.text(i);
            return isIdStart(old.charAt(0)) && isPlain(to) ? to : quoted(to);
        });
    }

    /** Whether token {@code i} sits in the parentheses right after the name at {@code name}. */
    private static boolean inParensAfter(Tokens t, int name, int i) {
        if (i <= name + 1 || t.type(name + 1) != TokenType.LP) {
            return false;
        }
        int close = CreateTableSource.matching(t, name + 1);
        return i < close;
    }

    /** A CREATE TABLE text with {@code definition} added as its last column. */
    public static String addColumn(String tableSql, String definition) {
        Tokens t = Lexer.tokenize(tableSql);
        List<int[]> columns = columnSegments(t);
        int end = t.end(columns.getLast()[1]);
        return tableSql.substring(0, end) + ", " + definition + tableSql.substring(end);
    }

    /** A CREATE TABLE text without the definition of column number {@code index}. */
    public static String dropColumn(String tableSql, int index) {
        Tokens t = Lexer.tokenize(tableSql);
        List<int[]> columns = columnSegments(t);
        int[] seg = columns.get(index);
        if (index > 0) {
            return tableSql.substring(0, t.end(columns.get(index - 1)[1])) + tableSql.substring(t.end(seg[1]));
        }
        int next = seg[1] + 2; // past the comma
        return tableSql.substring(0, t.start(seg[0])) + tableSql.substring(t.start(next));
    }

    /** Whether the definition of column number {@code index} has a column-level UNIQUE constraint. */
    public static boolean declaresUnique(String tableSql, int index) {
        Tokens t = Lexer.tokenize(tableSql);
        int[] seg = columnSegments(t).get(index);
        for (int i = seg[0]; i <= seg[1]; i++) {
            if (t.type(i) == TokenType.UNIQUE) {
                return true;
            }
        }
        return false;
    }

    /** The first and last token of each column definition of a CREATE TABLE. */
    private static List<int[]> columnSegments(Tokens t) {
        int i = 0;
        while (t.type(i) != TokenType.LP) {
            i++;
        }
        int close = CreateTableSource.matching(t, i);
        List<int[]> out = new ArrayList<>();
        int start = i + 1;
        while (start < close) {
            TokenType first = t.type(start);
            if (first == TokenType.CONSTRAINT || first == TokenType.PRIMARY || first == TokenType.UNIQUE
                    || first == TokenType.CHECK || first == TokenType.FOREIGN) {
                break;
            }
            int end = start;
            int depth = 0;
            while (end < close && (depth > 0 || t.type(end) != TokenType.COMMA)) {
                if (t.type(end) == TokenType.LP) {
                    depth++;
                } else if (t.type(end) == TokenType.RP) {
                    depth--;
                }
                end++;
            }
            out.add(new int[] {start, end - 1});
            start = end + 1;
        }
        return out;
    }

    /** The text of an ALTER TABLE … ADD [COLUMN] statement's column definition, trailing spaces and ";" dropped. */
    public static String addedDefinition(String alterSql) {
        Tokens t = Lexer.tokenize(alterSql);
        int i = 0;
        while (t.type(i) != TokenType.ADD) {
            i++;
        }
        i++;
        if (t.type(i) == TokenType.COLUMN) {
            i++;
        }
        int last = t.size() - 1;
        while (last > i && (t.type(last) == TokenType.EOF || t.type(last) == TokenType.SEMI)) {
            last--;
        }
        return alterSql.substring(t.start(i), t.end(last));
    }

    /** Whether a name token equal to {@code name} appears in {@code sql} other than as a qualifier or function. */
    public static boolean mentions(String sql, String name) {
        Tokens t = Lexer.tokenize(sql);
        for (int i = 0; i < t.size(); i++) {
            if (isName(t, i) && Identifiers.same(dequote(t.text(i)), name) && t.type(i + 1) != TokenType.DOT
                    && t.type(i + 1) != TokenType.LP) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClause(TokenType type) {
        return switch (type) {
            case SELECT, FROM, JOIN, ON, USING, WHERE, GROUP, HAVING, ORDER, LIMIT, WINDOW, SET, VALUES -> true;
            default -> false;
        };
    }

    private static boolean isName(Tokens t, int i) {
        TokenType type = t.type(i);
        return type == TokenType.ID || type.kind() == TokenType.Kind.FALLBACK
                || (type == TokenType.STRING && t.text(i).startsWith("\""));
    }

    private interface Replacement {
        String of(int token);
    }

    private static String apply(Tokens t, String sql, List<int[]> edits, Replacement replacement) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int[] e : edits) {
            out.append(sql, at, t.start(e[0])).append(replacement.of(e[0]));
            at = t.end(e[0]);
        }
        return out.append(sql.substring(at)).toString();
    }

    /** {@code "name"}, with inner quotes doubled. */
    public static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static boolean isIdStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 0x7f;
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty() || !isIdStart(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isIdStart(c) && !Character.isDigit(c) && c != '$') {
                return false;
            }
        }
        return true;
    }

    /** A name token's text without its quotes ({@code "x"}, {@code [x]}, {@code `x`}, {@code 'x'}). */
    static String dequote(String token) {
        if (token.length() >= 2) {
            char q = token.charAt(0);
            if (q == '[') {
                return token.substring(1, token.length() - 1);
            }
            if (q == '"' || q == '`' || q == '\'') {
                String doubled = String.valueOf(q) + q;
                return token.substring(1, token.length() - 1).replace(doubled, String.valueOf(q));
            }
        }
        return token;
    }
}
