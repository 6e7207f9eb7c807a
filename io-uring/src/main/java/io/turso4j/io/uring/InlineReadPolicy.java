package io.turso4j.io.uring;

/**
 * Whether a read should first try the OS page cache on the caller's thread ({@code preadv2}
 * with {@code RWF_NOWAIT}) before going to the ring. The try costs a system call; when the data
 * is cached it saves the loop's round trip, when it is not the call is spent for nothing (the
 * kernel starts the disk read there or in the ring alike). So a file whose reads keep missing
 * stops trying for a while: after {@value #MISS_STREAK} misses in a row, the next {@value
 * #SKIP} reads go straight to the ring, then one read tries again; a hit returns to trying
 * every read. A stream of cold reads thus spends one wasted call per {@value #SKIP} reads, and
 * a file that turns warm gets its inline reads back within {@value #SKIP} reads.
 *
 * <p>Threads: any. The counters are plain fields updated without synchronisation on purpose:
 * a lost or stale update only moves the next try a little, it never affects a read's result,
 * and the cached-read path writes nothing unless the counters must change (no cache line
 * bounces between threads reading a warm file).
 */
final class InlineReadPolicy {
    /** Misses in a row after which reads stop trying inline. */
    static final int MISS_STREAK = 8;
    /** Reads sent straight to the ring before the next try. */
    static final int SKIP = 64;

    private int misses;
    private int skipLeft;
    /** Set when a streak of misses pauses the tries, cleared by the next hit. */
    private boolean cold;

    /** Whether this read should try the page cache first; counts a skipped read. */
    boolean shouldTry() {
        if (skipLeft > 0) {
            skipLeft--;
            return false;
        }
        return true;
    }

    /**
     * Whether the file's reads have lately been missing the page cache: from a streak of
     * {@value #MISS_STREAK} misses until the next hit, the paused reads and their tries included.
     */
    boolean isCold() {
        return cold;
    }

    /** The try found the whole range cached. */
    void hit() {
        if (misses != 0) {
            misses = 0;
        }
        if (cold) {
            cold = false;
        }
    }

    /** The try did not find the whole range cached. */
    void miss() {
        if (++misses >= MISS_STREAK) {
            cold = true;
            skipLeft = SKIP;
            misses = MISS_STREAK - 1; // one more miss after the pause starts the next one
        }
    }
}
