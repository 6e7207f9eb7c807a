package io.turso4j.cli;

import io.turso4j.value.RealFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Values written back as SQL literals, as sqlite3 3.40's quote and insert modes and {@code .dump}
 * write them: NULL, integers in decimal, reals with 20 significant digits ({@code %!.20g}, so
 * they read back as the same double; infinities as {@code 1e999}), blobs as {@code X'hex'} and
 * text in single quotes with quotes doubled — and, for insert and dump, newlines and carriage
 * returns spelled out through {@code replace(…, char(10))} so that each statement stays on one
 * line. Text is the bytes of the value (UTF-8, cut at the first NUL as the shell's {@code %s}
 * cuts it). Stateless.
 * The real's digits are 3.40's own ({@link RealFormat#TWENTY_DIGITS_LEGACY}), so 50.75 prints
 * as {@code 50.749999999999999998} and 1e100 as {@code 1.0e+100}, as there.
 */
final class SqlLiteral {
    private SqlLiteral() {}

    /** The literal of a Long, Double, String or byte[] value (null for NULL); {@code escaped} as for insert mode. */
    static byte[] of(Object value, boolean escaped) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        switch (value) {
            case null -> b.writeBytes(ascii("NULL"));
            case Long l -> b.writeBytes(ascii(Long.toString(l)));
            case Integer i -> b.writeBytes(ascii(Integer.toString(i)));
            case Double d -> b.writeBytes(ascii(real(d, escaped)));
            case String s -> text(b, CellText.of(s), escaped);
            case byte[] blob -> blob(b, blob);
            default -> throw new IllegalArgumentException("not an SQL value: " + value.getClass().getName());
        }
        return b.toByteArray();
    }

    /** {@code text} single-quoted with inner quotes doubled (sqlite3's {@code output_quoted_string}). */
    static byte[] quoted(byte[] text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(text.length + 2);
        text(b, text, false);
        return b.toByteArray();
    }

    /** {@code text} as a single-quoted SQL string literal. */
    static String quotedText(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * A real as sqlite3 3.40's quote and json modes print it ({@code %!.20g}), or with {@code
     * wholeAsInteger} as insert mode and {@code .dump} do: a real that fits a 64-bit integer
     * exactly is that integer and {@code .0} ({@code -83.0} where quote mode has {@code
     * -83.000000000000000001}).
     */
    static String real(double r, boolean wholeAsInteger) {
        if (r == Double.POSITIVE_INFINITY) {
            return "1e999";
        } else if (r == Double.NEGATIVE_INFINITY) {
            return "-1e999";
        }
        if (r == 0.0) {
            return "0.0"; // -0.0 too: 3.40 tests the sign with < 0
        }
        if (wholeAsInteger && r == Math.rint(r) && (Math.abs(r) < 0x1p63 || r == -0x1p63)) {
            return (long) r + ".0";
        }
        return RealFormat.TWENTY_DIGITS_LEGACY.format(r);
    }

    private static void blob(ByteArrayOutputStream b, byte[] blob) {
        StringBuilder s = new StringBuilder(blob.length * 2 + 3).append("X'");
        for (byte x : blob) {
            s.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        b.writeBytes(ascii(s.append('\'').toString()));
    }

    /** sqlite3's {@code output_quoted_string}, or with {@code escaped} its {@code output_quoted_escaped_string}. */
    private static void text(ByteArrayOutputStream b, byte[] z, boolean escaped) {
        String newline = null;
        String carriageReturn = null;
        if (escaped) {
            String asText = new String(z, StandardCharsets.ISO_8859_1);
            if (asText.indexOf('\n') >= 0) {
                b.writeBytes(ascii("replace("));
                newline = unused(asText, "\\n", "\\012");
            }
            if (asText.indexOf('\r') >= 0) {
                b.writeBytes(ascii("replace("));
                carriageReturn = unused(asText, "\\r", "\\015");
            }
        }
        b.write('\'');
        for (byte c : z) {
            if (c == '\'') {
                b.write('\'');
                b.write('\'');
            } else if (c == '\n' && newline != null) {
                b.writeBytes(ascii(newline));
            } else if (c == '\r' && carriageReturn != null) {
                b.writeBytes(ascii(carriageReturn));
            } else {
                b.write(c);
            }
        }
        b.write('\'');
        if (carriageReturn != null) {
            b.writeBytes(ascii(",'" + carriageReturn + "',char(13))"));
        }
        if (newline != null) {
            b.writeBytes(ascii(",'" + newline + "',char(10))"));
        }
    }

    /** sqlite3's {@code unused_string}: a marker that does not occur in {@code z}. */
    private static String unused(String z, String first, String second) {
        if (!z.contains(first)) {
            return first;
        }
        if (!z.contains(second)) {
            return second;
        }
        for (int i = 0; ; i++) {
            String marker = "(" + first + i + ")";
            if (!z.contains(marker)) {
                return marker;
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
