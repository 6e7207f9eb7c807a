package io.turso4j.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes as sqlite3's {@code output_c_string} writes them (tcl mode, {@code .show}): in double
 * quotes, with {@code \\ \" \t \n \r} escaped and every other byte that C's {@code isprint} rejects
 * in the "C" locale — control bytes, DEL and each byte of a non-ASCII character — as a
 * three-digit octal escape. Stateless.
 */
final class CString {
    private CString() {}

    static byte[] of(byte[] z) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(z.length + 2);
        b.write('"');
        for (byte x : z) {
            int c = x & 0xff;
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '"' -> "\\\"";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> c < ' ' || c >= 0x7f ? String.format("\\%03o", c) : null;
            };
            if (escape == null) {
                b.write(c);
            } else {
                b.writeBytes(escape.getBytes(StandardCharsets.US_ASCII));
            }
        }
        b.write('"');
        return b.toByteArray();
    }

    /** {@code text} (UTF-8) as a C string. */
    static String of(String text) {
        return new String(of(CellText.text(text)), StandardCharsets.ISO_8859_1);
    }
}
