package io.turso4j.function;

import io.turso4j.value.Register;

/**
 * The JSON aggregates {@code json_group_array(X)} and {@code json_group_object(K, V)}: each row's
 * value is embedded as {@code json_array} would embed it (JSON-subtyped text as JSON), a NULL
 * label skips the row, other labels are taken as text. The result is JSON-subtyped text, also
 * for an empty group ({@code []}, {@code {}}); the jsonb_ twins give it as a JSONB blob. The accumulator keeps the parts so that a window
 * frame can ask for the result more than once.
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

    /** One group's members so far; owned by one statement. */
    private static final class Accumulator implements AggregateFunction.Accumulator {
        private final JsonNode container;
        private final boolean blob;

        Accumulator(boolean object, boolean blob) {
            container = object ? new JsonNode.Obj() : new JsonNode.Arr();
            this.blob = blob;
        }

        @Override
        public void step(FunctionContext context, Register[] args, int start, int count) {
            if (container instanceof JsonNode.Obj obj) {
                Register key = args[start];
                if (!key.isNull()) {
                    obj.add(JsonNode.Str.of(key.toText()), JsonArgs.value(args[start + 1]));
                }
            } else {
                ((JsonNode.Arr) container).items().add(JsonArgs.value(args[start]));
            }
        }

        @Override
        public void result(Register out) {
            JsonArgs.setResult(out, container, blob);
        }
    }
}
