package io.turso4j.function;

import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import java.util.Random;

/** A {@link FunctionContext} for tests: a fixed clock, seeded randomness, settable counters. */
class StubContext implements FunctionContext {
    long now = 1_700_000_000_123L;
    final Random random;
    long changes = 3;
    long totalChanges = 17;
    long lastInsertRowid = 42;
    Collation collation = BuiltinCollation.BINARY;

    StubContext(long seed) {
        this.random = new Random(seed);
    }

    StubContext() {
        this(1);
    }

    StubContext with(Collation c) {
        StubContext s = new StubContext();
        s.collation = c;
        return s;
    }

    @Override
    public long currentTimeMillis() {
        return now;
    }

    @Override
    public long nextRandom() {
        return random.nextLong();
    }

    @Override
    public long changes() {
        return changes;
    }

    @Override
    public long totalChanges() {
        return totalChanges;
    }

    @Override
    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    @Override
    public Collation collation() {
        return collation;
    }
}
