package io.turso4j.function;

import java.nio.charset.StandardCharsets;

/**
 * Encodes a JSON tree as SQLite's JSONB: each element is a header byte (type in the low
 * nibble, payload size in the high one) followed by 0, 1, 2, 4 or 8 size bytes — the
 * smallest header the payload size allows, as SQLite writes, unless the node was given a
 * wider one — and the payload: a number's or
 * string's text as kept in the tree, or the elements of an array (labels and values of an
 * object) one after another.
 *
 * <p>One writer encodes one tree into an array sized up front; not thread-safe.
 */
final class JsonbWriter {
    private final JsonbSizes sizes;
    private byte[] out;
    private int at;

    private JsonbWriter(JsonbSizes sizes) {
        this.sizes = sizes;
    }

    /** The JSONB encoding of {@code node}, with the smallest headers. */
    static byte[] encode(JsonNode node) {
        return encode(node, java.util.Map.of());
    }

    /** The JSONB encoding of {@code node}, where the nodes in {@code headers} get the header sizes given there. */
    static byte[] encode(JsonNode node, java.util.Map<JsonNode, Integer> headers) {
        JsonbWriter w = new JsonbWriter(new JsonbSizes(headers));
        long total = w.sizes.total(node);
        if (total > Integer.MAX_VALUE - 8) {
            throw new io.turso4j.error.SqliteException(io.turso4j.error.ResultCode.TOOBIG, "string or blob too big");
        }
        w.out = new byte[(int) total];
        w.element(node);
        return w.out;
    }

    private void element(JsonNode node) {
        switch (node) {
            case JsonNode.Literal l -> out[at++] = (byte) (l == JsonNode.NULL ? JsonbText.NULL
                    : l == JsonNode.TRUE ? JsonbText.TRUE : JsonbText.FALSE);
            case JsonNode.Num n -> text(n, n.kind(), n.payload().getBytes(StandardCharsets.US_ASCII));
            case JsonNode.Str s -> text(s, s.kind(), s.payload().getBytes(StandardCharsets.UTF_8));
            case JsonNode.Arr a -> {
                header(a, JsonbText.ARRAY, sizes.payload(a));
                for (JsonNode item : a.items()) {
                    element(item);
                }
            }
            case JsonNode.Obj o -> {
                header(o, JsonbText.OBJECT, sizes.payload(o));
                for (int i = 0; i < o.keys().size(); i++) {
                    element(o.keys().get(i));
                    element(o.values().get(i));
                }
            }
        }
    }

    private void text(JsonNode node, int kind, byte[] payload) {
        header(node, kind, payload.length);
        System.arraycopy(payload, 0, out, at, payload.length);
        at += payload.length;
    }

    /** Writes a header of the width {@link JsonbSizes#header} gives {@code node}. */
    private void header(JsonNode node, int kind, long size) {
        switch ((int) sizes.header(node)) {
            case 1 -> out[at++] = (byte) (size << 4 | kind);
            case 2 -> {
                out[at++] = (byte) (0xc0 | kind);
                out[at++] = (byte) size;
            }
            case 3 -> {
                out[at++] = (byte) (0xd0 | kind);
                out[at++] = (byte) (size >> 8);
                out[at++] = (byte) size;
            }
            case 5 -> {
                out[at++] = (byte) (0xe0 | kind);
                bigEndian(size, 4);
            }
            default -> {
                out[at++] = (byte) (0xf0 | kind);
                bigEndian(size, 8);
            }
        }
    }

    private void bigEndian(long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out[at++] = (byte) (value >>> (8 * i));
        }
    }
}
