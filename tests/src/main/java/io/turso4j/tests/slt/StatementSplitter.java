package io.turso4j.tests.slt;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into its statements the way {@code sqlite3_exec} walks one, using the
 * rules of {@code sqlite3_complete}: a {@code ;} ends a statement unless it is inside a string,
 * a quoted identifier ({@code "..."}, {@code `...`}, {@code [...]}), a comment ({@code --} to end
 * of line, {@code /* ... *}{@code /}), or the body of a {@code CREATE [TEMP] TRIGGER}, which ends
 * only at {@code ; END ;}. Pieces holding nothing but whitespace, comments and semicolons are
 * dropped.
 *
 * <p>Stand-in until turso4j's SQL front end is merged: the engine's own tokenizer should then do
 * this, and this class goes away. Stateless; any thread.
 */
public final class StatementSplitter {

    private StatementSplitter() {}

    /** Token classes that drive the state machine. */
    private enum Token { SEMI, SPACE, OTHER, EXPLAIN, CREATE, TEMP, TRIGGER, END }

    /**
     * Where the scan is within the current statement. A statement is complete at a SEMI in any
     * state except TRIGGER_BODY and TRIGGER_SEMI.
     */
    private enum State {
        /** Nothing but whitespace/comments/semicolons since the last statement. */
        START,
        /** Inside an ordinary statement. */
        NORMAL,
        /** Saw EXPLAIN as the first word: CREATE may still follow. */
        EXPLAIN,
        /** Saw CREATE (optionally TEMP) as the first words: TRIGGER may follow. */
        CREATE,
        /** Inside a trigger definition, where semicolons do not end the statement. */
        TRIGGER_BODY,
        /** Inside a trigger right after a semicolon: END here may close it. */
        TRIGGER_SEMI,
        /** Saw "; END" inside a trigger: the next semicolon completes the statement. */
        TRIGGER_END
    }

    /** The statements of {@code script}, each with its terminating semicolon when it had one. */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        State state = State.START;
        int statementStart = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            int end = tokenEnd(script, i);
            Token token = classify(script, i, end);
            if (token == Token.SEMI && completes(state)) {
                if (state != State.START) {
                    statements.add(script.substring(statementStart, end).strip());
                }
                statementStart = end;
                state = State.START;
            } else {
                state = next(state, token);
            }
            i = end;
        }
        if (state != State.START) {
            statements.add(script.substring(statementStart).strip());
        }
        return statements;
    }

    /** The first statement of {@code sql}, or {@code sql} itself when it holds none. */
    public static String first(String sql) {
        List<String> statements = split(sql);
        return statements.isEmpty() ? sql : statements.getFirst();
    }

    private static boolean completes(State state) {
        return state != State.TRIGGER_BODY && state != State.TRIGGER_SEMI;
    }

    private static State next(State state, Token token) {
        if (token == Token.SPACE) {
            return state;
        }
        return switch (state) {
            case START -> switch (token) {
                case EXPLAIN -> State.EXPLAIN;
                case CREATE -> State.CREATE;
                default -> State.NORMAL;
            };
            case NORMAL -> State.NORMAL;
            case EXPLAIN -> switch (token) {
                case CREATE -> State.CREATE;
                case OTHER -> State.EXPLAIN;
                default -> State.NORMAL;
            };
            case CREATE -> switch (token) {
                case TEMP -> State.CREATE;
                case TRIGGER -> State.TRIGGER_BODY;
                default -> State.NORMAL;
            };
            case TRIGGER_BODY -> token == Token.SEMI ? State.TRIGGER_SEMI : State.TRIGGER_BODY;
            case TRIGGER_SEMI -> switch (token) {
                case SEMI -> State.TRIGGER_SEMI;
                case END -> State.TRIGGER_END;
                default -> State.TRIGGER_BODY;
            };
            case TRIGGER_END -> State.TRIGGER_BODY;
        };
    }

    /** End (exclusive) of the token starting at {@code i}; unterminated quotes run to the end. */
    private static int tokenEnd(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
            int eol = s.indexOf('\n', i);
            return eol < 0 ? n : eol + 1;
        }
        if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? n : close + 2;
        }
        if (c == '\'' || c == '"' || c == '`') {
            return quotedEnd(s, i, c);
        }
        if (c == '[') {
            int close = s.indexOf(']', i + 1);
            return close < 0 ? n : close + 1;
        }
        if (isIdentifierChar(c)) {
            int j = i + 1;
            while (j < n && isIdentifierChar(s.charAt(j))) {
                j++;
            }
            return j;
        }
        return i + 1;
    }

    /** A quote doubled inside the quoted text stands for itself and does not close it. */
    private static int quotedEnd(String s, int i, char quote) {
        int j = i + 1;
        int n = s.length();
        while (j < n) {
            if (s.charAt(j) == quote) {
                if (j + 1 < n && s.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return n;
    }

    private static Token classify(String s, int start, int end) {
        char c = s.charAt(start);
        if (c == ';') {
            return Token.SEMI;
        }
        if (SltParser.isCSpace(c) || s.startsWith("--", start) || s.startsWith("/*", start)) {
            return Token.SPACE;
        }
        if (!isIdentifierChar(c) || Character.isDigit(c)) {
            return Token.OTHER;
        }
        String word = s.substring(start, end);
        if (word.equalsIgnoreCase("create")) {
            return Token.CREATE;
        }
        if (word.equalsIgnoreCase("trigger")) {
            return Token.TRIGGER;
        }
        if (word.equalsIgnoreCase("temp") || word.equalsIgnoreCase("temporary")) {
            return Token.TEMP;
        }
        if (word.equalsIgnoreCase("end")) {
            return Token.END;
        }
        if (word.equalsIgnoreCase("explain")) {
            return Token.EXPLAIN;
        }
        return Token.OTHER;
    }

    private static boolean isIdentifierChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '$' || c >= 0x80;
    }
}
