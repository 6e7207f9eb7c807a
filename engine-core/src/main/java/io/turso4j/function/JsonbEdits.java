package io.turso4j.function;

import java.util.List;
import java.util.Map;

/**
 * Applies the edit functions' edits to a tree so that its JSONB encoding comes out byte for
 * byte as SQLite's in-place edit of the blob: a value that overwrites one 1 to 8 bytes bigger
 * gets a wider header when that makes it exactly the old size (SQLite's jsonBlobOverwrite),
 * and then nothing around it changes; otherwise every container on the path to the edit gets
 * the smallest header again, while untouched elements keep theirs. {@code wide} holds the
 * headers wider than needed, by node identity.
 *
 * <p>Stateless; the tree and the map belong to one call.
 */
final class JsonbEdits {
    private JsonbEdits() {
    }

    /**
     * {@code doc} after {@code edit} with {@code value} at {@code path} (which starts with
     * {@code $}): the root itself may be replaced, or removed (null). A malformed path is
     * {@link JsonPath.BadPath}.
     */
    static JsonNode apply(JsonNode doc, String path, JsonPath.Edit edit, JsonNode value, Map<JsonNode, Integer> wide) {
        if (path.length() == 1) {
            return switch (edit) {
                case REPLACE, SET -> {
                    overwrite(doc, value, wide);
                    yield value;
                }
                case REMOVE -> null;
                case INSERT -> doc;
            };
        }
        List<Integer> before = JsonPath.positions(doc, path, 1);
        JsonNode old = before == null ? null : at(doc, before, before.size());
        if (!JsonPath.edit(doc, path, 1, edit, value)) {
            return doc;
        }
        if (old == null) {
            // An append ($[#]) names the end again afterwards; the new element is then [#-1].
            String now = path.endsWith("[#]") ? path.substring(0, path.length() - 3) + "[#-1]" : path;
            List<Integer> created = JsonPath.positions(doc, now, 1);
            if (created != null) {
                resized(doc, created, wide);
            }
        } else if (edit == JsonPath.Edit.REMOVE || (edit != JsonPath.Edit.INSERT && !overwrite(old, value, wide))) {
            resized(doc, before, wide);
        }
        return doc;
    }

    /**
     * Whether {@code value} taking {@code old}'s place leaves the encoding's size unchanged:
     * when it is equal, or when widening {@code value}'s header (noted in {@code wide}) makes it so.
     */
    static boolean overwrite(JsonNode old, JsonNode value, Map<JsonNode, Integer> wide) {
        long oldSize = new JsonbSizes(wide).total(old);
        JsonbSizes sizes = new JsonbSizes(wide);
        long header = sizes.header(value);
        long d = oldSize - header - sizes.payload(value);
        if (d == 0) {
            return true;
        }
        if (d < 1 || d > 8 || value instanceof JsonNode.Literal) {
            return false;
        }
        boolean fits = switch ((int) header) {
            case 1 -> d == 1 || d == 2 || d == 4 || d == 8;
            case 2 -> d == 1 || d == 3 || d == 7;
            case 3 -> d == 2 || d == 6;
            case 5 -> d == 4;
            default -> false;
        };
        if (fits) {
            wide.put(value, (int) (header + d));
        }
        return fits;
    }

    /** The containers from the root to the edited element's parent get the smallest headers. */
    private static void resized(JsonNode doc, List<Integer> positions, Map<JsonNode, Integer> wide) {
        for (int depth = 0; depth < positions.size(); depth++) {
            wide.remove(at(doc, positions, depth));
        }
    }

    /** The node reached from {@code doc} by the first {@code depth} positions. */
    private static JsonNode at(JsonNode doc, List<Integer> positions, int depth) {
        JsonNode node = doc;
        for (int i = 0; i < depth; i++) {
            int p = positions.get(i);
            node = node instanceof JsonNode.Obj o ? o.values().get(p) : ((JsonNode.Arr) node).items().get(p);
        }
        return node;
    }
}
