package io.turso4j.function;

/**
 * RFC 7396 JSON Merge Patch, as {@code json_patch} applies it: a non-object patch replaces the
 * target; an object patch removes the members it sets to null and merges the others
 * recursively (a target member that is not an object is replaced). Only the first of duplicate
 * keys in the target is patched. Edits {@code target} in place when it is an object.
 */
final class JsonPatch {
    private JsonPatch() {
    }

    /**
     * {@code target} patched with {@code patch}, keeping the JSONB header widths SQLite's in-place
     * patch of the blob leaves: a replaced value may get a wider header ({@link JsonbEdits#overwrite}),
     * and an object whose size changed gets the smallest one.
     */
    static JsonNode merge(JsonNode target, JsonNode patch, java.util.Map<JsonNode, Integer> wide) {
        if (!(patch instanceof JsonNode.Obj p)) {
            JsonbEdits.overwrite(target, patch, wide);
            return patch;
        }
        JsonNode.Obj t = target instanceof JsonNode.Obj o ? o : new JsonNode.Obj();
        long before = new JsonbSizes(wide).payload(t);
        for (int i = 0; i < p.keys().size(); i++) {
            JsonNode.Str key = p.keys().get(i);
            JsonNode value = p.values().get(i);
            int at = t.indexOf(key.value());
            if (value == JsonNode.NULL) {
                if (at >= 0) {
                    t.remove(at);
                }
            } else if (at >= 0) {
                t.values().set(at, merge(t.values().get(at), value, wide));
            } else {
                t.add(key, merge(JsonNode.NULL, value, wide));
            }
        }
        if (new JsonbSizes(wide).payload(t) != before) {
            wide.remove(t);
        }
        return t;
    }
}
