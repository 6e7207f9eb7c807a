package io.turso4j.cli;

/**
 * sqlite3 3.40's html mode: each row a {@code <TR>} of {@code <TD>} cells, one cell per line,
 * with {@code < & > " '} escaped; with headers on, a row of {@code <TH>} names before the first
 * row. NULL is the {@code .nullvalue} text. Owned by the shell's one thread.
 */
final class HtmlFormatter implements ResultFormatter {
    private final ShellOutput out;
    private final byte[][] header;
    private final boolean showHeader;
    private final byte[] nullValue;
    private boolean any;

    HtmlFormatter(OutputSettings settings, ShellOutput out, byte[][] header) {
        this.out = out;
        this.header = header;
        this.showHeader = settings.showHeader();
        this.nullValue = CellText.text(settings.nullValue());
    }

    @Override
    public void row(Object[] values, byte[][] cells) {
        if (!any && showHeader) {
            line("TH", header);
        }
        any = true;
        line("TD", cells);
    }

    private void line(String tag, byte[][] cells) {
        out.write("<TR>");
        for (byte[] cell : cells) {
            out.write("<" + tag + ">");
            escaped(cell == null ? nullValue : cell);
            out.write("</" + tag + ">\n");
        }
        out.write("</TR>\n");
    }

    private void escaped(byte[] z) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(z.length);
        for (byte c : z) {
            String entity = switch (c) {
                case '<' -> "&lt;";
                case '&' -> "&amp;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity == null) {
                b.write(c);
            } else {
                b.writeBytes(entity.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        out.write(b.toByteArray());
    }
}
