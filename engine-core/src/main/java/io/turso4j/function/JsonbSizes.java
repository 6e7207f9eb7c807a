package io.turso4j.function;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The sizes of JSON values in SQLite's JSONB encoding, where json_each and json_tree find
 * their ids: an element is a header (1 byte when the payload is at most 11 bytes, else 2, 3 or
 * 5) and a payload — nothing for null/true/false, the number's text as written, the string's
 * UTF-8 body as written, or the elements of an array (an object's labels and values) one after another.
 *
 * <p>Container sizes are remembered by identity, so each is summed once per document: a
 * JsonbSizes is for a tree that no longer changes. Headers are the smallest that fit unless
 * a node is given a wider one (SQLite keeps the headers of a JSONB blob as they are, and
 * widens a smaller value's header when it overwrites a bigger one). One per scan or encoding;
 * not thread-safe.
 */
final class JsonbSizes {
    private final Map<JsonNode, Long> payloads = new IdentityHashMap<>();
    private final Map<JsonNode, Integer> headers;

    /** Sizes where the nodes in {@code headers} have the header size given there (wider than needed). */
    JsonbSizes(Map<JsonNode, Integer> headers) {
        this.headers = headers;
    }

    /** The size of {@code node}'s header. */
    long header(JsonNode node) {
        Integer wide = headers.isEmpty() ? null : headers.get(node);
        if (wide != null) {
            return wide;
        }
        return minimalHeader(payload(node));
    }

    /** The smallest header for a payload of {@code size} bytes. */
    static int minimalHeader(long size) {
        return size <= 11 ? 1 : size <= 0xff ? 2 : size <= 0xffff ? 3 : 5;
    }

    /** The size of {@code node}'s whole element: header and payload. */
    long total(JsonNode node) {
        return header(node) + payload(node);
    }

    /** The size of {@code node}'s payload. */
    long payload(JsonNode node) {
        return switch (node) {
            case JsonNode.Literal l -> 0;
            case JsonNode.Num n -> n.payload().length();
            case JsonNode.Str s -> s.payload().getBytes(StandardCharsets.UTF_8).length;
            case JsonNode.Arr a -> {
                Long known = payloads.get(a);
                if (known == null) {
                    long sum = 0;
                    for (JsonNode item : a.items()) {
                        sum += total(item);
                    }
                    known = sum;
                    payloads.put(a, known);
                }
                yield known;
            }
            case JsonNode.Obj o -> {
                Long known = payloads.get(o);
                if (known == null) {
                    long sum = 0;
                    for (int i = 0; i < o.keys().size(); i++) {
                        sum += total(o.keys().get(i)) + total(o.values().get(i));
                    }
                    known = sum;
                    payloads.put(o, known);
                }
                yield known;
            }
        };
    }
}
