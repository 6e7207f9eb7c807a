package io.turso4j.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The shell's dot commands, named and worded as sqlite3 3.40's. A command may be abbreviated to
 * any prefix at least as long as sqlite3 requires (so {@code .h on}, {@code .m csv},
 * {@code .sep ,} work as there). Owned by the shell's one thread.
 */
final class DotCommands {
    /** What a command asks of the input loop. */
    enum Result { OK, ERROR, QUIT }

    /** Command names with the shortest prefix each accepts, in sqlite3's order of matching. */
    private enum Command {
        BAIL("bail", 3), CHANGES("changes", 3), DATABASES("databases", 2), DUMP("dump", 1), ECHO("echo", 2),
        EQP("eqp", 2), EXIT("exit", 2), FULLSCHEMA("fullschema", 2), HEADERS("headers", 1), HELP("help", 3), IMPORT("import", 2), INDEXES("indexes", 3),
        INDICES("indices", 3), MODE("mode", 1), NULLVALUE("nullvalue", 2), ONCE("once", 2), OPEN("open", 2),
        OUTPUT("output", 2), PRINT("print", 3),
        QUIT("quit", 1), READ("read", 3),
        SCHEMA("schema", 3), SEPARATOR("separator", 3), SHOW("show", 3), TABLES("tables", 2), TIMER("timer", 2),
        WIDTH("width", 1);

        private final String name;
        private final int minLength;

        Command(String name, int minLength) {
            this.name = name;
            this.minLength = minLength;
        }

