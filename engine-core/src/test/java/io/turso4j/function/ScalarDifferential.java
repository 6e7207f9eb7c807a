package io.turso4j.function;

/**
 * Drives {@link Oracle} over a scalar function: every edge value for one argument, edge pairs
 * for two (the second from a smaller set), and seeded random argument lists.
 */
final class ScalarDifferential {
    /** A smaller set for second and third arguments, so pairs stay affordable. */
    static final Object[] SECOND = {
        null, 0L, 1L, -1L, 2L, 3L, 5L, 100L, Long.MAX_VALUE, Long.MIN_VALUE, 0.0, -0.0, 1.5, -2.5,
        1e300, "", " ", "a", "abc", "ABC", "b", "1", "2.5", "x%", "%", "_", "é", "日",
        new byte[0], new byte[] {'a'}, new byte[] {(byte) 0xff},
    };

    private ScalarDifferential() {
    }

    static void edges(Oracle oracle, String name, int argc) {
        switch (argc) {
            case 0 -> oracle.scalar(name);
            case 1 -> {
                for (Object a : ArgPool.EDGES) {
                    oracle.scalar(name, a);
                }
            }
            case 2 -> {
                for (Object a : ArgPool.EDGES) {
                    for (Object b : SECOND) {
                        oracle.scalar(name, a, b);
                    }
                }
            }
            default -> {
                java.util.Random r = new java.util.Random(argc);
                for (int i = 0; i < 1500; i++) {
                    Object[] args = new Object[argc];
                    for (int k = 0; k < argc; k++) {
                        args[k] = k == 0 ? ArgPool.EDGES[r.nextInt(ArgPool.EDGES.length)]
                                : SECOND[r.nextInt(SECOND.length)];
                    }
                    oracle.scalar(name, args);
                }
            }
        }
    }

    static void fuzz(Oracle oracle, ArgPool pool, String name, int argc, int rounds) {
        for (int i = 0; i < rounds; i++) {
            Object[] args = new Object[argc];
            for (int k = 0; k < argc; k++) {
                args[k] = pool.next();
            }
            oracle.scalar(name, args);
        }
    }
}
