package io.turso4j.function;

/**
 * Registers SQLite's core scalar functions and aggregates. Each family lives in its own class
 * and adds itself here.
 */
final class BuiltinFunctions {
    private BuiltinFunctions() {}

    static FunctionRegistry.Builder register(FunctionRegistry.Builder b) {
        CoreFunctions.register(b);
        StringFunctions.register(b);
        PatternMatch.register(b);
        Aggregates.register(b);
        Percentile.register(b);
        PrintfFormat.register(b);
        DateTimeFunctions.register(b);
        MathFunctions.register(b);
        JsonFunctions.register(b);
        JsonAggregates.register(b);
        return b;
    }
}
