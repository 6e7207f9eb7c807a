package io.turso4j.function;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Functions by name and argument count, as SQLite resolves them: an exact arity wins over a
 * variadic registration of the same name; names are case-insensitive. A variadic registration
 * may demand a minimum number of arguments ({@code coalesce} takes two or more), and a function
 * may be marked non-deterministic ({@code random()}), which the planner must not fold or index.
 *
 * <p>{@link #builtins()} is the set every connection starts with. Immutable once built, so any
 * thread may look up.
 */
public final class FunctionRegistry {
    /** Arity under which a function taking any number of arguments is registered. */
    public static final int VARIADIC = -1;

    private static final FunctionRegistry BUILTINS = BuiltinFunctions.register(new Builder()).build();

    private final Map<String, Map<Integer, ScalarFunction>> scalars;
    private final Map<String, Map<Integer, AggregateFunction>> aggregates;
    private final Map<String, Integer> minimumArgs;
    private final Set<String> nonDeterministic;

    private FunctionRegistry(Builder b) {
        this.scalars = Map.copyOf(b.scalars);
        this.aggregates = Map.copyOf(b.aggregates);
        this.minimumArgs = Map.copyOf(b.minimumArgs);
        this.nonDeterministic = Set.copyOf(b.nonDeterministic);
    }

    /** SQLite's core functions and aggregates. */
    public static FunctionRegistry builtins() {
        return BUILTINS;
    }

    /** The scalar function {@code name} taking {@code argc} arguments, or null if there is none. */
    public ScalarFunction scalar(String name, int argc) {
        return lookup(scalars, name, argc);
    }

    /**
     * Whether calls of {@code name} with the same arguments always give the same result
     * within and across statements (false for {@code random()}, {@code changes()}, …).
     */
    public boolean isDeterministic(String name) {
        return !nonDeterministic.contains(key(name));
    }

    /** The aggregate {@code name} taking {@code argc} arguments, or null if there is none. */
    public AggregateFunction aggregate(String name, int argc) {
        return lookup(aggregates, name, argc);
    }

    /** Every function name (lower case), scalar or aggregate, e.g. for {@code pragma function_list}. */
    public Set<String> names() {
        Set<String> all = new HashSet<>(scalars.keySet());
        all.addAll(aggregates.keySet());
        return Set.copyOf(all);
    }

    /**
     * Whether any function is called {@code name}, whatever its arity: tells "wrong number of
     * arguments to function f()" from "no such function: f".
     */
    public boolean isKnown(String name) {
        String key = key(name);
        return scalars.containsKey(key) || aggregates.containsKey(key);
    }

    private <F> F lookup(Map<String, Map<Integer, F>> table, String name, int argc) {
        String key = key(name);
        Map<Integer, F> byArity = table.get(key);
        if (byArity == null) {
            return null;
        }
        F exact = byArity.get(argc);
        if (exact != null) {
            return exact;
        }
        return argc >= minimumArgs.getOrDefault(key, 0) ? byArity.get(VARIADIC) : null;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Collects registrations; {@link #build()} freezes them. */
    public static final class Builder {
        private final Map<String, Map<Integer, ScalarFunction>> scalars = new HashMap<>();
        private final Map<String, Map<Integer, AggregateFunction>> aggregates = new HashMap<>();
        private final Map<String, Integer> minimumArgs = new HashMap<>();
        private final Set<String> nonDeterministic = new HashSet<>();

        public Builder scalar(String name, int argc, ScalarFunction f) {
            scalars.computeIfAbsent(key(name), k -> new HashMap<>()).put(argc, f);
            return this;
        }

        /** Registers {@code f} for any number of arguments from {@code minArgs} up. */
        public Builder variadic(String name, int minArgs, ScalarFunction f) {
            minimumArgs.put(key(name), minArgs);
            return scalar(name, VARIADIC, f);
        }

        /** Marks {@code name} (every arity) as non-deterministic. */
        public Builder nonDeterministic(String name) {
            nonDeterministic.add(key(name));
            return this;
        }

        public Builder aggregate(String name, int argc, AggregateFunction f) {
            aggregates.computeIfAbsent(key(name), k -> new HashMap<>()).put(argc, f);
            return this;
        }

        public FunctionRegistry build() {
            scalars.replaceAll((k, v) -> Map.copyOf(v));
            aggregates.replaceAll((k, v) -> Map.copyOf(v));
            return new FunctionRegistry(this);
        }
    }
}
