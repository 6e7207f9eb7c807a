package io.turso4j.function;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Reads SQLite's JSONB: whether a BLOB argument is taken as JSONB (SQLite's quick check of the
 * outer header only, so that other BLOBs are read as JSON text), the full validity check
 * behind {@code json_valid(x, 8)} and {@code json_error_position}, and decoding into a
 * {@link JsonNode} tree, which keeps every number's and string's payload and type so that
 * re-encoding gives the same bytes (headers come out minimal).
 *
 * <p>Decoding fails with "malformed JSON" where SQLite's translation of the blob to text does.
 * One reader reads one blob; not thread-safe.
 */
final class JsonbReader {
    private static final int MAX_DEPTH = 1000;

    private final byte[] b;
    /** Where decoding notes the nodes whose headers are wider than needed. */
    private final Map<JsonNode, Integer> wide;
    /** The payload size the last {@link #header} call read. */
    private long size;

    private JsonbReader(byte[] blob) {
        this(blob, new IdentityHashMap<>());
    }

    private JsonbReader(byte[] blob, Map<JsonNode, Integer> wide) {
        this.b = blob;
        this.wide = wide;
    }

    /** Whether SQLite takes {@code blob} as JSONB: a sound outer element, checked deeply only when it is small and looks like text. */
    static boolean isJsonb(byte[] blob) {
        if (blob.length == 0) {
            return false;
        }
        JsonbReader r = new JsonbReader(blob);
        int c = blob[0] & 0xff;
        int n = r.header(0);
        if ((c & 0x0f) > JsonbText.OBJECT || n == 0 || r.size + n != blob.length) {
            return false;
        }
        if ((c & 0x0f) <= JsonbText.FALSE && r.size != 0) {
            return false;
        }
        return r.size > 7 || (c != '{' && c != '[' && !(c >= '0' && c <= '9')) || r.check(0, blob.length, 1) == 0;
    }

    /** 0 if {@code blob} (taken as JSONB) is valid throughout, else 1 + the offset of the first error. */
    static long errorPosition(byte[] blob) {
        return new JsonbReader(blob).check(0, blob.length, 1);
    }

    /** The tree of {@code blob}, which {@link #isJsonb} accepted; "malformed JSON" if it is not sound. */
    static JsonNode decode(byte[] blob) {
        return decode(blob, new IdentityHashMap<>());
    }

    /**
     * Like {@link #decode(byte[])}, and puts into {@code wide} the header size of each string,
     * number or container whose header is wider than its payload needs, so that encoding the
     * tree again gives the same bytes.
     */
    static JsonNode decode(byte[] blob, Map<JsonNode, Integer> wide) {
        JsonbReader r = new JsonbReader(blob, wide);
        JsonNode[] out = new JsonNode[1];
        r.element(0, out, 0);
        return out[0];
    }

    /**
     * The header size of the element at {@code i} (1, 2, 3, 5 or 9) with its payload size in
     * {@link #size}; 0 if the header or payload runs past the blob.
     */
    private int header(int i) {
        int x = (b[i] & 0xff) >> 4;
        long sz;
        int n;
        if (x <= 11) {
            sz = x;
            n = 1;
        } else if (x == 12) {
            if (i + 1 >= b.length) {
                return 0;
            }
            sz = b[i + 1] & 0xff;
            n = 2;
        } else if (x == 13) {
            if (i + 2 >= b.length) {
                return 0;
            }
            sz = (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff);
            n = 3;
        } else if (x == 14) {
            if (i + 4 >= b.length) {
                return 0;
            }
            sz = u32(i + 1);
            n = 5;
        } else {
            if (i + 8 >= b.length || b[i + 1] != 0 || b[i + 2] != 0 || b[i + 3] != 0 || b[i + 4] != 0) {
                return 0;
            }
            sz = u32(i + 5);
            n = 9;
        }
        if (i + sz + n > b.length) {
            return 0;
        }
        size = sz;
        return n;
    }

