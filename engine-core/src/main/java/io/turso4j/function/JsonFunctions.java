package io.turso4j.function;

import io.turso4j.value.Register;
import io.turso4j.value.ValueType;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite's JSON scalar functions (<a href="https://sqlite.org/json1.html">json1</a>): json,
 * json_valid, json_quote, json_array, json_object, json_extract and the {@code ->}/{@code ->>}
 * operators (registered under those names; the code generator calls them), json_type,
 * json_array_length, json_insert/json_replace/json_set/json_remove, json_patch, json_pretty
 * and json_error_position, and the jsonb_ twins of those that build JSON, which return SQLite's
 * JSONB blob instead of text. Results that are JSON text carry the JSON subtype so that
 * another JSON function embeds them as JSON rather than as a string; every document argument
 * may be JSON text or a JSONB blob.
 *
 * <p>Every call parses its arguments afresh, so edits never leak between calls. Stateless; any
 * thread.
 */
final class JsonFunctions {
    private JsonFunctions() {
    }

    static void register(FunctionRegistry.Builder b) {
        for (boolean blob : new boolean[] {false, true}) {
            String prefix = blob ? "jsonb" : "json";
            b.scalar(prefix, 1, (ctx, a, s, n, out) -> json(a[s], blob, out));
            b.variadic(prefix + "_array", 0, (ctx, a, s, n, out) -> {
                JsonNode.Arr arr = new JsonNode.Arr();
                for (int i = 0; i < n; i++) {
                    arr.items().add(JsonArgs.value(a[s + i]));
                }
                JsonArgs.setResult(out, arr, blob);
            });
            b.variadic(prefix + "_object", 0, (ctx, a, s, n, out) -> object(a, s, n, blob, out));
            b.variadic(prefix + "_extract", 1, (ctx, a, s, n, out) -> extract(a, s, n, blob, out));
            for (JsonPath.Edit edit : List.of(JsonPath.Edit.INSERT, JsonPath.Edit.REPLACE, JsonPath.Edit.SET)) {
                String name = prefix + "_" + edit.name().toLowerCase(java.util.Locale.ROOT);
                String messageName = "json_" + edit.name().toLowerCase(java.util.Locale.ROOT); // SQLite's, for both
                b.variadic(name, 1, (ctx, a, s, n, out) -> edit(messageName, edit, a, s, n, blob, out));
            }
            b.variadic(prefix + "_remove", 1, (ctx, a, s, n, out) -> remove(a, s, n, blob, out));
            b.scalar(prefix + "_patch", 2, (ctx, a, s, n, out) -> {
                Map<JsonNode, Integer> wide = new IdentityHashMap<>();
                JsonNode target = JsonArgs.document(a[s], wide);
                JsonNode patch = JsonArgs.document(a[s + 1], wide);
                if (target == null || patch == null) {
                    out.setNull();
                } else {
                    result(out, JsonPatch.merge(target, patch, wide), blob, wide);
                }
            });
        }
        b.scalar("json_pretty", 1, (ctx, a, s, n, out) -> pretty(a[s], null, out));
        b.scalar("json_pretty", 2, (ctx, a, s, n, out) -> pretty(a[s], a[s + 1], out));
        b.scalar("json_valid", 1, (ctx, a, s, n, out) -> valid(a[s], 1, out));
        b.scalar("json_valid", 2, (ctx, a, s, n, out) -> {
            long flags = a[s + 1].toLong();
            if (flags < 1 || flags > 15) {
                throw JsonArgs.error("FLAGS parameter to json_valid() must be between 1 and 15");
            }
            valid(a[s], (int) flags, out);
        });
        b.scalar("json_quote", 1, (ctx, a, s, n, out) -> JsonArgs.setJson(out, JsonArgs.value(a[s])));
        b.scalar("->", 2, (ctx, a, s, n, out) -> arrow(a[s], a[s + 1], true, out));
        b.scalar("->>", 2, (ctx, a, s, n, out) -> arrow(a[s], a[s + 1], false, out));
        b.scalar("json_type", 1, (ctx, a, s, n, out) -> type(a[s], null, out));
        b.scalar("json_type", 2, (ctx, a, s, n, out) -> type(a[s], a[s + 1], out));
        b.scalar("json_array_length", 1, (ctx, a, s, n, out) -> arrayLength(a[s], null, out));
        b.scalar("json_array_length", 2, (ctx, a, s, n, out) -> arrayLength(a[s], a[s + 1], out));
        b.scalar("json_error_position", 1, (ctx, a, s, n, out) -> {
            Register x = a[s];
            if (x.isNull()) {
                out.setNull();
                return;
            }
            byte[] jsonb = JsonArgs.jsonb(x);
            if (jsonb != null) {
                out.setInt(JsonbReader.errorPosition(jsonb));
                return;
            }
            JsonReader reader = JsonReader.of(x.toText());
            out.setInt(reader.parse() == null ? reader.errorPosition() : 0);
        });
    }

