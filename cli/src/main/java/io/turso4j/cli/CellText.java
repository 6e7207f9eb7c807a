package io.turso4j.cli;

import io.turso4j.value.RealFormat;

import java.nio.charset.StandardCharsets;

/**
 * A value as sqlite3's shell prints it: the bytes of {@code sqlite3_column_text}, cut at the
 * first NUL because the shell prints them with {@code %s}. So integers in decimal, reals in
 * 3.40's {@code %!.15g} rendering, text as UTF-8, blobs as their raw bytes, and NULL as null
 * (each output mode decides how to show it). Stateless.
 */
final class CellText {
    private CellText() {}

    /** The printed bytes of a Long, Double, String or byte[] value; null for NULL. */
    static byte[] of(Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> ascii(Long.toString(l));
            case Integer i -> ascii(Integer.toString(i));
            case Double d -> ascii(RealFormat.FIFTEEN_DIGITS_LEGACY.format(d));
            case String s -> cutAtNul(s.getBytes(StandardCharsets.UTF_8));
            case byte[] b -> cutAtNul(b);
            default -> throw new IllegalArgumentException("not an SQL value: " + value.getClass().getName());
        };
    }

    /** Text (a column name, a separator) as the shell prints it. */
    static byte[] text(String s) {
        return cutAtNul(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Characters on screen: UTF-8 bytes that do not continue a character. */
    static int displayWidth(byte[] utf8) {
        int n = 0;
        for (byte b : utf8) {
            if ((b & 0xc0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] cutAtNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return java.util.Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }
}
