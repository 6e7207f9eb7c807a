package io.turso4j.function;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves and edits SQLite JSON paths ({@code $}, {@code .key}, {@code ."quoted key"},
 * {@code [N]}, {@code [#]}, {@code [#-N]}) step by step, as SQLite's jsonLookupStep does: a
 * step that does not fit the value (an index on an object) is "not found" even when the rest
 * of the path is malformed, and only a step that is actually read can be a path error.
 *
 * <p>Stateless; the trees it edits belong to one call.
 */
final class JsonPath {
    private JsonPath() {
    }

    /** What an edit does at the path's end. */
    enum Edit {
        REPLACE, INSERT, SET, REMOVE;

        boolean creates() {
            return this == INSERT || this == SET;
        }
    }

    /** The path text is malformed where it was read. */
    static final class BadPath extends RuntimeException {
        BadPath() {
            super(null, null, false, false);
        }
    }

    /** The value at {@code path[from..]} under {@code node}, or null if there is none. */
    static JsonNode lookup(JsonNode node, String path, int from) {
        if (from >= path.length()) {
            return node;
        }
        Step step = step(node, path, from);
        if (step == null || step.index < 0 || step.index >= step.size) {
            return null;
        }
        return lookup(step.child(node), path, step.next);
    }

    /**
     * The positions of the children {@code path[from..]} selects under {@code node}, outermost
     * first (an object member's position among its members), or null when there is no such value.
     */
    static List<Integer> positions(JsonNode node, String path, int from) {
        List<Integer> out = new ArrayList<>();
        for (int at = from; at < path.length(); ) {
            Step step = step(node, path, at);
            if (step == null || step.index < 0 || step.index >= step.size) {
                return null;
            }
            out.add(step.index);
            node = step.child(node);
            at = step.next;
        }
        return out;
    }

    /**
     * Applies {@code edit} with {@code value} at {@code path[from..]} inside the container
     * {@code node} ({@code from} is before a step, never at the end). Returns whether the path
     * was found (or created).
     */
    static boolean edit(JsonNode node, String path, int from, Edit edit, JsonNode value) {
        Step step = step(node, path, from);
        if (step == null) {
            return false;
        }
        boolean last = step.next >= path.length();
        if (step.index >= 0 && step.index < step.size) {
            if (!last) {
                return edit(step.child(node), path, step.next, edit, value);
            }
            switch (edit) {
                case REPLACE, SET -> step.set(node, value);
                case REMOVE -> step.remove(node);
                case INSERT -> {
                }
            }
            return true;
        }
        if (!edit.creates() || step.index != step.size) {
            return false;
        }
        JsonNode created = create(path, step.next, edit, value);
        if (created == null) {
            return false;
        }
        step.append(node, created);
        return true;
    }

    /** The value to insert for the remaining path {@code path[from..]}, or null if it cannot be built. */
    private static JsonNode create(String path, int from, Edit edit, JsonNode value) {
        if (from >= path.length()) {
            return value;
        }
        JsonNode container = path.charAt(from) == '.' ? new JsonNode.Obj() : new JsonNode.Arr();
        return edit(container, path, from, edit, value) ? container : null;
    }

    /**
     * One step read at {@code path[from]}: which child of the container it names ({@code index}
     * from 0 to {@code size}, where {@code size} means "append") and where the next step starts.
     * Null if the step does not apply to this kind of value.
     */
    private static Step step(JsonNode node, String path, int from) {
        char c = path.charAt(from);
        if (c == '.') {
            return keyStep(node, path, from + 1);
        }
        if (c == '[') {
            return indexStep(node, path, from);
        }
        throw new BadPath();
    }

    private static Step keyStep(JsonNode node, String path, int i) {
        String key;
        JsonNode.Str label;
        int next;
        if (i < path.length() && path.charAt(i) == '"') {
            int j = i + 1;
            while (j < path.length() && path.charAt(j) != '"') {
                j += path.charAt(j) == '\\' && j + 1 < path.length() ? 2 : 1;
            }
            if (j >= path.length()) {
                throw new BadPath();
            }
            String quoted = path.substring(i + 1, j);
            label = new JsonNode.Str(quoted.indexOf('\\') < 0 ? JsonbText.TEXTRAW : JsonbText.TEXT5, quoted);
            key = label.value();
            next = j + 1;
        } else {
            int j = i;
            while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
                j++;
            }
            if (j == i) {
                throw new BadPath();
            }
            key = path.substring(i, j);
            label = JsonNode.Str.raw(key);
            next = j;
        }
        if (!(node instanceof JsonNode.Obj obj)) {
            return null;
        }
        int at = obj.indexOf(key);
        int size = obj.keys().size();
        return new Step(at < 0 ? size : at, size, next, label);
    }

    private static Step indexStep(JsonNode node, String path, int from) {
        if (!(node instanceof JsonNode.Arr arr)) {
            return null;
        }
        List<JsonNode> items = arr.items();
        long k = 0;
        int i = from + 1;
        while (i < path.length() && isDigit(path.charAt(i))) {
            k = Math.min(k * 10 + path.charAt(i) - '0', Integer.MAX_VALUE);
            i++;
        }
        if (i == from + 1 || i >= path.length() || path.charAt(i) != ']') {
            if (from + 1 >= path.length() || path.charAt(from + 1) != '#') {
                throw new BadPath();
            }
            k = items.size();
            i = from + 2;
            if (i + 1 < path.length() && path.charAt(i) == '-' && isDigit(path.charAt(i + 1))) {
                long back = 0;
                i++;
                while (i < path.length() && isDigit(path.charAt(i))) {
                    back = Math.min(back * 10 + path.charAt(i) - '0', Integer.MAX_VALUE);
                    i++;
                }
                if (back > k) {
                    return null;
                }
                k -= back;
            }
            if (i >= path.length() || path.charAt(i) != ']') {
                throw new BadPath();
            }
        }
        return new Step((int) Math.min(k, Integer.MAX_VALUE), items.size(), i + 1, null);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A resolved step; {@code label} is the key to add when appending to an object. */
    private record Step(int index, int size, int next, JsonNode.Str label) {
        JsonNode child(JsonNode node) {
            return node instanceof JsonNode.Obj o ? o.values().get(index) : ((JsonNode.Arr) node).items().get(index);
        }

        void set(JsonNode node, JsonNode value) {
            if (node instanceof JsonNode.Obj o) {
                o.values().set(index, value);
            } else {
                ((JsonNode.Arr) node).items().set(index, value);
            }
        }

        void remove(JsonNode node) {
            if (node instanceof JsonNode.Obj o) {
                o.remove(index);
            } else {
                ((JsonNode.Arr) node).items().remove(index);
            }
        }

        void append(JsonNode node, JsonNode value) {
            if (node instanceof JsonNode.Obj o) {
                o.add(label, value);
            } else {
                ((JsonNode.Arr) node).items().add(value);
            }
        }
    }
}
