package io.turso4j.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.LogManager;

/**
 * {@code tursodb}: turso4j's command-line shell, a work-alike of sqlite3 3.40's. Its stdout in
 * list mode is byte for byte sqlite3's for the same script; errors go to stderr in sqlite3's
 * words; the exit code is 1 after any error when not interactive. SQL comes from the command
 * line (each argument run in turn, stopping at the first error), else from stdin: as a script
 * when stdin is not a terminal, else typed at a JLine prompt.
 *
 * <p>Nothing but results and errors is printed: {@link #main} turns off java.util.logging (which
 * Netty, JLine and the engine log through) unless {@code -Dturso4j.shell.log=true}.
 *
 * <p>Runs on the calling thread, start to end; not reentrant.
 */
public final class Shell {
    /** Set by the {@code tursodb} launcher to 1 when stdin is a terminal (Java cannot ask isatty). */
    static final String STDIN_TTY_ENV = "TURSODB_STDIN_TTY";

    /**
     * The exit code when stdout is closed under the shell (as by {@code | head}): what a shell
     * reports for sqlite3, which dies of SIGPIPE then (128 + 13).
     */
    private static final int STDOUT_GONE = 141;

    /** What {@link #runArgument} returns for {@code .quit}: stop, successfully. */
    private static final int QUIT = -1;

    private final ShellOptions options;
    private final ShellState state;
    private final DotCommands dotCommands;

    private Shell(ShellOptions options, ShellState state) {
        this.options = options;
        this.state = state;
        this.dotCommands = new DotCommands(state);
    }

    public static void main(String[] args) {
        if (!Boolean.getBoolean("turso4j.shell.log")) {
            LogManager.getLogManager().reset();
        }
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, System.in, stdout, stderr, stdinIsTerminal(), EngineSession::open, Path.of(""));
        System.exit(code);
    }

    /**
     * Runs a whole shell session; returns its exit code. The seam for tests: {@code opener}
     * supplies the database, and {@code directory} is what relative {@code .read} paths are
     * resolved against (the process's working directory in production).
     */
    static int run(String[] args, InputStream stdin, OutputStream stdout, PrintStream stderr,
            boolean stdinIsTerminal, SessionOpener opener, Path directory) {
        ShellOutput out = new ShellOutput(stdout);
        ShellOptions options;
        try {
            options = ShellOptions.parse(args);
        } catch (ShellOptions.UsageException e) {
            stderr.println(e.getMessage());
            return 1;
        }
        switch (options.action()) {
            case HELP -> {
                stderr.print(ShellOptions.USAGE);
                return 0;
            }
            case VERSION -> {
                out.write(version() + "\n");
                out.flush();
                return 0;
            }
            case RUN -> { }
        }
        try (ShellState state = new ShellState(opener, options.file(), options.io(), directory, out, stderr)) {
            Shell shell = new Shell(options, state);
            return shell.session(stdin, options.interactive() != null ? options.interactive() : stdinIsTerminal);
        } catch (ShellExit e) {
            return e.code();
        } catch (UncheckedIOException e) {
            return STDOUT_GONE;
        } catch (RuntimeException e) {
            // Closing the database failed (or a shell bug): say so in one line and fail, no trace.
            stderr.println("Error: " + e.getMessage());
            return 1;
        } finally {
            try {
                out.flush();
            } catch (UncheckedIOException e) {
                // stdout is gone (a closed pipe): there is no one left to tell.
            }
        }
    }

    private int session(InputStream stdin, boolean interactive) {
        state.setBail(options.bail());
        try {
            InputLoop loop = new InputLoop(state, dotCommands);
            for (ShellOptions.Setup step : options.setup()) {
                int rc = setUp(step, loop);
                if (rc != 0 && options.bail()) {
                    return rc == QUIT ? 0 : rc;
                }
            }
            if (!options.commands().isEmpty()) {
                for (String command : options.commands()) {
                    int rc = runArgument(command, loop);
                    if (rc != 0) {
                        return rc == QUIT ? 0 : rc;
                    }
                }
                return 0;
            }
            if (interactive) {
                return interactive(loop);
            }
            int errors = loop.run(new ReaderLineSource(new InputStreamReader(stdin, StandardCharsets.UTF_8)), false);
            return errors > 0 ? 1 : 0;
        } finally {
            state.out().flush();
        }
    }

    /** One command-line argument: a dot command or SQL; 0, an exit code, or QUIT. */
    private int runArgument(String command, InputLoop loop) {
        if (command.startsWith(".")) {
            return switch (dotCommands.run(command, loop)) {
                case OK -> 0;
                case ERROR -> 1;
                case QUIT -> QUIT;
            };
        }
        SqlFailure failure = state.runner().run(command);
        state.commandDone();
        if (failure == null) {
            return 0;
        }
        state.error(failure.asArgument());
        return failure.code() != 0 ? failure.code() : 1;
    }

    private int interactive(InputLoop loop) {
        state.out().write(version() + "\nEnter \".help\" for usage hints.\n");
        if (options.file().equals(ShellOptions.MEMORY)) {
            state.out().write("Connected to a transient in-memory database.\n");
        }
        try (TerminalLineSource terminal = new TerminalLineSource()) {
            int errors = loop.run(terminal, true);
            return errors > 0 ? 1 : 0;
        }
    }

    /** One command-line setting or {@code -cmd}; like {@link #runArgument} for the latter. */
    private int setUp(ShellOptions.Setup step, InputLoop loop) {
        OutputSettings s = state.settings();
        switch (step) {
            case ShellOptions.Setup.Mode m -> s.setModeOption(m.name());
            case ShellOptions.Setup.Header h -> s.setHeaders(h.on());
            case ShellOptions.Setup.Separator sep -> s.setSeparators(sep.text(), null);
            case ShellOptions.Setup.Newline n -> s.setSeparators(s.columnSeparator(), n.text());
            case ShellOptions.Setup.NullValue n -> s.setNullValue(n.text());
            case ShellOptions.Setup.Command c -> {
                return runArgument(c.text(), loop);
            }
        }
        return 0;
    }

    private static String version() {
        String v = Shell.class.getPackage().getImplementationVersion();
        return "tursodb (turso4j) " + (v != null ? v : "development build");
    }

    private static boolean stdinIsTerminal() {
        String env = System.getenv(STDIN_TTY_ENV);
        if (env != null) {
            return env.equals("1");
        }
        return System.console() != null && System.console().isTerminal();
    }
}
