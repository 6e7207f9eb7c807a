package io.turso4j.function;

import java.util.ArrayList;
import java.util.List;

/**
 * One parsed JSON value, as the JSON functions hold it between parsing and printing, and the
 * model of SQLite's JSONB: numbers and strings keep their text as written together with their
 * JSONB element type ({@code 0x1F} is an INT5 {@code 0x1F}, {@code 'it\'s'} a TEXT5
 * {@code it\'s}), so encoding a parsed value gives SQLite's JSONB bytes, and printing gives
 * the canonical RFC 8259 text SQLite prints ({@code 31}, {@code "it's"}), the input minified.
 * Objects keep duplicate keys in order, as SQLite does.
 *
 * <p>Arrays and objects are mutable (the editing functions change a freshly parsed tree in
 * place); a tree belongs to one function call, so it is never shared between threads.
 */
sealed interface JsonNode {

    /** SQLite's JSON subtype ({@code 'J'}): marks a function result as JSON text, not a string. */
    int SUBTYPE = 'J';

    JsonNode NULL = new Literal("null");
    JsonNode TRUE = new Literal("true");
    JsonNode FALSE = new Literal("false");

    /** Appends the minified JSON text. */
    void print(StringBuilder out);

    /** The name {@code json_type()} reports. */
    String typeName();

    default String toJson() {
        StringBuilder sb = new StringBuilder();
        print(sb);
        return sb.toString();
    }

    /** {@code null}, {@code true} or {@code false}. */
    record Literal(String text) implements JsonNode {
        @Override
        public void print(StringBuilder out) {
            out.append(text);
        }

        @Override
        public String typeName() {
            return text;
        }
    }

    /**
     * A number: {@code payload} is its text as written (without a leading {@code +}) and
     * {@code kind} its JSONB type ({@link JsonbText#INT}, INT5, FLOAT or FLOAT5), so that JSONB
     * keeps the spelling; {@link #text()} is the canonical JSON text.
     */
    record Num(int kind, String payload) implements JsonNode {
        /** A number given in canonical JSON text. */
        Num(String text) {
            this(isInteger(text) ? JsonbText.INT : JsonbText.FLOAT, text);
        }

        private static boolean isInteger(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '.' || c == 'e' || c == 'E') {
                    return false;
                }
            }
            return true;
        }

        boolean isInteger() {
            return kind == JsonbText.INT || kind == JsonbText.INT5;
        }

        /** The canonical JSON text ({@code 0x1F} is {@code 31}, {@code .5} is {@code 0.5}). */
        String text() {
            return JsonbText.number(kind, payload);
        }

        @Override
        public void print(StringBuilder out) {
            out.append(text());
        }

        @Override
        public String typeName() {
            return isInteger() ? "integer" : "real";
        }
    }

    /**
     * A string: {@code payload} is its body as JSONB keeps it, whose spelling {@code kind} names
     * ({@link JsonbText#TEXT}, TEXTJ, TEXT5 or TEXTRAW); {@link #escaped()} is the body in
     * RFC 8259 escaping.
     */
    record Str(int kind, String payload) implements JsonNode {
        /** A string given by its RFC 8259 escaped body. */
        Str(String escaped) {
            this(escaped.indexOf('\\') < 0 ? JsonbText.TEXT : JsonbText.TEXTJ, escaped);
        }

        /** The string {@code value} escaped as SQLite's JSON text builders escape it. */
        static Str of(String value) {
            StringBuilder sb = new StringBuilder(value.length() + 2);
            escape(value, sb);
            return new Str(sb.toString());
        }

        /** The string {@code value} as JSONB's unescaped TEXTRAW (a value an edit function puts in). */
        static Str raw(String value) {
            return new Str(JsonbText.TEXTRAW, value);
        }

        /** The body between the quotes in RFC 8259 escaping. */
        String escaped() {
            return JsonbText.string(kind, payload);
        }

        /** The string's value, escapes resolved (a lone surrogate becomes U+FFFD). */
        String value() {
            if (kind == JsonbText.TEXTRAW) {
                return payload;
            }
            if (kind == JsonbText.TEXT5 && JsonbText.endsWithContinuation(payload)) {
                return new Str(escaped()).value() + '\0';
            }
            String escaped = escaped();
            if (escaped.indexOf('\\') < 0) {
                return escaped;
            }
            StringBuilder sb = new StringBuilder(escaped.length());
            for (int i = 0; i < escaped.length(); i++) {
                char c = escaped.charAt(i);
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = escaped.charAt(++i);
                switch (e) {
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        char u = (char) Integer.parseInt(escaped, i + 1, i + 5, 16);
                        i += 4;
                        if (Character.isHighSurrogate(u) && i + 6 < escaped.length()
                                && escaped.startsWith("\\u", i + 1)) {
                            char low = (char) Integer.parseInt(escaped, i + 3, i + 7, 16);
                            if (Character.isLowSurrogate(low)) {
                                sb.append(u).append(low);
                                i += 6;
                                continue;
                            }
                        }
                        sb.append(Character.isSurrogate(u) ? '\uFFFD' : u);
                    }
                    default -> sb.append(e);
                }
            }
            return sb.toString();
        }

        @Override
        public void print(StringBuilder out) {
            out.append('"').append(escaped()).append('"');
        }

        @Override
        public String typeName() {
            return "text";
        }

        /** Appends {@code value} JSON-escaped, as SQLite's jsonAppendString does. */
        static void escape(String value, StringBuilder out) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
        }
    }

    /** An array; {@code items} may be edited in place. */
    record Arr(List<JsonNode> items) implements JsonNode {
        Arr() {
            this(new ArrayList<>());
        }

        @Override
        public void print(StringBuilder out) {
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                items.get(i).print(out);
            }
            out.append(']');
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** An object: {@code keys.get(i)} labels {@code values.get(i)}; duplicates allowed; editable. */
    record Obj(List<Str> keys, List<JsonNode> values) implements JsonNode {
        Obj() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        /** The index of the first member labelled {@code key} (compared unescaped), or -1. */
        int indexOf(String key) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).value().equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        void add(Str key, JsonNode value) {
            keys.add(key);
            values.add(value);
        }

        void remove(int i) {
            keys.remove(i);
            values.remove(i);
        }

        @Override
        public void print(StringBuilder out) {
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                keys.get(i).print(out);
                out.append(':');
                values.get(i).print(out);
            }
            out.append('}');
        }

        @Override
        public String typeName() {
            return "object";
        }
    }
}
