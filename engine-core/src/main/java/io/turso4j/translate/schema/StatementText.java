package io.turso4j.translate.schema;

import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;

/**
 * What SQLite takes from a CREATE statement's text besides its AST: the object's name token as
 * written (error messages quote it that way: {@code table "q" already exists}), and the text it
 * stores in sqlite_schema — {@code CREATE TABLE|[UNIQUE] INDEX|VIEW|TRIGGER} followed by the
 * source from the unqualified name to the end of the statement, so TEMP, IF NOT EXISTS and a
 * schema prefix are dropped, as sqlite3EndTable, sqlite3CreateIndex and sqlite3FinishTrigger do.
 * Immutable.
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
        int end = t.size() - 1;
        while (end > i && (t.type(end) == TokenType.EOF || t.type(end) == TokenType.SEMI)) {
            end--;
        }
        String prefix = virtual ? "CREATE VIRTUAL TABLE " : "CREATE " + kind + " ";
        return new StatementText(t.text(i), prefix + sql.substring(t.start(i), t.end(end)));
    }
}
