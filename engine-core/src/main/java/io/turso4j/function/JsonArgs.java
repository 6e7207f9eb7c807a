package io.turso4j.function;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.value.RealFormat;
import io.turso4j.value.Register;
import io.turso4j.value.ValueType;

/**
 * Moves values between SQL registers and JSON trees the way SQLite's JSON functions do: which
 * argument is parsed as JSON, which is embedded as a string (a TEXT without the JSON subtype),
 * how a REAL is spelled in JSON, and what a JSON value extracts to in SQL.
 *
 * <p>Stateless; any thread.
 */
final class JsonArgs {
    private JsonArgs() {
    }

    static SqliteException error(String message) {
        return new SqliteException(ResultCode.ERROR, message);
    }

    static SqliteException malformed() {
        return error("malformed JSON");
    }

    /**
     * The JSON document argument {@code r} parsed; null for SQL NULL; "malformed JSON" if it is
     * not JSON. A BLOB is read as JSONB when SQLite takes it as such, else as JSON text.
     */
    static JsonNode document(Register r) {
        return document(r, new java.util.IdentityHashMap<>());
    }

    /** Like {@link #document(Register)}; a JSONB blob's wider-than-needed headers go into {@code wide}. */
    static JsonNode document(Register r, java.util.Map<JsonNode, Integer> wide) {
        if (r.isNull()) {
            return null;
        }
        byte[] jsonb = jsonb(r);
        if (jsonb != null) {
            return JsonbReader.decode(jsonb, wide);
        }
        JsonNode node = JsonReader.parseOrNull(r.toText());
        if (node == null) {
            throw malformed();
        }
        return node;
    }

    /** The bytes of {@code r} when it is a BLOB that SQLite takes as JSONB, else null. */
    static byte[] jsonb(Register r) {
        if (r.type() != ValueType.BLOB) {
            return null;
        }
        byte[] blob = r.bytesCopy();
        return JsonbReader.isJsonb(blob) ? blob : null;
    }

    /**
     * A value argument as the JSON builders embed it (json_array, json_object, json_quote, the
     * group aggregates): text is escaped as in JSON text, JSON-subtyped text and JSONB are JSON.
     * SQLite builds these as JSON text, so JSONB comes in with its canonical spelling
     * ({@code 0x1F} as {@code 31}, JSON5 escapes as RFC 8259 ones).
     */
    static JsonNode value(Register r) {
        return switch (r.type()) {
            case NULL -> JsonNode.NULL;
            case INTEGER -> new JsonNode.Num(Long.toString(r.intValue()));
            case REAL -> new JsonNode.Num(real(r.realValue()));
            case TEXT -> r.subtype() == JsonNode.SUBTYPE ? document(r) : JsonNode.Str.of(r.toText());
            case BLOB -> {
                byte[] jsonb = jsonb(r);
                if (jsonb == null) {
                    throw error("JSON cannot hold BLOB values");
                }
                JsonNode decoded = JsonbReader.decode(jsonb);
                JsonNode canonical = JsonReader.parseOrNull(decoded.toJson());
                yield canonical != null ? canonical : decoded; // a damaged payload SQLite copies as it is
            }
        };
    }

    /**
     * A value argument as the edit functions put it in, straight into JSONB: plain text stays
     * unescaped (TEXTRAW), an infinite REAL is {@code 9e999}, JSONB keeps its spelling and
     * header widths (noted in {@code wide}).
     */
    static JsonNode editValue(Register r, java.util.Map<JsonNode, Integer> wide) {
        switch (r.type()) {
            case TEXT -> {
                if (r.subtype() != JsonNode.SUBTYPE) {
                    return JsonNode.Str.raw(r.toText());
                }
            }
            case REAL -> {
                double d = r.realValue();
                if (Double.isNaN(d)) {
                    return JsonNode.NULL;
                }
                if (Double.isInfinite(d)) {
                    return new JsonNode.Num(JsonbText.FLOAT, d > 0 ? "9e999" : "-9e999");
                }
            }
            case BLOB -> {
                byte[] jsonb = jsonb(r);
                if (jsonb != null) {
                    return JsonbReader.decode(jsonb, wide);
                }
            }
            default -> {
            }
        }
        return value(r);
    }

