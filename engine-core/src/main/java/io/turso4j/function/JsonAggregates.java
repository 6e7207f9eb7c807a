package io.turso4j.function;

import io.turso4j.value.Register;
import java.util.List;

/**
 * The JSON aggregates {@code json_group_array(X)} and {@code json_group_object(K, V)}: each row's
 * value is embedded as {@code json_array} would embed it (JSON-subtyped text as JSON), a NULL
 * label skips the row, other labels are taken as text. The result is JSON-subtyped text, also
 * for an empty group ({@code []}, {@code {}}); the jsonb_ twins give it as a JSONB blob. The accumulator keeps the parts so that a window
 * frame can ask for the result more than once, and take its oldest rows back.
 */
final class JsonAggregates {
    private JsonAggregates() {
    }

    static void register(FunctionRegistry.Builder b) {
        b.aggregate("json_group_array", 1, () -> new Accumulator(false, false));
        b.aggregate("json_group_object", 2, () -> new Accumulator(true, false));
        b.aggregate("jsonb_group_array", 1, () -> new Accumulator(false, true));
        b.aggregate("jsonb_group_object", 2, () -> new Accumulator(true, true));
    }

    /**
     * One group's members so far; owned by one statement. A window frame sliding on takes back
     * its oldest member (a row with a NULL label added none, so it takes none back), as SQLite's
     * inverse cuts the first member off its text. The json_ functions keep the members' text
     * ({@link JsonMembers}); the jsonb_ ones keep their nodes, those before {@code removed}
     * gone, dropped from the lists once they are half of them (O(1) amortised per member).
     */
    private static final class Accumulator implements AggregateFunction.Invertible {
        private final JsonNode container;
        private final JsonMembers text;
        private int removed;

        Accumulator(boolean object, boolean blob) {
            container = !blob ? null : object ? new JsonNode.Obj() : new JsonNode.Arr();
            text = blob ? null : new JsonMembers(object);
        }

        @Override
        public void step(FunctionContext context, Register[] args, int start, int count) {
            boolean object = count == 2;
            if (object && args[start].isNull()) {
                return;
            }
            JsonNode.Str key = object ? JsonNode.Str.of(args[start].toText()) : null;
            JsonNode value = JsonArgs.value(args[start + count - 1]);
            if (text != null) {
                text.add(key, value);
            } else if (container instanceof JsonNode.Obj obj) {
                obj.add(key, value);
            } else {
                ((JsonNode.Arr) container).items().add(value);
            }
        }

        @Override
        public void inverse(FunctionContext context, Register[] args, int start, int count) {
            if (count == 2 && args[start].isNull()) {
                return;
            }
            if (text != null) {
                text.removeFirst();
                return;
            }
            List<JsonNode> members = container instanceof JsonNode.Obj obj ? obj.values() : ((JsonNode.Arr) container).items();
            if (removed >= members.size()) {
                return;
            }
            removed++;
            if (removed * 2 >= members.size()) {
                members.subList(0, removed).clear();
                if (container instanceof JsonNode.Obj obj) {
                    obj.keys().subList(0, removed).clear();
                }
                removed = 0;
            }
        }

        @Override
        public void result(Register out) {
            if (text != null) {
                text.result(out);
                return;
            }
            JsonNode members = switch (container) {
                case JsonNode.Obj obj when removed > 0 -> new JsonNode.Obj(
                        obj.keys().subList(removed, obj.keys().size()), obj.values().subList(removed, obj.values().size()));
                case JsonNode.Arr arr when removed > 0 -> new JsonNode.Arr(arr.items().subList(removed, arr.items().size()));
                default -> container;
            };
            JsonArgs.setJsonb(out, members);
        }
    }
}
