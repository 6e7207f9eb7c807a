package io.turso4j.cli;

import io.turso4j.sql.lexer.StatementSplitter;

/**
 * sqlite3's {@code process_input}: reads lines, runs a line starting with {@code .} (at column
 * 0, between statements) as a dot command, and gathers other lines into SQL text until it ends
 * with a complete statement ({@code sqlite3_complete}), which then runs as one piece. Lines of
 * only whitespace and comments between statements are dropped; a line holding only {@code /} or
 * {@code go} ends the statement as a {@code ;} would. Unfinished text at the end of input runs
 * too, so that its error is reported.
 *
 * <p>Errors are reported with the number of the line where the failing piece of SQL started.
 * After an error the loop goes on, unless bail is set and the input is not the terminal.
 * Owned by the shell's one thread; a {@code .read} runs a nested loop on the same state.
 */
final class InputLoop {
    private final ShellState state;
    private final DotCommands dotCommands;

    InputLoop(ShellState state, DotCommands dotCommands) {
        this.state = state;
        this.dotCommands = dotCommands;
    }

    /**
     * Runs every line of {@code in}; returns the number of errors.
     *
     * @param atPrompt true when {@code in} is the user at a terminal: errors then carry no line
     *     number, and bail does not stop the loop
     */
    int run(LineSource in, boolean atPrompt) {
        int errors = 0;
        int lineNo = 0;
        int startLine = 0;
        StringBuilder sql = new StringBuilder();
        LineScanner scanner = new LineScanner();
        while (errors == 0 || !state.bail() || atPrompt) {
            state.out().flush();
            String line = in.readLine(!sql.isEmpty());
            if (line == null) {
                break;
            }
            lineNo++;
            if (scanner.inPlain() && isTerminatorLine(line) && StatementSplitter.isComplete(sql + ";")) {
                line = ";";
            }
            scanner.scan(line);
            if (sql.isEmpty() && scanner.plainWhite()) {
                scanner.reset();
                continue;
            }
            if (sql.isEmpty() && (line.startsWith(".") || line.startsWith("#"))) {
                if (line.startsWith(".")) {
                    if (state.reports().echo()) {
                        state.out().write(line + "\n");
                    }
                    DotCommands.Result result = dotCommands.run(line, this);
                    if (result == DotCommands.Result.QUIT) {
                        break;
                    } else if (result == DotCommands.Result.ERROR) {
                        errors++;
                    }
                }
                scanner.reset();
                continue;
            }
            if (sql.isEmpty()) {
                sql.append(AsciiSpace.stripLeading(line));
                startLine = lineNo;
            } else {
                sql.append('\n').append(line);
            }
            if (scanner.semicolonTerminated() && StatementSplitter.isComplete(sql.toString())) {
                errors += runSql(sql.toString(), startLine, atPrompt);
                sql.setLength(0);
                scanner.reset();
            } else if (scanner.plainWhite()) {
                sql.setLength(0);
                scanner.reset();
            }
        }
        if (!sql.isEmpty()) {
            errors += runSql(sql.toString(), startLine, atPrompt);
        }
        state.out().flush();
        return errors;
    }

    private int runSql(String sql, int startLine, boolean atPrompt) {
        state.reports().before(state.out(), sql);
        SqlFailure failure = state.runner().run(sql);
        state.reports().after(state.out(), state.session(), failure == null);
        state.commandDone();
        if (failure == null) {
            return 0;
        }
        state.error(atPrompt ? failure.interactive() : failure.inScript(startLine));
        return 1;
    }

    /** sqlite3's {@code line_is_command_terminator}: {@code /} or {@code go} alone (comments and blanks aside). */
    private static boolean isTerminatorLine(String line) {
        String s = AsciiSpace.stripLeading(line);
        String rest;
        if (s.startsWith("/")) {
            rest = s.substring(1);
        } else if (s.length() >= 2 && Character.toLowerCase(s.charAt(0)) == 'g' && Character.toLowerCase(s.charAt(1)) == 'o') {
            rest = s.substring(2);
        } else {
            return false;
        }
        LineScanner scanner = new LineScanner();
        scanner.scan(rest);
        return scanner.plainWhite() && !scanner.semicolonTerminated();
    }
}