    /** A REAL spelled as SQLite's JSON functions spell it ({@code 1.0e+20}, {@code 9.0e+999}). */
    static String real(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "9.0e+999" : "-9.0e+999";
        }
        return RealFormat.SEVENTEEN_DIGITS.format(d);
    }

    /** Stores {@code node} as JSON text tagged with the JSON subtype. */
    static void setJson(Register out, JsonNode node) {
        out.setText(node.toJson()).setSubtype(JsonNode.SUBTYPE);
    }

    /** Stores {@code node} as a JSONB blob. */
    static void setJsonb(Register out, JsonNode node) {
        out.setBlob(JsonbWriter.encode(node));
    }

    /** Stores {@code node} as a jsonb_ function ({@code blob}) or a json_ one returns it. */
    static void setResult(Register out, JsonNode node, boolean blob) {
        if (blob) {
            setJsonb(out, node);
        } else {
            setJson(out, node);
        }
    }

    /**
     * Stores what {@code json_extract} gives for {@code node}: an SQL value, or JSON text for
     * containers (JSON-subtyped when {@code tagged}; {@code ->>} gives them as plain text).
     */
    static void setSql(Register out, JsonNode node, boolean tagged) {
        switch (node) {
            case JsonNode.Literal l when l == JsonNode.NULL -> out.setNull();
            case JsonNode.Literal l -> out.setInt(l == JsonNode.TRUE ? 1 : 0);
            case JsonNode.Num n -> {
                if (n.kind() == JsonbText.INT5 && n.text().endsWith("e999")) {
                    throw malformed(); // SQLite cannot read a hex integer over 64 bits back
                }
                if (n.isInteger()) {
                    try {
                        out.setInt(Long.parseLong(n.text()));
                    } catch (NumberFormatException tooBig) {
                        out.setReal(Double.parseDouble(n.text()));
                    }
                } else {
                    out.setReal(Double.parseDouble(n.text()));
                }
            }
            case JsonNode.Str str -> out.setText(str.value());
            default -> {
                if (tagged) {
                    setJson(out, node);
                } else {
                    out.setText(node.toJson());
                }
            }
        }
    }

    /** The path argument's text, checked to start with {@code $}; null for SQL NULL. */
    static String path(Register r) {
        if (r.isNull()) {
            return null;
        }
        String p = r.toText();
        if (p.isEmpty() || p.charAt(0) != '$') {
            throw badPath(p);
        }
        return p;
    }

    static SqliteException badPath(String path) {
        return error("bad JSON path: '" + path + "'");
    }

    /** The value at {@code path} (which starts with {@code $}), or null; a malformed path is an error. */
    static JsonNode lookup(JsonNode doc, String path) {
        try {
            return JsonPath.lookup(doc, path, 1);
        } catch (JsonPath.BadPath e) {
            throw badPath(path);
        }
    }

    /**
     * The {@code ->} / {@code ->>} right operand as a full path: an integer N is {@code $[N]}
     * ({@code $[#-N]} when negative), a label is {@code $.label}, {@code [..]} is kept, other
     * text becomes a quoted key.
     */
    static String abbreviatedPath(Register r) {
        if (r.isNull()) {
            return null;
        }
        String p = r.toText();
        if (r.type() == ValueType.INTEGER) {
            return p.startsWith("-") ? "$[#" + p + "]" : "$[" + p + "]";
        }
        if (p.startsWith("$")) {
            return p;
        }
        if (!p.isEmpty() && p.chars().allMatch(c -> c == '_' || (c < 128 && Character.isLetterOrDigit(c)))) {
            return "$." + p;
        }
        if (p.length() >= 3 && p.charAt(0) == '[' && p.charAt(p.length() - 1) == ']') {
            return "$" + p;
        }
        return "$.\"" + p + "\"";
    }
}
