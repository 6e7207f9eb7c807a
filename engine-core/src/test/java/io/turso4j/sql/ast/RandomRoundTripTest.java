package io.turso4j.sql.ast;

import static org.junit.jupiter.api.Assertions.fail;

import io.turso4j.sql.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Round-trip property on generated trees: print → parse gives an equal tree.
 * Seeded; prints its seed; replay with {@code -Dturso4j.seed=<seed>}.
 */
class RandomRoundTripTest {
    @Test
    void printedTreesParseBackEqual() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("RandomRoundTripTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        RandomAst gen = new RandomAst(seed);
        for (int i = 0; i < 20_000; i++) {
            Stmt s = gen.stmt();
            String sql = SqlPrinter.print(s);
            Stmt back;
            try {
                back = Parser.parse(sql);
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " (seed " + seed + "): " + sql, e);
            }
            if (!s.equals(back)) {
                fail("case " + i + " (seed " + seed + "): printed\n" + sql + "\nreprinted\n" + SqlPrinter.print(back));
            }
        }
    }
}
