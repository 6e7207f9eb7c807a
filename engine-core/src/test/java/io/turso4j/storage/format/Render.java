package io.turso4j.storage.format;

import java.util.HexFormat;

/**
 * Renders decoded record columns as "storageclass:value" text, the same way {@link
 * Sqlite3#render} makes sqlite3 print them, so rows can be compared as strings.
 */
final class Render {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Render() {}

    static String column(RecordReader r, int i) {
        return switch (r.typeOf(i)) {
            case NULL -> "null:";
            case INTEGER -> "integer:" + r.getLong(i);
            case REAL -> "real:" + Double.toString(r.getDouble(i));
            case TEXT -> "text:" + HEX.formatHex(r.getBlob(i));
            case BLOB -> "blob:" + HEX.formatHex(r.getBlob(i));
        };
    }

    /** Rewrites sqlite3's %.17g reals in a rendered line into Java's shortest form. */
    static String normalizeSqliteLine(String line) {
        String[] fields = line.split("\\|", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (f.startsWith("real:")) {
                f = "real:" + Double.toString(Double.parseDouble(f.substring(5)));
            }
            out.append(i == 0 ? "" : "|").append(f);
        }
        return out.toString();
    }
}
