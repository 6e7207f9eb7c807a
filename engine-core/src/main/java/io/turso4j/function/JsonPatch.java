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

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!(patch instanceof JsonNode.Obj p)) {
            return patch;
        }
        JsonNode.Obj t = target instanceof JsonNode.Obj o ? o : new JsonNode.Obj();
        for (int i = 0; i < p.keys().size(); i++) {
            JsonNode.Str key = p.keys().get(i);
            JsonNode value = p.values().get(i);
            int at = t.indexOf(key.value());
            if (value == JsonNode.NULL) {
                if (at >= 0) {
                    t.remove(at);
                }
            } else if (at >= 0) {
                t.values().set(at, merge(t.values().get(at), value));
            } else {
                t.add(key, merge(JsonNode.NULL, value));
            }
        }
        return t;
    }
}
