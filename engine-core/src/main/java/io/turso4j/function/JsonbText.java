package io.turso4j.function;

/**
 * SQLite's JSONB element types and how a scalar element's payload reads as RFC 8259 JSON text
 * (what SQLite's blob-to-text translation prints): JSONB keeps numbers and strings as they were
 * written ({@code 0x1F}, {@code .5}, {@code 'it\'s'}), and the type says which spelling the
 * payload uses.
 *
 * <p>Stateless; any thread.
 */
final class JsonbText {
    static final int NULL = 0;
    static final int TRUE = 1;
    static final int FALSE = 2;
    /** An RFC 8259 integer. */
    static final int INT = 3;
    /** A JSON5 hexadecimal integer ({@code 0x1F}, {@code -0x10}). */
    static final int INT5 = 4;
    /** An RFC 8259 real. */
    static final int FLOAT = 5;
    /** A JSON5 real without a digit beside its dot ({@code .5}, {@code 5.}). */
    static final int FLOAT5 = 6;
    /** A string body without escapes. */
    static final int TEXT = 7;
    /** A string body with RFC 8259 escapes. */
    static final int TEXTJ = 8;
    /** A string body with JSON5 escapes or raw control characters or quotes. */
    static final int TEXT5 = 9;
    /** A string value with nothing escaped (SQL text put into JSON). */
    static final int TEXTRAW = 10;
    static final int ARRAY = 11;
    static final int OBJECT = 12;

    private JsonbText() {
    }

    /** The number {@code payload} of type {@code kind} as JSON text. */
    static String number(int kind, String payload) {
        if (kind == INT5) {
            return hexInteger(payload);
        }
        if (kind != FLOAT5) {
            return payload;
        }
        StringBuilder out = new StringBuilder(payload.length() + 2);
        int k = 0;
        if (payload.startsWith("-")) {
            out.append('-');
            k++;
        }
        if (k < payload.length() && payload.charAt(k) == '.') {
            out.append('0');
        }
        for (; k < payload.length(); k++) {
            char c = payload.charAt(k);
            out.append(c);
            if (c == '.' && (k + 1 == payload.length() || !isDigit(payload.charAt(k + 1)))) {
                out.append('0');
            }
        }
        return out.toString();
    }

    /** A hex integer in decimal, as an unsigned 64-bit value; more than 64 bits is {@code 9.0e999}. */
    private static String hexInteger(String payload) {
        StringBuilder out = new StringBuilder();
        int k = 2;
        if (payload.startsWith("-")) {
            out.append('-');
            k++;
        } else if (payload.startsWith("+")) {
            k++;
        }
        long u = 0;
        boolean overflow = false;
        for (; k < payload.length(); k++) {
            int d = Character.digit(payload.charAt(k), 16);
            if (d < 0) {
                throw JsonArgs.malformed();
            }
            if ((u >>> 60) != 0) {
                overflow = true;
            } else {
                u = u * 16 + d;
            }
        }
        return overflow ? out.append("9.0e999").toString() : out.append(Long.toUnsignedString(u)).toString();
    }

    /** The string {@code payload} of type {@code kind} as an RFC 8259 string body. */
    static String string(int kind, String payload) {
        return switch (kind) {
            case TEXTRAW -> {
                StringBuilder sb = new StringBuilder(payload.length() + 2);
                JsonNode.Str.escape(payload, sb);
                yield sb.toString();
            }
            case TEXT5 -> json5String(payload);
            default -> payload;
        };
    }

    private static String json5String(String in) {
        StringBuilder out = new StringBuilder(in.length() + 8);
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == '"') {
                out.append("\\\"");
            } else if (c < 0x20) {
                JsonNode.Str.escape(String.valueOf(c), out);
            } else if (c != '\\') {
                out.append(c);
            } else {
                if (i + 1 >= in.length()) {
                    throw JsonArgs.malformed();
                }
                char e = in.charAt(++i);
                switch (e) {
                    case '\'' -> out.append('\'');
                    case 'v' -> out.append("\\u000b");
                    case '0' -> out.append("\\u0000");
                    case 'x' -> {
                        if (i + 2 >= in.length()) {
                            throw JsonArgs.malformed();
                        }
                        out.append("\\u00").append(in, i + 1, i + 3);
                        i += 2;
                    }
                    case '\r' -> {
                        if (i + 1 < in.length() && in.charAt(i + 1) == '\n') {
                            i++;
                        }
                    }
                    case '\n', '\u2028', '\u2029' -> {
                    }
                    default -> out.append('\\').append(e);
                }
            }
        }
        return out.toString();
    }

    /**
     * Whether a TEXT5 body ends with a line continuation ({@code \} and a line break), which
     * SQLite reads back as a NUL character when it extracts the string as an SQL value.
     */
    static boolean endsWithContinuation(String payload) {
        int end = payload.length();
        if (end >= 2 && payload.charAt(end - 1) == '\n' && payload.charAt(end - 2) == '\r') {
            end--;
        }
        if (end < 2) {
            return false;
        }
        char c = payload.charAt(end - 1);
        if (c != '\n' && c != '\r' && c != '\u2028' && c != '\u2029') {
            return false;
        }
        int slashes = 0;
        for (int i = end - 2; i >= 0 && payload.charAt(i) == '\\'; i--) {
            slashes++;
        }
        return slashes % 2 == 1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
