package io.turso4j.function;

/**
 * Parses JSON text as SQLite's JSON functions do: RFC 8259 plus the JSON5 extensions SQLite
 * accepts (comments, extra whitespace, trailing commas, unquoted and single-quoted keys and
 * strings, hex, {@code +1}, {@code .5}, {@code 5.}, {@code Infinity}/{@code inf} and
 * {@code NaN} in any case, JSON5 string escapes). Numbers and strings are kept as written,
 * with the JSONB element type SQLite gives them ({@link JsonNode.Num}, {@link JsonNode.Str}),
 * and {@link #usedJson5()} says whether any JSON5 appeared ({@code json_valid} with its
 * default flags rejects it).
 *
 * <p>On malformed input {@link #parse} returns null and {@link #errorPosition()} is where
 * the text where SQLite reports the error (0 for trailing garbage, as SQLite does). One reader
 * parses one text; not thread-safe.
 */
final class JsonReader {
    private static final int MAX_DEPTH = 1000;

    private final String s;
    private int pos;
    private int depth;
    private boolean json5;
    private int errorOffset = -1;

    private JsonReader(String text) {
        int nul = text.indexOf('\0');
        this.s = nul < 0 ? text : text.substring(0, nul); // SQLite reads JSON text up to a NUL
    }

    /** The tree of {@code text}, or null if it is not JSON (nor JSON5). */
    static JsonNode parseOrNull(String text) {
        return new JsonReader(text).parse();
    }

    static JsonReader of(String text) {
        return new JsonReader(text);
    }

    JsonNode parse() {
        try {
            skipSpace();
            if (pos >= s.length()) {
                errorOffset = 0;
                return null;
            }
            JsonNode v = value();
            skipSpace();
            if (pos < s.length()) {
                errorOffset = 0;
                return null;
            }
            return v;
        } catch (Malformed e) {
            return null;
        }
    }

    boolean usedJson5() {
        return json5;
    }

    /** The 1-based character position of the error, as {@code json_error_position} reports it. */
    int errorPosition() {
        return s.codePointCount(0, Math.min(errorOffset, s.length())) + 1;
    }

    private static final class Malformed extends RuntimeException {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private Malformed fail(int at) {
        errorOffset = at;
        return new Malformed();
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private JsonNode value() {
        if (pos >= s.length()) {
            throw fail(pos);
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{' -> {
                return object();
            }
            case '[' -> {
                return array();
            }
            case '"', '\'' -> {
                return string();
            }
            case 't' -> {
                return literal("true", JsonNode.TRUE);
            }
            case 'f' -> {
                return literal("false", JsonNode.FALSE);
            }
            default -> {
                if (c == 'n' && s.startsWith("null", pos) && !identifierChar(pos + 4)) {
                    pos += 4;
                    return JsonNode.NULL;
                }
                if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
                    return number();
                }
                return nanOrInfinity();
            }
        }
    }

    /** The words SQLite reads, in any case, as NaN (null) or infinity (the FLOAT 9e999), in the order it tries them. */
    private static final String[] NON_FINITE = {"inf", "infinity", "nan", "qnan", "snan"};

    private JsonNode nanOrInfinity() {
        for (String word : NON_FINITE) {
            if (s.regionMatches(true, pos, word, 0, word.length()) && !alphanumeric(pos + word.length())) {
                pos += word.length();
                json5 = true;
                return word.startsWith("inf") ? new JsonNode.Num(JsonbText.FLOAT, "9e999") : JsonNode.NULL;
            }
        }
        throw fail(pos);
    }

    private boolean alphanumeric(int at) {
        if (at >= s.length()) {
            return false;
        }
        char c = s.charAt(at);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private JsonNode literal(String word, JsonNode node) {
        if (!s.startsWith(word, pos) || identifierChar(pos + word.length())) {
            throw fail(pos);
        }
        pos += word.length();
        return node;
    }

    private boolean identifierChar(int at) {
        if (at >= s.length()) {
            return false;
        }
        char c = s.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private JsonNode object() {
        enter();
        pos++;
        JsonNode.Obj obj = new JsonNode.Obj();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                if (!obj.keys().isEmpty()) {
                    json5 = true; // trailing comma
                }
                pos++;
                break;
            }
            JsonNode.Str key;
            char c = peek();
            if (c == '"' || c == '\'') {
                key = string();
            } else if (c != 0 && (Character.isLetter(c) || c == '_' || c == '$')) {
                int start = pos;
                while (identifierChar(pos)) {
                    pos++;
                }
                key = new JsonNode.Str(JsonbText.TEXT, s.substring(start, pos));
                json5 = true;
            } else {
                throw fail(pos);
            }
            skipSpace();
            if (peek() != ':') {
                throw fail(pos);
            }
            pos++;
            skipSpace();
            obj.add(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                break;
            } else {
                throw fail(pos);
            }
        }
        depth--;
        return obj;
    }

