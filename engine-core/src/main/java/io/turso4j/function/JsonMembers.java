package io.turso4j.function;

import io.turso4j.value.Register;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON text of an array's or object's members as json_group_array/json_group_object build
 * it, kept as UTF-8 so a window frame's result is one copy, not a print of every member: the
 * bytes {@code buf[first .. end)} are the opening bracket and the live members joined by commas.
 * Taking back the oldest member turns the comma after it into the opening bracket (SQLite's
 * inverse cuts the first member off its text the same way); dead bytes are dropped once they
 * are half the buffer, so each member costs O(its length) amortised. Owned by one accumulator.
 */
final class JsonMembers {
    private final byte open;
    private final byte close;
    private byte[] buf = new byte[64];
    private int first;
    private int end;
    /** Where each live member starts, {@code starts[head .. tail)}. */
    private int[] starts = new int[8];
    private int head;
    private int tail;
    private final StringBuilder scratch = new StringBuilder();

    JsonMembers(boolean object) {
        open = (byte) (object ? '{' : '[');
        close = (byte) (object ? '}' : ']');
        buf[0] = open;
        end = 1;
    }

    /** Adds the member {@code key:value} ({@code key} null for an array's member). */
    void add(JsonNode.Str key, JsonNode value) {
        scratch.setLength(0);
        if (key != null) {
            key.print(scratch);
            scratch.append(':');
        }
        value.print(scratch);
        byte[] text = scratch.toString().getBytes(StandardCharsets.UTF_8);
        if (tail > head) {
            append(new byte[] {','}, 1);
        }
        if (tail == starts.length) {
            compact();
            if (tail == starts.length) {
                starts = Arrays.copyOf(starts, tail * 2);
            }
        }
        starts[tail++] = end;
        append(text, text.length);
    }

    /** Takes back the oldest live member, if any. */
    void removeFirst() {
        if (tail == head) {
            return;
        }
        head++;
        first = head < tail ? starts[head] - 1 : end - 1;
        buf[first] = open;
        if (first * 2 > end) {
            compact();
        }
    }

    /** Stores the container's JSON text, JSON-subtyped. */
    void result(Register out) {
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[end] = close;
        out.setText(buf, first, end + 1 - first).setSubtype(JsonNode.SUBTYPE);
    }

    private void append(byte[] text, int len) {
        if (end + len + 1 > buf.length) {
            compact();
            if (end + len + 1 > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + len + 1));
            }
        }
        System.arraycopy(text, 0, buf, end, len);
        end += len;
    }

    /** Moves the live bytes and member starts to the front. */
    private void compact() {
        if (first > 0) {
            System.arraycopy(buf, first, buf, 0, end - first);
            end -= first;
            for (int i = head; i < tail; i++) {
                starts[i] -= first;
            }
            first = 0;
        }
        if (head > 0) {
            System.arraycopy(starts, head, starts, 0, tail - head);
            tail -= head;
            head = 0;
        }
    }
}