        static Command named(String word) {
            for (Command c : values()) {
                if (word.length() >= c.minLength && c.name.startsWith(word)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static final String HELP_TEXT = """
            .bail on|off             Stop after hitting an error.  Default OFF
            .changes on|off          Show number of rows changed by SQL
            .databases               List names and files of attached databases
            .dump ?OBJECTS?          Render database content as SQL
            .echo on|off             Turn command echo on or off
            .eqp on|off              Show the query plan of each statement before its rows
            .exit ?CODE?             Exit this program with return-code CODE
            .fullschema              Show schema and the content of sqlite_stat tables
            .headers on|off          Turn display of headers on or off
            .help                    Show this message
            .import FILE TABLE       Import data from FILE into TABLE (--csv, --ascii, --skip N)
            .indexes ?TABLE?         Show names of indexes on tables matching LIKE pattern TABLE
            .mode MODE ?OPTIONS?     Set output mode: ascii box column csv html insert json line list
                                       markdown quote table tabs tcl (columnar ones take --wrap N)
            .nullvalue STRING        Use STRING in place of NULL values
            .once ?--bom? FILE       Output for the next SQL command only to FILE
            .open ?FILE?             Close the database and open FILE (a new in-memory one if none)
            .output ?--bom? ?FILE?   Send output to FILE, or stdout if FILE is omitted
            .print STRING...         Print literal STRING
            .quit                    Exit this program
            .read FILE               Read input from FILE
            .schema ?PATTERN?        Show the CREATE statements matching PATTERN
            .separator COL ?ROW?     Change the column and row separators
            .show                    Show the current values for various settings
            .tables ?PATTERN?        List names of tables matching LIKE pattern PATTERN
            .timer on|off            Turn SQL timer on or off
            .width NUM1 NUM2 ...     Set minimum column widths for columnar output
            """;

    private final ShellState state;
    private final SchemaCommands schema;
    private final DumpCommand dump;
    private final OutputCommands output;
    private final ImportCommand importer;

    DotCommands(ShellState state) {
        this.state = state;
        this.schema = new SchemaCommands(state);
        this.dump = new DumpCommand(state, schema);
        this.output = new OutputCommands(state);
        this.importer = new ImportCommand(state, schema);
    }

    /** Runs the dot command on {@code line}; {@code loop} is the input loop it came from (for {@code .read}). */
    Result run(String line, InputLoop loop) {
        try {
            return runCommand(line, loop);
        } finally {
            state.commandDone();
        }
    }

    private Result runCommand(String line, InputLoop loop) {
        List<String> args = DotCommandLine.split(line);
        if (args.isEmpty()) {
            return Result.OK;
        }
        Command command = Command.named(args.getFirst());
        if (command == null) {
            return unknown(args.getFirst());
        }
        return switch (command) {
            case BAIL -> usageOr(args.size() == 2, "Usage: .bail on|off", () -> state.setBail(flag(args.get(1))));
            case CHANGES -> usageOr(args.size() == 2, "Usage: .changes on|off",
                    () -> state.reports().setChanges(flag(args.get(1))));
            case DATABASES -> databases();
            case DUMP -> dump.run(args.subList(1, args.size()));
            case ECHO -> usageOr(args.size() == 2, "Usage: .echo on|off", () -> state.reports().setEcho(flag(args.get(1))));
            case EQP -> eqp(args);
            case EXIT -> exit(args);
            case HEADERS -> usageOr(args.size() == 2, "Usage: .headers on|off",
                    () -> state.settings().setHeaders(flag(args.get(1))));
            case FULLSCHEMA -> dump.fullSchema(args.subList(1, args.size()));
            case HELP -> {
                state.out().write(HELP_TEXT);
                yield Result.OK;
            }
            case IMPORT -> importer.run(args.subList(1, args.size()));
            case INDEXES, INDICES -> schema.indexes(args.subList(1, args.size()));
            case MODE -> mode(args);
            case NULLVALUE -> usageOr(args.size() == 2, "Usage: .nullvalue STRING",
                    () -> state.settings().setNullValue(args.get(1)));
            case ONCE -> output.run(args.subList(1, args.size()), true);
            case OPEN -> open(args.subList(1, args.size()));
            case OUTPUT -> output.run(args.subList(1, args.size()), false);
            case PRINT -> {
                state.out().write(String.join(" ", args.subList(1, args.size())) + "\n");
                yield Result.OK;
            }
            case QUIT -> Result.QUIT;
            case READ -> args.size() == 2 ? read(args.get(1)) : usage("Usage: .read FILE");
            case SCHEMA -> schema.schema(args.subList(1, args.size()));
            case SEPARATOR -> usageOr(args.size() == 2 || args.size() == 3, "Usage: .separator COL ?ROW?",
                    () -> state.settings().setSeparators(args.get(1), args.size() == 3 ? args.get(2) : null));
            case SHOW -> show();
            case TABLES -> schema.tables(args.subList(1, args.size()));
            case TIMER -> usageOr(args.size() == 2, "Usage: .timer on|off", () -> state.reports().setTimer(flag(args.get(1))));
            case WIDTH -> width(args.subList(1, args.size()));
        };
    }

    private Result unknown(String name) {
        state.error("Error: unknown command or invalid arguments:  \"" + name + "\". Enter \".help\" for help");
        return Result.ERROR;
    }

    private Result usage(String text) {
        state.error(text);
        return Result.ERROR;
    }

    private Result usageOr(boolean argsOk, String usage, Runnable action) {
        if (!argsOk) {
            return usage(usage);
        }
        action.run();
        return Result.OK;
    }

    private Result exit(List<String> args) {
        int code = args.size() > 1 ? (int) ShellNumbers.integerValue(args.get(1)) : 0;
        if (code != 0) {
            throw new ShellExit(code);
        }
        return Result.QUIT;
    }

    /** {@code .mode ?MODE? ?TABLE? ?--wrap N? ?--noquote?}, parsed as sqlite3 3.40 parses it. */
    private Result mode(List<String> args) {
        String name = null;
        String table = null;
        int wrap = OutputSettings.DEFAULT_WRAP;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (isOption(a, "wrap") && i + 1 < args.size()) {
                wrap = (int) ShellNumbers.integerValue(args.get(++i));
            } else if (isOption(a, "wordwrap") && i + 1 < args.size()) {
                if (flag(args.get(++i))) {
                    return usage("Error: --wordwrap on is not supported yet");
                }
            } else if (isOption(a, "ww") || isOption(a, "quote")) {
                return usage("Error: " + a + " is not supported yet");
            } else if (isOption(a, "noquote")) {
                continue;
            } else if (name == null) {
                name = a;
            } else if (table == null) {
                table = a;
            } else if (a.startsWith("-")) {
                return usage("unknown option: " + a);
            } else {
                return usage("extra argument: \"" + a + "\"");
            }
        }
        if (name == null) {
            state.out().write("current output mode: " + state.settings().describeMode() + "\n");
            return Result.OK;
        }
        if (!state.settings().setMode(name, table, wrap)) {
            return usage("Error: mode should be one of: ascii box column csv html insert json line list markdown "
                    + "qbox quote table tabs tcl");
        }
        return Result.OK;
    }

    /** {@code .eqp on|off}: show each statement's query plan before its rows. */
    private Result eqp(List<String> args) {
        if (args.size() != 2) {
            return usage("Usage: .eqp off|on|trace|trigger|full");
        }
        String a = args.get(1);
        if (a.equals("full") || a.equals("trigger") || a.equals("trace")) {
            return usage("Error: .eqp " + a + " is not supported yet");
        }
        state.settings().setEqp(flag(a));
        return Result.OK;
    }

    /** {@code .databases}: each database of the connection, its file ("" when none) and r/w. */
    private Result databases() {
        state.session();
        try (PreparedSql list = state.session().prepare("PRAGMA database_list")) {
            for (Object[] row; (row = list.nextRow()) != null; ) {
                String file = row[2] == null ? "" : row[2].toString();
                state.out().write(row[1] + ": " + (file.isEmpty() ? "\"\"" : file) + " r/w\n");
            }
        } catch (RuntimeException e) {
            return usage("Error: " + e.getMessage());
        }
        return Result.OK;
    }

    /** sqlite3's {@code optionMatch}: {@code -name} or {@code --name}. */
    private static boolean isOption(String arg, String name) {
        return arg.equals("-" + name) || arg.equals("--" + name);
    }

    /** {@code .width NUM...}: the columnar modes' widths; none clears them. */
    private Result width(List<String> args) {
        List<Integer> widths = new java.util.ArrayList<>(args.size());
        for (String a : args) {
            long w = ShellNumbers.integerValue(a);
            widths.add((int) Math.max(-30000, Math.min(30000, w)));
        }
        state.settings().setWidths(widths);
        return Result.OK;
    }

    /** {@code .open ?FILE?}: closes the database; FILE (or a new in-memory database) opens on next use. */
    private Result open(List<String> args) {
        String file = null;
        for (String a : args) {
            if (a.startsWith("-")) {
                return usage("unknown option: " + a);
            } else if (file != null) {
                return usage("extra argument: \"" + a + "\"");
            }
            file = a;
        }
        state.reopen(file != null ? file : ShellOptions.MEMORY);
        return Result.OK;
    }

    private Result read(String file) {
        Reader reader;
        try {
            reader = new InputStreamReader(Files.newInputStream(state.resolve(file)), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return usage("Error: cannot open \"" + file + "\"");
        }
        try (reader) {
            int errors = new InputLoop(state, this).run(new ReaderLineSource(reader), false);
            return errors > 0 ? Result.ERROR : Result.OK;
        } catch (IOException e) {
            return usage("Error: cannot read \"" + file + "\"");
        }
    }

    private Result show() {
        OutputSettings s = state.settings();
        String text = """
                        echo: %s
                         eqp: %s
                     explain: auto
                     headers: %s
                        mode: %s
                   nullvalue: %s
                      output: %s
                colseparator: %s
                rowseparator: %s
                       stats: off
                       width: %s
                    filename: %s
                """.formatted(state.reports().echo() ? "on" : "off", s.eqp() ? "on" : "off", s.showHeader() ? "on" : "off", s.describeMode(), CString.of(s.nullValue()),
                state.out().name(), CString.of(s.columnSeparator()), CString.of(s.rowSeparator()), s.describeWidths(), state.databaseName());
        state.out().write(text);
        return Result.OK;
    }

    /** sqlite3's {@code booleanValue}: on/yes/off/no or an integer; anything else is "no", with a warning. */
    private boolean flag(String word) {
        if (ShellNumbers.isInteger(word)) {
            return (ShellNumbers.integerValue(word) & 0xffffffffL) != 0;
        }
        if (word.equalsIgnoreCase("on") || word.equalsIgnoreCase("yes")) {
            return true;
        }
        if (!word.equalsIgnoreCase("off") && !word.equalsIgnoreCase("no")) {
            state.error("ERROR: Not a boolean value: \"" + word + "\". Assuming \"no\".");
        }
        return false;
    }
}