    /** json(X) / jsonb(X): X minified, or converted; a JSONB blob given to jsonb() comes back as it is. */
    private static void json(Register x, boolean blob, Register out) {
        byte[] jsonb = blob ? JsonArgs.jsonb(x) : null;
        if (jsonb != null) {
            out.setBlob(jsonb);
            return;
        }
        JsonNode doc = JsonArgs.document(x);
        if (doc == null) {
            out.setNull();
        } else {
            JsonArgs.setResult(out, doc, blob);
        }
    }

    /** json_pretty(X [, indent]): X with one member per line, nested ones indented (4 spaces unless given). */
    private static void pretty(Register x, Register indent, Register out) {
        JsonNode doc = JsonArgs.document(x);
        if (doc == null) {
            out.setNull();
            return;
        }
        StringBuilder sb = new StringBuilder();
        pretty(doc, indent == null || indent.isNull() ? "    " : indent.toText(), 0, sb);
        out.setText(sb.toString()).setSubtype(JsonNode.SUBTYPE);
    }

    private static void pretty(JsonNode node, String indent, int level, StringBuilder out) {
        int size = node instanceof JsonNode.Arr a ? a.items().size() : node instanceof JsonNode.Obj o ? o.keys().size() : 0;
        if (size == 0) {
            node.print(out);
            return;
        }
        boolean object = node instanceof JsonNode.Obj;
        out.append(object ? "{\n" : "[\n");
        for (int i = 0; i < size; i++) {
            out.repeat(indent, level + 1);
            if (node instanceof JsonNode.Obj o) {
                o.keys().get(i).print(out);
                out.append(": ");
                pretty(o.values().get(i), indent, level + 1, out);
            } else {
                pretty(((JsonNode.Arr) node).items().get(i), indent, level + 1, out);
            }
            out.append(i + 1 < size ? ",\n" : "\n");
        }
        out.repeat(indent, level);
        out.append(object ? '}' : ']');
    }

    /**
     * json_valid with SQLite's flags: 1 RFC 8259 text, 2 JSON5 text, 4 a blob that looks like
     * JSONB (its outer header), 8 a blob that is JSONB throughout. A blob not taken as JSONB is
     * checked as text.
     */
    private static void valid(Register x, int flags, Register out) {
        if (x.isNull()) {
            out.setNull();
            return;
        }
        byte[] jsonb = JsonArgs.jsonb(x);
        if (jsonb != null) {
            boolean ok = (flags & 4) != 0 || ((flags & 8) != 0 && JsonbReader.errorPosition(jsonb) == 0);
            out.setInt(ok ? 1 : 0);
            return;
        }
        if ((flags & 3) == 0) {
            out.setInt(0);
            return;
        }
        JsonReader reader = JsonReader.of(x.toText());
        JsonNode doc = reader.parse();
        boolean ok = doc != null && ((flags & 2) != 0 || !reader.usedJson5());
        out.setInt(ok ? 1 : 0);
    }

    private static void object(Register[] a, int s, int n, boolean blob, Register out) {
        if (n % 2 != 0) {
            throw JsonArgs.error("json_object() requires an even number of arguments");
        }
        JsonNode.Obj obj = new JsonNode.Obj();
        for (int i = 0; i < n; i += 2) {
            Register key = a[s + i];
            if (key.type() != ValueType.TEXT) {
                throw JsonArgs.error("json_object() labels must be TEXT");
            }
            obj.add(JsonNode.Str.of(key.toText()), JsonArgs.value(a[s + i + 1]));
        }
        JsonArgs.setResult(out, obj, blob);
    }

