package io.turso4j.cli;

/**
 * sqlite3 3.40's json mode: the statement's rows as one JSON array of objects keyed by column
 * name, one object per line ({@code [{…},\n{…}]\n}); nothing for a statement without rows.
 * Numbers stay numbers (reals as in quote mode, infinities as {@code 1e999}), NULL is
 * {@code null}, and text and blobs become JSON strings: quote and backslash escaped, control
 * bytes as C-style or six-character hex escapes, every other byte (so UTF-8, or a blob's
 * raw bytes) as it is. Owned by the shell's one thread.
 */
final class JsonFormatter implements ResultFormatter {
    private final ShellOutput out;
    private final byte[][] header;
    private boolean any;

    JsonFormatter(ShellOutput out, byte[][] header) {
        this.out = out;
        this.header = header;
    }

    @Override
    public void row(Object[] values, byte[][] cells) {
        out.write(any ? ",\n{" : "[{");
        any = true;
        for (int i = 0; i < values.length; i++) {
            string(header[i]);
            out.write(":");
            switch (values[i]) {
                case null -> out.write("null");
                case Double d -> out.write(SqlLiteral.real(d, false));
                case String s -> string(cells[i]);
                case byte[] blob -> string(blob);
                default -> out.write(cells[i]);
            }
            if (i < values.length - 1) {
                out.write(",");
            }
        }
        out.write("}");
    }

    @Override
    public void finish() {
        if (any) {
            out.write("]\n");
        }
    }

    /** sqlite3's {@code output_json_string}. */
    private void string(byte[] z) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(z.length + 2);
        b.write('"');
        for (byte x : z) {
            int c = x & 0xff;
            if (c == '\\' || c == '"') {
                b.write('\\');
                b.write(c);
            } else if (c <= 0x1f) {
                String escape = switch (c) {
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", c);
                };
                b.writeBytes(escape.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } else {
                b.write(c);
            }
        }
        b.write('"');
        out.write(b.toByteArray());
    }
}