    private long u32(int i) {
        return (long) (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
    }

    /**
     * Decodes the element at {@code i} into {@code out[slot]} and returns where the next one
     * starts (for null/true/false just past the header byte, as SQLite's reader steps).
     */
    private int element(int i, JsonNode[] out, int depth) {
        if (depth > MAX_DEPTH) {
            throw JsonArgs.malformed();
        }
        int n = header(i);
        if (n == 0) {
            throw JsonArgs.malformed();
        }
        int start = i + n;
        int end = (int) (start + size);
        int type = b[i] & 0x0f;
        switch (type) {
            case JsonbText.NULL -> out[0] = JsonNode.NULL;
            case JsonbText.TRUE -> out[0] = JsonNode.TRUE;
            case JsonbText.FALSE -> out[0] = JsonNode.FALSE;
            case JsonbText.INT, JsonbText.INT5, JsonbText.FLOAT, JsonbText.FLOAT5 -> {
                if (size == 0) {
                    throw JsonArgs.malformed();
                }
                out[0] = new JsonNode.Num(type, new String(b, start, end - start, StandardCharsets.ISO_8859_1));
            }
            case JsonbText.TEXT, JsonbText.TEXTJ, JsonbText.TEXT5, JsonbText.TEXTRAW ->
                out[0] = new JsonNode.Str(type, new String(b, start, end - start, StandardCharsets.UTF_8));
            case JsonbText.ARRAY -> {
                JsonNode.Arr arr = new JsonNode.Arr();
                int j = start;
                while (j < end) {
                    j = element(j, out, depth + 1);
                    arr.items().add(out[0]);
                }
                if (j > end) {
                    throw JsonArgs.malformed();
                }
                out[0] = arr;
            }
            case JsonbText.OBJECT -> {
                JsonNode.Obj obj = new JsonNode.Obj();
                int j = start;
                while (j < end) {
                    j = element(j, out, depth + 1);
                    if (!(out[0] instanceof JsonNode.Str key) || j >= end) {
                        throw JsonArgs.malformed();
                    }
                    j = element(j, out, depth + 1);
                    obj.add(key, out[0]);
                }
                if (j > end) {
                    throw JsonArgs.malformed();
                }
                out[0] = obj;
            }
            default -> throw JsonArgs.malformed();
        }
        if (type > JsonbText.FALSE && n != JsonbSizes.minimalHeader(end - start)) {
            wide.put(out[0], n);
        }
        return type <= JsonbText.FALSE ? i + 1 : end;
    }

    /** SQLite's jsonbValidityCheck of the element at {@code i} ending at {@code iEnd}: 0, or 1 + the error's offset. */
    private long check(int i, int iEnd, int depth) {
        if (depth > MAX_DEPTH) {
            return i + 1;
        }
        int n = header(i);
        if (n == 0 || i + n + size != iEnd) {
            return i + 1;
        }
        long sz = size;
        int x = b[i] & 0x0f;
        int j = i + n;
        int k = (int) (j + sz);
        switch (x) {
            case JsonbText.NULL, JsonbText.TRUE, JsonbText.FALSE -> {
                return n + sz == 1 ? 0 : i + 1;
            }
            case JsonbText.INT -> {
                if (sz < 1) {
                    return i + 1;
                }
                if (b[j] == '-') {
                    j++;
                    if (sz < 2) {
                        return i + 1;
                    }
                }
                for (; j < k; j++) {
                    if (!digit(b[j])) {
                        return j + 1;
                    }
                }
                return 0;
            }
            case JsonbText.INT5 -> {
                if (sz < 3) {
                    return i + 1;
                }
                if (b[j] == '-') {
                    if (sz < 4) {
                        return i + 1;
                    }
                    j++;
                }
                if (b[j] != '0') {
                    return i + 1;
                }
                if (b[j + 1] != 'x' && b[j + 1] != 'X') {
                    return j + 2;
                }
                for (j += 2; j < k; j++) {
                    if (Character.digit(b[j], 16) < 0) {
                        return j + 1;
                    }
                }
                return 0;
            }
            case JsonbText.FLOAT, JsonbText.FLOAT5 -> {
                return checkFloat(i, j, k, sz, x == JsonbText.FLOAT);
            }
            case JsonbText.TEXT -> {
                for (; j < k; j++) {
                    if (!plain(b[j]) && b[j] != '\'') {
                        return j + 1;
                    }
                }
                return 0;
            }
            case JsonbText.TEXTJ, JsonbText.TEXT5 -> {
                return checkEscaped(j, k, x == JsonbText.TEXT5);
            }
            case JsonbText.TEXTRAW -> {
                return 0;
            }
            case JsonbText.ARRAY, JsonbText.OBJECT -> {
                int count = 0;
                while (j < k) {
                    int m = header(j);
                    if (m == 0 || j + m + size > k) {
                        return j + 1;
                    }
                    int next = (int) (j + m + size);
                    if (x == JsonbText.OBJECT && (count & 1) == 0) {
                        int t = b[j] & 0x0f;
                        if (t < JsonbText.TEXT || t > JsonbText.TEXTRAW) {
                            return j + 1;
                        }
                    }
                    long sub = check(j, next, depth + 1);
                    if (sub != 0) {
                        return sub;
                    }
                    count++;
                    j = next;
                }
                return x == JsonbText.OBJECT && (count & 1) != 0 ? j + 1 : 0;
            }
            default -> {
                return i + 1;
            }
        }
    }

    private long checkFloat(int i, int j, int k, long sz, boolean strict) {
        int seen = 0; // 1: '.' seen, 2: 'e' seen
        if (sz < 2) {
            return i + 1;
        }
        if (b[j] == '-') {
            j++;
            if (sz < 3) {
                return i + 1;
            }
        }
        if (b[j] == '.') {
            if (strict || j + 1 >= b.length || !digit(b[j + 1])) {
                return j + 1;
            }
            j += 2;
            seen = 1;
        } else if (b[j] == '0' && strict) {
            if (j + 3 > k) {
                return j + 1;
            }
            if (b[j + 1] != '.' && b[j + 1] != 'e' && b[j + 1] != 'E') {
                return j + 1;
            }
            j++;
        }
        for (; j < k; j++) {
            byte c = b[j];
            if (digit(c)) {
                continue;
            }
            if (c == '.') {
                if (seen > 0) {
                    return j + 1;
                }
                if (strict && (j == k - 1 || !digit(b[j + 1]))) {
                    return j + 1;
                }
                seen = 1;
                continue;
            }
            if (c == 'e' || c == 'E') {
                if (seen == 2 || j == k - 1) {
                    return j + 1;
                }
                if (b[j + 1] == '+' || b[j + 1] == '-') {
                    j++;
                    if (j == k - 1) {
                        return j + 1;
                    }
                }
                seen = 2;
                continue;
            }
            return j + 1;
        }
        return seen == 0 ? i + 1 : 0;
    }

    private long checkEscaped(int j, int k, boolean json5) {
        for (; j < k; j++) {
            byte c = b[j];
            if (plain(c) || c == '\'') {
                continue;
            }
            if (c == '"' || (c >= 0 && c <= 0x1f)) {
                if (!json5) {
                    return j + 1;
                }
                continue;
            }
            if (j + 1 >= k) {
                return j + 1;
            }
            byte e = b[j + 1];
            if (e == 0 || "\"\\/bfnrt".indexOf(e) >= 0) {
                // A NUL counts as one of those: SQLite tests with strchr, which finds the terminator.
                j++;
            } else if (e == 'u') {
                if (j + 5 >= k || !hex4(j + 2)) {
                    return j + 1;
                }
                j++;
            } else if (!json5) {
                return j + 1;
            } else {
                int len = json5Escape(j, k);
                if (len == 0) {
                    return j + 1;
                }
                j += len - 1;
            }
        }
        return 0;
    }

    /**
     * The length of the escape at {@code j} as SQLite's jsonUnescapeOneChar reads it (after the
     * RFC 8259 ones were ruled out), or 0 if it is invalid. Line continuations are skipped
     * together with what follows them, which must itself be a valid character.
     */
    private int json5Escape(int j, int k) {
        if (k - j < 2) {
            return 0;
        }
        byte e = b[j + 1];
        switch (e) {
            case '\'', '"', '/', '\\', 'b', 'f', 'n', 'r', 't', 'v' -> {
                return 2;
            }
            case 'u' -> {
                return k - j < 6 ? 0 : 6;
            }
            case '0' -> {
                return j + 2 < k && digit(b[j + 2]) ? 0 : 2;
            }
            case 'x' -> {
                return k - j < 4 ? 0 : 4; // SQLite checks only that two bytes follow
            }
            case '\n', '\r', (byte) 0xe2 -> {
                int skip = continuations(j, k);
                if (skip == 0) {
                    return 0;
                }
                if (j + skip == k || b[j + skip] != '\\') {
                    return skip;
                }
                int next = json5Escape(j + skip, k);
                return next == 0 ? 0 : skip + next;
            }
            default -> {
                return 0;
            }
        }
    }

    /** How many bytes of line continuations ({@code \} and a line break) start at {@code j}. */
    private int continuations(int j, int k) {
        int i = j;
        while (i + 1 < k && b[i] == '\\') {
            byte c = b[i + 1];
            if (c == '\n') {
                i += 2;
            } else if (c == '\r') {
                i += i + 2 < k && b[i + 2] == '\n' ? 3 : 2;
            } else if ((c & 0xff) == 0xe2 && i + 3 < k && (b[i + 2] & 0xff) == 0x80
                    && ((b[i + 3] & 0xff) == 0xa8 || (b[i + 3] & 0xff) == 0xa9)) {
                i += 4;
            } else {
                break;
            }
        }
        return i - j;
    }

    private boolean hex4(int at) {
        for (int i = at; i < at + 4; i++) {
            if (Character.digit(b[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** A byte that may stand in a JSON string unescaped (not a quote, backslash or control character). */
    private static boolean plain(byte c) {
        return c < 0 || (c >= 0x20 && c != '"' && c != '\\' && c != '\'');
    }
}