    /** json_extract / jsonb_extract: one path gives an SQL value (a container as JSON or JSONB); several give an array. */
    private static void extract(Register[] a, int s, int n, boolean blob, Register out) {
        Map<JsonNode, Integer> wide = new IdentityHashMap<>();
        JsonNode doc = JsonArgs.document(a[s], wide);
        if (doc == null || n < 2) {
            out.setNull();
            return;
        }
        if (n == 2) {
            String path = JsonArgs.path(a[s + 1]);
            JsonNode found = path == null ? null : JsonArgs.lookup(doc, path);
            if (found == null) {
                out.setNull();
            } else if (blob && (found instanceof JsonNode.Arr || found instanceof JsonNode.Obj)) {
                out.setBlob(JsonbWriter.encode(found, wide));
            } else {
                JsonArgs.setSql(out, found, true);
            }
            return;
        }
        JsonNode.Arr all = new JsonNode.Arr();
        for (int i = 1; i < n; i++) {
            String path = JsonArgs.path(a[s + i]);
            if (path == null) {
                out.setNull();
                return;
            }
            JsonNode found = JsonArgs.lookup(doc, path);
            all.items().add(found == null ? JsonNode.NULL : found);
        }
        // SQLite builds this array as JSON text, so JSONB gets the canonical spellings.
        JsonNode canonical = blob ? JsonReader.parseOrNull(all.toJson()) : null;
        JsonArgs.setResult(out, canonical != null ? canonical : all, blob);
    }

    private static void arrow(Register x, Register p, boolean asJson, Register out) {
        JsonNode doc = JsonArgs.document(x);
        String path = JsonArgs.abbreviatedPath(p);
        JsonNode found = doc == null || path == null ? null : JsonArgs.lookup(doc, path);
        if (found == null) {
            out.setNull();
        } else if (asJson) {
            JsonArgs.setJson(out, found);
        } else {
            JsonArgs.setSql(out, found, false);
        }
    }

    /** The value at the optional path argument {@code p}, or null (NULL doc, NULL path, not found). */
    private static JsonNode at(Register x, Register p) {
        JsonNode doc = JsonArgs.document(x);
        if (doc == null || p == null) {
            return doc;
        }
        String path = JsonArgs.path(p);
        return path == null ? null : JsonArgs.lookup(doc, path);
    }

    private static void type(Register x, Register p, Register out) {
        JsonNode found = at(x, p);
        if (found == null) {
            out.setNull();
        } else {
            out.setText(found.typeName());
        }
    }

    private static void arrayLength(Register x, Register p, Register out) {
        JsonNode found = at(x, p);
        if (found == null) {
            out.setNull();
        } else {
            out.setInt(found instanceof JsonNode.Arr arr ? arr.items().size() : 0);
        }
    }

    private static void edit(String name, JsonPath.Edit edit, Register[] a, int s, int n, boolean blob, Register out) {
        if (n % 2 == 0) {
            throw JsonArgs.error(name + "() needs an odd number of arguments");
        }
        Map<JsonNode, Integer> wide = new IdentityHashMap<>();
        JsonNode doc = JsonArgs.document(a[s], wide);
        if (doc == null) {
            out.setNull();
            return;
        }
        for (int i = 1; i < n; i += 2) {
            String path = JsonArgs.path(a[s + i]);
            if (path == null) {
                continue;
            }
            doc = apply(doc, path, edit, JsonArgs.editValue(a[s + i + 1], wide), wide);
        }
        result(out, doc, blob, wide);
    }

    private static void remove(Register[] a, int s, int n, boolean blob, Register out) {
        Map<JsonNode, Integer> wide = new IdentityHashMap<>();
        JsonNode doc = JsonArgs.document(a[s], wide);
        for (int i = 1; i < n && doc != null; i++) {
            String path = JsonArgs.path(a[s + i]);
            doc = path == null ? null : apply(doc, path, JsonPath.Edit.REMOVE, null, wide);
        }
        if (doc == null) {
            out.setNull();
        } else {
            result(out, doc, blob, wide);
        }
    }

    /** Stores an edited document: JSONB keeps the header widths in {@code wide}. */
    private static void result(Register out, JsonNode doc, boolean blob, Map<JsonNode, Integer> wide) {
        if (blob) {
            out.setBlob(JsonbWriter.encode(doc, wide));
        } else {
            JsonArgs.setJson(out, doc);
        }
    }

    /** {@code doc} after {@code edit} at {@code path}: the root itself may be replaced, or removed (null). */
    private static JsonNode apply(JsonNode doc, String path, JsonPath.Edit edit, JsonNode value,
            Map<JsonNode, Integer> wide) {
        try {
            return JsonbEdits.apply(doc, path, edit, value, wide);
        } catch (JsonPath.BadPath e) {
            throw JsonArgs.badPath(path);
        }
    }
}
