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
 * <p>Container sizes are remembered by identity, so each is summed once per document. One per
 * scan being opened; not thread-safe.
 */
final class JsonbSizes {
    private final Map<JsonNode, Long> payloads = new IdentityHashMap<>();

    /** The size of {@code node}'s header. */
    long header(JsonNode node) {
        long size = payload(node);
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
