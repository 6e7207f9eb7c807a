package io.turso4j.translate.schema;

import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.parser.Parser;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;

/**
 * What SQLite takes from a CREATE statement's text besides its AST: the object's name token as
 * written (error messages quote it that way: {@code table "q" already exists}), and the text it
 * stores in sqlite_schema — {@code CREATE TABLE|[UNIQUE] INDEX|VIEW|TRIGGER} followed by the
 * source from the unqualified name to the end of the statement, so TEMP, IF NOT EXISTS and a
 * schema prefix are dropped. Where the stored text ends follows each of SQLite's routines:
 * a table ends at its ")" — or, with table options, just before the terminating ";" (spaces
 * kept); an index just before the ";" (spaces kept); a view there too but with trailing spaces
 * trimmed; a trigger and a virtual table at their last token. Immutable.
 *
 * @param nameToken the object name as written (quotes included)
 * @param storedSql the text for sqlite_schema.sql
 */
public record StatementText(String nameToken, String storedSql) {

    /** Reads a CREATE TABLE, INDEX, VIEW, TRIGGER or VIRTUAL TABLE statement's text. */
    public static StatementText of(String sql) {
        Tokens t = Lexer.tokenize(sql);
        int i = 1;
        boolean unique = false;
        String kind = null;
        while (kind == null && i < t.size() - 1) {
            switch (t.type(i)) {
                case UNIQUE -> unique = true;
                case TABLE -> kind = "TABLE";
                case INDEX -> kind = unique ? "UNIQUE INDEX" : "INDEX";
                case VIEW -> kind = "VIEW";
                case TRIGGER -> kind = "TRIGGER";
                default -> {
                }
            }
            i++;
        }
        boolean virtual = t.size() > 1 && t.type(1) == TokenType.VIRTUAL;
        if (t.type(i) == TokenType.IF) {
            i += t.type(i + 1) == TokenType.NOT ? 3 : 2;
        }
        if (t.type(i + 1) == TokenType.DOT) {
            i += 2;
        }
        Parser parser = new Parser(sql);
        parser.next();
        int term = t.size() - 1;
        while (term > i && t.start(term) >= parser.offset()) {
            term--;
        }
        if (t.type(term) != TokenType.SEMI) {
            term = t.size() - 1;
        }
        int last = term - 1;
        // Without a ";" the statement ends at its last token (as SQLite, run through sqlite-jdbc, stores it).
        int stop = t.type(term) == TokenType.SEMI ? t.start(term) : t.end(last);
        int end = switch (virtual ? "VIRTUAL" : kind) {
            case "TABLE" -> t.type(last) == TokenType.RP ? t.end(last) : stop;
            case "INDEX", "UNIQUE INDEX" -> stop;
            case "VIEW" -> {
                int e = stop;
                while (e > t.start(i) && CreateTableSource.isSpace(sql.charAt(e - 1))) {
                    e--;
                }
                yield e;
            }
            default -> t.end(last);
        };
        String prefix = virtual ? "CREATE VIRTUAL TABLE " : "CREATE " + kind + " ";
        return new StatementText(t.text(i), prefix + sql.substring(t.start(i), end));
    }
}
