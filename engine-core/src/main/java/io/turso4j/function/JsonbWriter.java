package io.turso4j.function;

import java.nio.charset.StandardCharsets;

/**
 * Encodes a JSON tree as SQLite's JSONB: each element is a header byte (type in the low
 * nibble, payload size in the high one) followed by 0, 1, 2 or 4 size bytes — always the
 * smallest header the payload size allows, as SQLite writes — and the payload: a number's or
 * string's text as kept in the tree, or the elements of an array (labels and values of an
 * object) one after another.
 *
 * <p>One writer encodes one tree into an array sized up front; not thread-safe.
 */
final class JsonbWriter {
    private final JsonbSizes sizes = new JsonbSizes();
    private byte[] out;
    private int at;

    private JsonbWriter() {
    }

    /** The JSONB encoding of {@code node}. */
    static byte[] encode(JsonNode node) {
        JsonbWriter w = new JsonbWriter();
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
            case JsonNode.Num n -> text(n.kind(), n.payload().getBytes(StandardCharsets.US_ASCII));
            case JsonNode.Str s -> text(s.kind(), s.payload().getBytes(StandardCharsets.UTF_8));
            case JsonNode.Arr a -> {
                header(JsonbText.ARRAY, sizes.payload(a));
                for (JsonNode item : a.items()) {
                    element(item);
                }
            }
            case JsonNode.Obj o -> {
                header(JsonbText.OBJECT, sizes.payload(o));
                for (int i = 0; i < o.keys().size(); i++) {
                    element(o.keys().get(i));
                    element(o.values().get(i));
                }
            }
        }
    }

    private void text(int kind, byte[] payload) {
        header(kind, payload.length);
        System.arraycopy(payload, 0, out, at, payload.length);
        at += payload.length;
    }

    private void header(int kind, long size) {
        if (size <= 11) {
            out[at++] = (byte) (size << 4 | kind);
        } else if (size <= 0xff) {
            out[at++] = (byte) (0xc0 | kind);
            out[at++] = (byte) size;
        } else if (size <= 0xffff) {
            out[at++] = (byte) (0xd0 | kind);
            out[at++] = (byte) (size >> 8);
            out[at++] = (byte) size;
        } else {
            out[at++] = (byte) (0xe0 | kind);
            out[at++] = (byte) (size >> 24);
            out[at++] = (byte) (size >> 16);
            out[at++] = (byte) (size >> 8);
            out[at++] = (byte) size;
        }
    }
}
