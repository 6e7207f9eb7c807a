package io.turso4j;

import io.turso4j.buffer.Buffer;
import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.ForwardingDbFile;
import io.turso4j.io.ForwardingIO;
import io.turso4j.io.IO;
import io.turso4j.io.OpenMode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend whose files count the pages read from them, and the reads ahead among those, and
 * say reads ahead pay, as on a backend whose reads wait (memory files say they do not).
 */
final class CountingIo extends ForwardingIO {
    /** Every read, ahead or not. */
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger readsAhead = new AtomicInteger();

    CountingIo(IO inner) {
        super(inner);
    }

    @Override
    public DbFile open(String path, OpenMode mode) {
        return new ForwardingDbFile(super.open(path, mode)) {
            @Override
            public boolean readsAheadPay() {
                return true;
            }

            @Override
            public Completion read(long pos, Buffer buf) {
                reads.incrementAndGet();
                return super.read(pos, buf);
            }

            @Override
            public Completion readAhead(long pos, Buffer buf) {
                readsAhead.incrementAndGet();
                return read(pos, buf);
            }
        };
    }
}
