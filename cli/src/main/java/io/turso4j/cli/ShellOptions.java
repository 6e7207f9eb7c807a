package io.turso4j.cli;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, sqlite3-style: {@code tursodb [OPTIONS] [FILE] [SQL|.COMMAND]...}. Options
 * take one or two leading dashes. Immutable.
 *
 * @param file the database file; ":memory:" when none is given
 * @param commands SQL or dot commands to run instead of reading stdin
 * @param setup output settings and {@code -cmd} commands, in command-line order (as in sqlite3,
 *     a {@code -cmd} sees only the options before it)
 * @param io the I/O backend ({@code uring}, {@code nio}, {@code memory}), or null for the default
 * @param bail stop at the first error
 * @param interactive true/false when {@code -interactive}/{@code -batch} forces it, else null
 * @param action what to do instead of running a shell (help, version), or RUN
 */
record ShellOptions(String file, List<String> commands, List<Setup> setup, String io, boolean bail,
        Boolean interactive, Action action) {

    static final String MEMORY = ":memory:";
    static final List<String> IO_BACKENDS = List.of("uring", "nio", "memory");

    enum Action { RUN, HELP, VERSION }

    /** One setting-up step the command line asks for, applied in order before the input. */
    sealed interface Setup {
        /** {@code -csv}, {@code -line}, …: the mode name. */
        record Mode(String name) implements Setup {}

        record Header(boolean on) implements Setup {}

        record Separator(String text) implements Setup {}

        record Newline(String text) implements Setup {}

        record NullValue(String text) implements Setup {}

        /** {@code -cmd}: SQL or a dot command. */
        record Command(String text) implements Setup {}
    }

    static final String USAGE = """
            Usage: tursodb [OPTIONS] [FILENAME [SQL...]]
            FILENAME is the name of a database file; a new in-memory database is used if omitted.
            SQL (or .COMMAND) arguments run in turn instead of reading standard input.
            OPTIONS include:
               -bail                stop after hitting an error
               -batch               force batch I/O
               -cmd COMMAND         run "COMMAND" before reading stdin
               -column              set output mode to 'column'
               -csv                 set output mode to 'csv'
               -header              turn headers on
               -help                show this message
               -interactive         force interactive I/O
               -io uring|nio|memory the I/O backend (default: io_uring on Linux, else nio)
               -line                set output mode to 'line'
               -list                set output mode to 'list'
               -newline SEP         set output row separator. Default: '\\n'
               -noheader            turn headers off
               -nullvalue TEXT      set text string for NULL values. Default ''
               -separator SEP       set output column separator. Default: '|'
               -tabs                set output mode to 'tabs'
               -version             show the version
            """;

    /** Thrown for a command line the shell cannot run; the message is the complete error text. */
    static final class UsageException extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static ShellOptions parse(String[] args) throws UsageException {
        String file = null;
        List<String> commands = new ArrayList<>();
        List<Setup> setup = new ArrayList<>();
        String io = null;
        boolean bail = false;
        Boolean interactive = null;
        Action action = Action.RUN;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-")) {
                if (file == null) {
                    file = a;
                } else {
                    commands.add(a);
                }
                continue;
            }
            String name = a.startsWith("--") ? a.substring(2) : a.substring(1);
            switch (name) {
                case "bail" -> bail = true;
                case "batch" -> interactive = false;
                case "interactive" -> interactive = true;
                case "header" -> setup.add(new Setup.Header(true));
                case "noheader" -> setup.add(new Setup.Header(false));
                case "csv", "list", "line", "column", "tabs" -> setup.add(new Setup.Mode(name));
                case "help" -> action = Action.HELP;
                case "version" -> action = Action.VERSION;
                case "cmd" -> setup.add(new Setup.Command(value(args, ++i, a)));
                // Taken literally: sqlite3 resolves no backslash escapes in option values.
                case "separator" -> setup.add(new Setup.Separator(value(args, ++i, a)));
                case "newline" -> setup.add(new Setup.Newline(value(args, ++i, a)));
                case "nullvalue" -> setup.add(new Setup.NullValue(value(args, ++i, a)));
                case "io" -> {
                    io = value(args, ++i, a);
                    if (!IO_BACKENDS.contains(io)) {
                        throw new UsageException("tursodb: Error: unknown I/O backend: " + io
                                + " (one of: " + String.join(", ", IO_BACKENDS) + ")");
                    }
                }
                default -> throw new UsageException(
                        "tursodb: Error: unknown option: " + a + "\nUse -help for a list of options.");
            }
        }
        return new ShellOptions(file == null ? MEMORY : file, List.copyOf(commands), List.copyOf(setup), io, bail,
                interactive, action);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException("tursodb: Error: missing argument to " + option);
        }
        return args[i];
    }
}
