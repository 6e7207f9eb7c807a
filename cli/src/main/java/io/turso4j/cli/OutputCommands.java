package io.turso4j.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code .output ?FILE?} and {@code .once FILE}, as in sqlite3 3.40: stdout goes to FILE
 * (created or truncated) until the next {@code .output} — or, for {@code .once}, for the next
 * command only, SQL or dot command. No FILE, {@code stdout} or (as 3.40 has it) {@code off}
 * means stdout again. {@code --bom} starts the file with a UTF-8 byte-order mark. Pipes ({@code
 * |cmd}) and the editor/spreadsheet options are not supported. Owned by the shell's one thread.
 */
final class OutputCommands {
    private static final String OUTPUT_USAGE = """
            .output ?FILE?           Send output to FILE or stdout if FILE is omitted
               If FILE begins with '|' then open it as a pipe.
               Options:
                 --bom                 Prefix output with a UTF8 byte-order mark
                 -e                    Send output to the system text editor
                 -x                    Send output as CSV to a spreadsheet
            """;
    private static final String ONCE_USAGE = """
            .once ?OPTIONS? ?FILE?   Output for the next SQL command only to FILE
                 If FILE begins with '|' then open as a pipe
                   --bom  Put a UTF8 byte-order mark at the beginning
                   -e     Send output to the system text editor
                   -x     Send output as CSV to a spreadsheet (same as ".excel")
            """;
    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private final ShellState state;

    OutputCommands(ShellState state) {
        this.state = state;
    }

    /** {@code .output} ({@code once} false) or {@code .once}, with the arguments after the command. */
    DotCommands.Result run(List<String> args, boolean once) {
        String file = null;
        boolean bom = false;
        for (String a : args) {
            if (a.equals("--bom") || a.equals("-bom")) {
                bom = true;
            } else if (a.startsWith("-") && file == null) {
                state.error("Error: " + a + " is not supported yet");
                return DotCommands.Result.ERROR;
            } else if (file == null) {
                file = a;
            } else {
                state.out().write("ERROR: extra parameter: \"" + a + "\".  Usage:\n" + (once ? ONCE_USAGE : OUTPUT_USAGE));
                return DotCommands.Result.ERROR;
            }
        }
        state.out().flush();
        state.out().restore();
        if (file == null || file.equals("stdout") || file.equals("off")) {
            return DotCommands.Result.OK;
        }
        if (file.startsWith("|")) {
            state.error("Error: pipes are not supported yet");
            return DotCommands.Result.ERROR;
        }
        OutputStream target;
        try {
            target = new BufferedOutputStream(Files.newOutputStream(state.resolve(file)));
            if (bom) {
                target.write(BOM);
            }
        } catch (IOException | RuntimeException e) {
            state.error("Error: cannot open \"" + file + "\"");
            state.error("Error: cannot write to \"" + file + "\"");
            return DotCommands.Result.ERROR;
        }
        state.out().redirect(target, file);
        if (once) {
            state.outputOnce();
        }
        return DotCommands.Result.OK;
    }
}
