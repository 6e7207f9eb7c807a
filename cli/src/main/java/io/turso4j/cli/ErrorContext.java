package io.turso4j.cli;

import java.nio.charset.StandardCharsets;

/**
 * The two lines sqlite3's shell prints under an error it can place ({@code
 * shell_error_context}): the statement's text (whitespace shown as spaces, at most 78 bytes,
 * starting at most 50 bytes before the error) and a marker under the error — {@code ^--- error
 * here} when the error is near the left edge, else {@code error here ---^}. Counted in UTF-8
 * bytes and never splitting a character, as sqlite3 does. Stateless.
 */
final class ErrorContext {
    private static final int MAX_LEAD = 50;
    private static final int MAX_BYTES = 78;
    private static final int LEFT_MARKER_LIMIT = 25;

    private ErrorContext() {}

    /** The context for an error at char offset {@code offset} of {@code sql}, starting with a newline. */
    static String render(String sql, int offset) {
        byte[] z = sql.getBytes(StandardCharsets.UTF_8);
        int at = sql.substring(0, Math.min(offset, sql.length())).getBytes(StandardCharsets.UTF_8).length;
        int start = 0;
        while (at > MAX_LEAD) {
            at--;
            start++;
            while (start < z.length && (z[start] & 0xc0) == 0x80) {
                start++;
                at--;
            }
        }
        int len = z.length - start;
        if (len > MAX_BYTES) {
            len = MAX_BYTES;
            while ((z[start + len] & 0xc0) == 0x80) {
                len--;
            }
        }
        byte[] code = new byte[len];
        for (int i = 0; i < len; i++) {
            byte c = z[start + i];
            code[i] = AsciiSpace.is(c) ? (byte) ' ' : c;
        }
        String text = new String(code, StandardCharsets.UTF_8);
        String marker = at < LEFT_MARKER_LIMIT
                ? " ".repeat(Math.max(at, 0)) + "^--- error here"
                : " ".repeat(at - 14) + "error here ---^";
        return "\n  " + text + "\n  " + marker;
    }
}
