package io.turso4j.sql.lexer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements the way {@code sqlite3_complete} (complete.c)
 * decides where a statement ends: at a {@code ;} outside strings, quoted names
 * and comments — except inside {@code CREATE [TEMP] TRIGGER … BEGIN … END},
 * whose body holds semicolons of its own and ends only at {@code END;}.
 *
 * <p>The state machine, over token classes (keywords by spelling, as SQLite
 * does; comments and whitespace change nothing):
 * <pre>
 *                SEMI  OTHER  EXPLAIN  CREATE  TEMP  TRIGGER  END
 *   0 START        0     1       2        3      1      1      1
 *   1 NORMAL       0     1       1        1      1      1      1
 *   2 EXPLAIN      0     2       1        3      1      1      1
 *   3 CREATE       0     1       1        1      3      4      1
 *   4 TRIGGER      5     4       4        4      4      4      4
 *   5 SEMI         5     4       4        4      4      4      6
 *   6 END          0     4       4        4      4      4      4
 * </pre>
 * A statement is complete when a SEMI brings the machine back to START.
 * Stateless; any thread may call.
 */
public final class StatementSplitter {
    private static final int START = 0, NORMAL = 1, EXPLAIN = 2, CREATE = 3, TRIGGER = 4, SEMI = 5, END = 6;
    private static final int T_SEMI = 0, T_OTHER = 1, T_EXPLAIN = 2, T_CREATE = 3, T_TEMP = 4, T_TRIGGER = 5,
            T_END = 6;
    private static final int[][] NEXT = {
        {START, NORMAL, EXPLAIN, CREATE, NORMAL, NORMAL, NORMAL},
        {START, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL, NORMAL},
        {START, EXPLAIN, NORMAL, CREATE, NORMAL, NORMAL, NORMAL},
        {START, NORMAL, NORMAL, NORMAL, CREATE, TRIGGER, NORMAL},
        {SEMI, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER},
        {SEMI, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER, END},
        {START, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER, TRIGGER},
    };

    private StatementSplitter() {}

    /**
     * The statements of {@code script}, each with its terminating {@code ;},
     * surrounding whitespace trimmed; empty statements are dropped. Text after
     * the last complete statement (an unfinished statement, an unterminated
     * string) is returned as a last element, so that parsing it reports the error.
     */
    public static List<String> split(String script) {
        Tokens tokens = Lexer.tokenize(script);
        List<String> out = new ArrayList<>();
        int state = START;
        int stmtStart = -1;
        for (int i = 0; i < tokens.size(); i++) {
            TokenType t = tokens.type(i);
            if (t == TokenType.EOF) {
                break;
            }
            if (stmtStart < 0 && t != TokenType.SEMI) {
                stmtStart = tokens.start(i);
            }
            state = NEXT[state][tokenClass(t)];
            if (state == START && t == TokenType.SEMI) {
                if (stmtStart >= 0) {
                    out.add(script.substring(stmtStart, tokens.end(i)));
                }
                stmtStart = -1;
            }
        }
        if (stmtStart >= 0) {
            out.add(script.substring(stmtStart).strip());
        }
        return out;
    }

    /**
     * {@code sqlite3_complete}: true if {@code sql} ends with a complete statement —
     * not inside a string, quoted name, block comment or trigger body.
     */
    public static boolean isComplete(String sql) {
        Tokens tokens = Lexer.tokenize(sql);
        int state = START;
        boolean any = false;
        int lastEnd = 0;
        for (int i = 0; i < tokens.size(); i++) {
            TokenType t = tokens.type(i);
            if (t == TokenType.EOF) {
                break;
            }
            if (t == TokenType.ILLEGAL && tokens.end(i) == sql.length() && unterminated(sql, tokens.start(i))) {
                return false;
            }
            state = NEXT[state][tokenClass(t)];
            any = true;
            lastEnd = tokens.end(i);
        }
        return any && state == START && !openBlockComment(sql, lastEnd);
    }

    /** True if the comments and whitespace in {@code sql[from..]} end inside an unclosed block comment. */
    private static boolean openBlockComment(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            if (sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    return true;
                }
                i = close + 2;
            } else {
                i++;
            }
        }
        return false;
    }

    private static boolean unterminated(String sql, int start) {
        char c = sql.charAt(start);
        return c == '\'' || c == '"' || c == '`' || c == '[' || ((c == 'x' || c == 'X') && sql.indexOf('\'', start) > 0);
    }

    private static int tokenClass(TokenType t) {
        return switch (t) {
            case SEMI -> T_SEMI;
            case EXPLAIN -> T_EXPLAIN;
            case CREATE -> T_CREATE;
            case TEMP, TEMPORARY -> T_TEMP;
            case TRIGGER -> T_TRIGGER;
            case END -> T_END;
            default -> T_OTHER;
        };
    }
}