    private JsonNode array() {
        enter();
        pos++;
        JsonNode.Arr arr = new JsonNode.Arr();
        while (true) {
            skipSpace();
            if (peek() == ']') {
                if (!arr.items().isEmpty()) {
                    json5 = true;
                }
                pos++;
                break;
            }
            arr.items().add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                break;
            } else {
                throw fail(pos);
            }
        }
        depth--;
        return arr;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail(pos);
        }
    }

    /**
     * A quoted string, kept as written between its quotes; its JSONB kind is TEXT without
     * escapes, TEXTJ with RFC 8259 escapes only, TEXT5 with JSON5 escapes, raw control
     * characters or a raw {@code "} (in a single-quoted string).
     */
    private JsonNode.Str string() {
        char quote = s.charAt(pos);
        if (quote == '\'') {
            json5 = true;
        }
        int start = ++pos;
        int kind = JsonbText.TEXT;
        while (true) {
            if (pos >= s.length()) {
                throw fail(pos);
            }
            char c = s.charAt(pos);
            if (c == quote) {
                pos++;
                return new JsonNode.Str(kind, s.substring(start, pos - 1));
            }
            if (c == '\\') {
                if (escape()) {
                    kind = JsonbText.TEXT5;
                } else if (kind == JsonbText.TEXT) {
                    kind = JsonbText.TEXTJ;
                }
            } else {
                if (c == 0) {
                    throw fail(pos);
                }
                if (c < 0x20) {
                    json5 = true;
                    kind = JsonbText.TEXT5;
                } else if (c == '"') {
                    kind = JsonbText.TEXT5;
                }
                pos++;
            }
        }
    }

    /** Reads the escape at {@code pos}; true if it is a JSON5 one. */
    private boolean escape() {
        int at = pos + 1;
        if (at >= s.length()) {
            throw fail(at);
        }
        char e = s.charAt(at);
        pos = at + 1;
        switch (e) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return false;
            }
            case 'u' -> {
                if (!hexDigits(pos, 4)) {
                    throw fail(at);
                }
                pos += 4;
                return false;
            }
            case '\'', 'v', '\n', '\u2028', '\u2029' -> {
                json5 = true;
                return true;
            }
            case '0' -> {
                // JSON5's \0 may not be followed by a digit (it would read as an octal escape).
                if (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                    throw fail(at);
                }
                json5 = true;
                return true;
            }
            case 'x' -> {
                if (!hexDigits(pos, 2)) {
                    throw fail(at);
                }
                json5 = true;
                pos += 2;
                return true;
            }
            case '\r' -> {
                json5 = true;
                if (peek() == '\n') {
                    pos++;
                }
                return true;
            }
            default -> throw fail(at);
        }
    }

    private boolean hexDigits(int from, int n) {
        if (from + n > s.length()) {
            return false;
        }
        for (int i = from; i < from + n; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A number, kept as written without a leading {@code +}: INT5 for hex, FLOAT5 for a dot
     * without a digit beside it, and {@code Infinity} as the FLOAT {@code 9e999}.
     */
    private JsonNode number() {
        int start = pos;
        char c = s.charAt(pos);
        boolean negative = c == '-';
        if (c == '-' || c == '+') {
            json5 |= c == '+';
            pos++;
        }
        if (c != '.' && (c < '0' || c > '9') && s.regionMatches(true, pos, "inf", 0, 3)) {
            // SQLite reads a signed "inf" in any case, and "inity" after it when it is there.
            pos += s.regionMatches(true, pos + 3, "inity", 0, 5) ? 8 : 3;
            json5 = true;
            return new JsonNode.Num(JsonbText.FLOAT, negative ? "-9e999" : "9e999");
        }
        int payloadStart = c == '+' ? start + 1 : start;
        if (peek() == '0' && pos + 1 < s.length() && (s.charAt(pos + 1) == 'x' || s.charAt(pos + 1) == 'X')) {
            int digits = pos + 2;
            int end = digits;
            while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0 && s.charAt(end) < 128) {
                end++;
            }
            if (end == digits) {
                throw fail(start);
            }
            json5 = true;
            pos = end;
            return new JsonNode.Num(JsonbText.INT5, s.substring(payloadStart, end));
        }
        int intStart = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        int intDigits = pos - intStart;
        if (intDigits > 1 && s.charAt(intStart) == '0') {
            throw fail(intStart + 1);
        }
        boolean real = false;
        boolean loneDot = false;
        if (intDigits == 0) {
            if (peek() != '.') {
                throw fail(start);
            }
            json5 = true;
            loneDot = true;
        }
        if (peek() == '.') {
            real = true;
            pos++;
            int fracStart = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == fracStart) {
                if (intDigits == 0) {
                    throw fail(pos - 1);
                }
                json5 = true;
                loneDot = true;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            real = true;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            int expDigits = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == expDigits) {
                throw fail(pos - 1); // SQLite points at the 'e' or its sign
            }
        }
        int kind = loneDot ? JsonbText.FLOAT5 : real ? JsonbText.FLOAT : JsonbText.INT;
        return new JsonNode.Num(kind, s.substring(payloadStart, pos));
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                int end = s.indexOf("*/", pos + 2);
                if (end < 0) {
                    return;
                }
                json5 = true;
                pos = end + 2;
            } else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
                int end = s.indexOf('\n', pos);
                json5 = true;
                pos = end < 0 ? s.length() : end + 1;
            } else if (c == 0x0b || c == 0x0c || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a)
                    || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff) {
                json5 = true;
                pos++;
            } else {
                return;
            }
        }
    }
}
