package io.turso4j.jcstress;

import io.turso4j.buffer.Buffer;
import io.turso4j.buffer.BufferPool;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** jcstress test for a {@link Buffer}'s deferred recycle. */
public final class BufferRaces {
    private BufferRaces() {}

    /**
     * The owner releases while the I/O that pinned the buffer unpins: whichever comes last
     * returns it to the pool, exactly once.
     */
    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "recycled exactly once, no pins left")
    @Outcome(expect = FORBIDDEN, desc = "lost or recycled twice")
    @State
    public static class ReleaseVsUnpin {
        final BufferPool pool = new BufferPool(512, 1, false);
        final Buffer b = pool.acquire();

        public ReleaseVsUnpin() {
            b.pinForIo();
        }

        @Actor
        public void owner() {
            b.release();
        }

        @Actor
        public void io() {
            b.unpinForIo();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = pool.freeCount();
            r.r2 = b.pins();
            pool.close();
        }
    }
}
