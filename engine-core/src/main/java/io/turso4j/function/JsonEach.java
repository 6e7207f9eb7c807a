package io.turso4j.function;

import io.turso4j.error.SqliteException;
import io.turso4j.value.Register;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code json_each(json [, path])} and {@code json_tree(json [, path])} (and their jsonb_
 * twins, whose value column gives containers as JSONB): the members of the
 * value at {@code path} (json_each), or that value and everything under it (json_tree), one row
 * each, with SQLite's columns key, value, type, atom, id, parent, fullkey, path and the hidden
 * json and root.
 *
 * <p>As in SQLite 3.45+, {@code id} (and {@code parent}, the parent row's id) is the offset of
 * the element in the document's JSONB encoding — of its label when it is an object member —
 * so the sizes of the encoded elements before it are computed ({@link JsonbSizes}). The root
 * row's key and path come from the path text, with SQLite's quirks: json_tree shortens the
 * root path only to a prefix whose value's first child is the root, else to {@code $}.
 *
 * <p>The two instances are immutable and shared; a scan ({@link Rows}) belongs to one cursor.
 */
final class JsonEach implements TableFunction {
    static final JsonEach EACH = new JsonEach("json_each", false, false);
    static final JsonEach TREE = new JsonEach("json_tree", true, false);
    /** jsonb_each and jsonb_tree: the same rows, with a container's value as JSONB. */
    static final JsonEach JSONB_EACH = new JsonEach("jsonb_each", false, true);
    static final JsonEach JSONB_TREE = new JsonEach("jsonb_tree", true, true);

    private static final int KEY = 0;
    private static final int VALUE = 1;
    private static final int TYPE = 2;
    private static final int ATOM = 3;
    private static final int ID = 4;
    private static final int PARENT = 5;
    private static final int FULLKEY = 6;
    private static final int PATH = 7;
    private static final int JSON = 8;

    private final String name;
    private final boolean recursive;
    private final boolean blob;

    private JsonEach(String name, boolean recursive, boolean blob) {
        this.name = name;
        this.recursive = recursive;
        this.blob = blob;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * One row: {@code key} is a Long (array index), a {@link JsonNode.Str} (object label), a
     * String or Long taken from the root path, or null; {@code parentId} is -1 for none.
     */
    private record Row(JsonNode node, long id, Object key, long parentId, String fullkey, String path) {}

    @Override
    public Rows open(Register[] args, int start, int count) {
        List<Row> rows = new ArrayList<>();
        Register json = args[start];
        if (count == 0 || json.isNull() || (count > 1 && args[start + 1].isNull())) {
            return new Scan(rows, null, null, null);
        }
        java.util.Map<JsonNode, Integer> wide = new java.util.IdentityHashMap<>();
        JsonNode doc = JsonArgs.document(json, wide);
        String root = count > 1 ? args[start + 1].toText() : "$";
        if (root.isEmpty() || root.charAt(0) != '$') {
            throw JsonArgs.badPath(root);
        }
        JsonbSizes sizes = new JsonbSizes(wide);
        Located at = locate(doc, root, sizes);
        if (at != null) {
            collect(doc, at, root, sizes, rows);
        }
        byte[] jsonb = JsonArgs.jsonb(json);
        return new Scan(rows, jsonb != null ? jsonb : json.toText(), root, blob ? wide : null);
    }

    /** The value {@code path} names: its node and JSONB offsets ({@code label} -1 unless an object member). */
    private record Located(JsonNode node, long offset, long label) {
        long id() {
            return label >= 0 ? label : offset;
        }
    }

    /** Where {@code path} leads in {@code doc}, or null when nowhere; a malformed path is an error. */
    private static Located locate(JsonNode doc, String path, JsonbSizes sizes) {
        List<Integer> positions;
        try {
            positions = JsonPath.positions(doc, path, 1);
        } catch (JsonPath.BadPath e) {
            throw JsonArgs.badPath(path);
        }
        if (positions == null) {
            return null;
        }
        JsonNode node = doc;
        long offset = 0;
        long label = -1;
        for (int p : positions) {
            long child = offset + sizes.header(node);
            switch (node) {
                case JsonNode.Arr arr -> {
                    for (int i = 0; i < p; i++) {
                        child += sizes.total(arr.items().get(i));
                    }
                    node = arr.items().get(p);
                    label = -1;
                }
                case JsonNode.Obj obj -> {
                    for (int i = 0; i < p; i++) {
                        child += sizes.total(obj.keys().get(i)) + sizes.total(obj.values().get(i));
                    }
                    label = child;
                    child += sizes.total(obj.keys().get(p));
                    node = obj.values().get(p);
                }
                default -> throw new IllegalStateException("a path step into a scalar");
            }
            offset = child;
        }
        return new Located(node, offset, label);
    }

    /** Adds the rows under (json_each) or from (json_tree) the value at {@code root}. */
    private void collect(JsonNode doc, Located at, String root, JsonbSizes sizes, List<Row> rows) {
        boolean container = at.node() instanceof JsonNode.Arr || at.node() instanceof JsonNode.Obj;
        if (recursive || !container) {
            String path = recursive ? root.substring(0, shortenedRoot(doc, root, at.id(), sizes)) : root;
            rows.add(new Row(at.node(), at.id(), rootKey(root, path.length()), -1, root, path));
        }
        if (container) {
            children(at.node(), at.offset(), recursive ? at.id() : -1, root, sizes, rows);
        }
    }

    /**
     * The rows of the members of {@code node} (at JSONB {@code offset}, reported as parent
     * {@code parentId}) whose full keys extend {@code path}; json_tree's descend into them.
     */
    private void children(JsonNode node, long offset, long parentId, String path, JsonbSizes sizes, List<Row> rows) {
        long at = offset + sizes.header(node);
        if (node instanceof JsonNode.Arr arr) {
            for (int i = 0; i < arr.items().size(); i++) {
                JsonNode item = arr.items().get(i);
                member(item, at, at, (long) i, parentId, path + "[" + i + "]", path, sizes, rows);
                at += sizes.total(item);
            }
        } else if (node instanceof JsonNode.Obj obj) {
            for (int i = 0; i < obj.keys().size(); i++) {
                JsonNode.Str key = obj.keys().get(i);
                JsonNode value = obj.values().get(i);
                long valueAt = at + sizes.total(key);
                member(value, at, valueAt, key, parentId, path + keyStep(key.payload()), path, sizes, rows);
                at = valueAt + sizes.total(value);
            }
        }
    }

    private void member(JsonNode node, long id, long offset, Object key, long parentId, String fullkey, String path,
            JsonbSizes sizes, List<Row> rows) {
        rows.add(new Row(node, id, key, recursive ? parentId : -1, fullkey, path));
        if (recursive) {
            children(node, offset, id, fullkey, sizes, rows);
        }
    }

    /** A label as a path step: {@code .key}, quoted unless it is an ASCII letter then letters and digits. */
    private static String keyStep(String escaped) {
        boolean quote = escaped.isEmpty() || !isAsciiLetter(escaped.charAt(0));
        for (int i = 0; i < escaped.length() && !quote; i++) {
            char c = escaped.charAt(i);
            quote = !isAsciiLetter(c) && !(c >= '0' && c <= '9');
        }
        return quote ? ".\"" + escaped + "\"" : "." + escaped;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * How much of {@code root} json_tree's first row reports as its path (SQLite's
     * jsonEachPathLength): the longest prefix ending before a step whose value's first child
     * is the root row; else just {@code $}.
     */
    private static int shortenedRoot(JsonNode doc, String root, long rootId, JsonbSizes sizes) {
        int n = root.length();
        while (n > 1) {
            n--;
            char c = root.charAt(n);
            if (c != '[' && c != '.') {
                continue;
            }
            Located prefix;
            try {
                prefix = locate(doc, root.substring(0, n), sizes);
            } catch (SqliteException badPath) {
                continue;
            }
            if (prefix != null && prefix.offset() + sizes.header(prefix.node()) == rootId) {
                break;
            }
        }
        return n;
    }

    /** The root row's key: the step of {@code root} after its first {@code pathLength} characters. */
    private static Object rootKey(String root, int pathLength) {
        int n = root.length() - pathLength;
        if (root.length() == 1 || n == 0) {
            return null;
        }
        int j = pathLength;
        if (root.charAt(j) == '[') {
            return leadingInteger(root.substring(j + 1, j + n));
        }
        if (j + 1 < root.length() && root.charAt(j + 1) == '"') {
            return root.substring(j + 2, Math.max(j + 2, j + n - 1));
        }
        return root.substring(j + 1, j + n);
    }

    /** The integer at the start of {@code s} (sign, digits), as sqlite3Atoi64 reads it; 0 if none. */
    private static long leadingInteger(String s) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i++) == '-';
        }
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i++) - '0');
        }
        return negative ? -v : v;
    }

    /** A scan over rows computed when it was opened. */
    private static final class Scan implements Rows {
        private final List<Row> rows;
        /** The hidden json column: the JSONB blob as given, else the argument as text. */
        private final Object json;
        private final String root;
        private int at = -1;

        /** For jsonb_each/jsonb_tree, the header widths to give containers' JSONB values; else null. */
        private final java.util.Map<JsonNode, Integer> jsonb;

        Scan(List<Row> rows, Object json, String root, java.util.Map<JsonNode, Integer> jsonb) {
            this.jsonb = jsonb;
            this.rows = rows;
            this.json = json;
            this.root = root;
        }

        @Override
        public boolean next() {
            return ++at < rows.size();
        }

        @Override
        public void column(int i, Register out) {
            Row row = rows.get(at);
            JsonNode node = row.node();
            boolean container = node instanceof JsonNode.Arr || node instanceof JsonNode.Obj;
            switch (i) {
                case KEY -> {
                    switch (row.key()) {
                        case null -> out.setNull();
                        case Long l -> out.setInt(l);
                        case JsonNode.Str s -> out.setText(s.value());
                        case Object o -> out.setText(o.toString());
                    }
                }
                case VALUE -> {
                    if (container && jsonb != null) {
                        out.setBlob(JsonbWriter.encode(node, jsonb));
                    } else {
                        JsonArgs.setSql(out, node, true);
                    }
                }
                case TYPE -> out.setText(node.typeName());
                case ATOM -> {
                    if (container) {
                        out.setNull();
                    } else {
                        JsonArgs.setSql(out, node, false);
                    }
                }
                case ID -> out.setInt(row.id());
                case PARENT -> {
                    if (row.parentId() < 0) {
                        out.setNull();
                    } else {
                        out.setInt(row.parentId());
                    }
                }
                case FULLKEY -> out.setText(row.fullkey());
                case PATH -> out.setText(row.path());
                case JSON -> {
                    if (json instanceof byte[] blob) {
                        out.setBlob(blob);
                    } else {
                        out.setText((String) json);
                    }
                }
                default -> out.setText(root);
            }
        }
    }
}
