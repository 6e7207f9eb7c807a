package io.turso4j.cli;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Lines typed at a terminal, read with JLine (editing, history in {@code ~/.tursodb_history}).
 * Only for interactive use: scripts never go through a terminal. Ctrl-C abandons the current
 * line; Ctrl-D ends the input. Owned by the shell's one thread.
 */
final class TerminalLineSource implements LineSource, AutoCloseable {
    static final String PROMPT = "tursodb> ";
    static final String CONTINUATION_PROMPT = "    ...> ";

    private final Terminal terminal;
    private final LineReader reader;

    TerminalLineSource() {
        try {
            terminal = TerminalBuilder.builder().system(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("tursodb")
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".tursodb_history"))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    @Override
    public String readLine(boolean continuation) {
        try {
            return reader.readLine(continuation ? CONTINUATION_PROMPT : PROMPT);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            // Losing history or a terminal that fails to restore is not worth an error at exit.
        }
    }
}
