package io.turso4j.io.uring;

/**
 * An operation the loop thread performs itself with one short, non-blocking libc call:
 * taking or dropping the file lock ({@code flock} with {@code LOCK_NB} never waits), reading
 * the size ({@code lseek}), or closing the descriptor. Running them on the loop, in line with
 * the file's other operations, means the descriptor they use is still open: it is closed on
 * the loop too, only after the file's kernel operations have ended.
 */
final class LoopOp extends FileOp {

    enum Kind {
        LOCK("lock"), UNLOCK("unlock"), SIZE("size"), CLOSE("close");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }
    }

    final Kind kind;

    LoopOp(UringFile file, Kind kind) {
        super(file);
        this.kind = kind;
    }

    /** Runs the call on descriptor {@code fd} and completes. Loop thread only. */
    void run(int fd) {
        long r = switch (kind) {
            case LOCK -> Libc.flock(fd, Libc.LOCK_EX | Libc.LOCK_NB);
            case UNLOCK -> Libc.flock(fd, Libc.LOCK_UN);
            case SIZE -> Libc.size(fd);
            case CLOSE -> Libc.close(fd);
        };
        if (r < 0) {
            fail((int) -r);
        } else {
            succeed(kind == Kind.SIZE ? r : 0);
        }
    }

    @Override
    String describe() {
        return kind.verb + " of " + file.path();
    }
}
