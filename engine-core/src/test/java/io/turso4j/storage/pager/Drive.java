package io.turso4j.storage.pager;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;
import io.turso4j.io.sim.SimulatedIO;
import io.turso4j.storage.IoPending;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.Supplier;

/**
 * Test driver for resumable operations: retries an operation that throws {@link IoPending},
 * waiting its own way — polling a {@link SimulatedIO}, parking otherwise — and moves whole
 * files in and out of an {@link IO}.
 */
final class Drive {
    private Drive() {}

    static <T> T await(IO io, Supplier<T> op) {
        while (true) {
            try {
                return op.get();
            } catch (IoPending p) {
                waitFor(io, p.completion());
            }
        }
    }

    static void run(IO io, Runnable op) {
        await(io, () -> {
            op.run();
            return null;
        });
    }

    static void waitFor(IO io, Completion c) {
        if (io instanceof SimulatedIO sim) {
            while (!c.isDone()) {
                if (sim.poll() == 0 && !c.isDone()) {
                    throw new AssertionError("nothing pending, yet " + c + " is not done");
                }
            }
        } else {
            c.awaitUninterruptibly();
        }
    }

    static SharedPager open(IO io, String path) {
        PagerOpening opening = SharedPager.open(io, path);
        return await(io, opening::step);
    }

    static void close(IO io, SharedPager shared) {
        run(io, shared::close);
    }

    /** Writes {@code bytes} as the whole content of {@code path}, durably. */
    static void importFile(IO io, String path, byte[] bytes) {
        DbFile f = io.open(path, OpenMode.CREATE);
        Buffer b = Buffer.allocate(Math.max(1, bytes.length));
        MemorySegment.copy(bytes, 0, b.segment(), ValueLayout.JAVA_BYTE, 0, bytes.length);
        waitFor(io, f.truncate(0));
        if (bytes.length > 0) {
            waitFor(io, f.write(0, b, 0, bytes.length));
        }
        waitFor(io, f.sync());
        waitFor(io, f.close());
    }

    /** The whole content of {@code path}, or null if there is no such file. */
    static byte[] exportFile(IO io, String path) {
        if (!io.exists(path)) {
            return null;
        }
        if (io instanceof SimulatedIO sim) {
            return sim.contents(path);
        }
        DbFile f = io.open(path, OpenMode.READ_ONLY);
        Completion size = f.size();
        waitFor(io, size);
        int n = (int) size.result();
        byte[] out = new byte[n];
        if (n > 0) {
            Buffer b = Buffer.allocate(n);
            waitFor(io, f.read(0, b));
            MemorySegment.copy(b.segment(), ValueLayout.JAVA_BYTE, 0, out, 0, n);
        }
        waitFor(io, f.close());
        return out;
    }
}
