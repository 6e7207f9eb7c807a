package io.turso4j.tests.slt;

import io.turso4j.Database;
import io.turso4j.completion.Completion;
import io.turso4j.io.ForwardingIO;
import io.turso4j.io.sim.SimulatedIO;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Turso4jEngine.Io} whose database lives on a {@link SimulatedIO}: no read, write or
 * sync completes until someone polls, and each poll completes a random subset of what is
 * pending in a random order. The adapter is the only one meant to poll, from {@link
 * #complete}, between steps; every other poll is recorded as a violation with its stack:
 * a poll from inside the engine means the engine waited for I/O itself. (Waiting without
 * polling cannot go unnoticed either: nothing would ever complete, and the run would hang.)
 * Opening and closing are blocking calls of the API and may poll.
 *
 * <p>Used by one thread, the one running the file.
 */
final class DrivenSimulatedIo implements Turso4jEngine.Io {
    private final SimulatedIO sim;
    private final Guard guard;
    /** Stacks of polls made by anyone but the adapter outside open and close. */
    final List<Throwable> enginePolls = new ArrayList<>();
    long ioSteps;
    long completed;
    /** Reads and writes the disk completed while the database was open, counted at close. */
    long reads;
    long writes;
    private boolean mayPoll;

    DrivenSimulatedIo(long seed) {
        this.sim = new SimulatedIO(seed);
        this.guard = new Guard();
    }

    @Override
    public Database open() {
        mayPoll = true;
        try {
            return Database.open("slt.db", guard);
        } finally {
            mayPoll = false;
        }
    }

    @Override
    public void complete(Completion pending) {
        if (pending == null) {
            throw new AssertionError("step() returned IO without a pending completion");
        }
        ioSteps++;
        mayPoll = true;
        try {
            while (!pending.isDone()) {
                int n = sim.poll();
                if (n == 0) {
                    throw new AssertionError("step() returned IO for an operation the disk never got");
                }
                completed += n;
            }
        } finally {
            mayPoll = false;
        }
    }

    @Override
    public void close(Database database) {
        mayPoll = true;
        try {
            database.close();
        } finally {
            mayPoll = false;
        }
        for (String line : sim.log()) {
            if (line.contains(" -> ")) {
                reads += line.contains(" read ") ? 1 : 0;
                writes += line.contains(" write ") ? 1 : 0;
            }
        }
    }

    /** The simulator as the engine sees it, with polls checked. */
    private final class Guard extends ForwardingIO {
        Guard() {
            super(sim);
        }

        @Override
        public int poll() {
            if (!mayPoll) {
                enginePolls.add(new Throwable("the engine polled the I/O itself"));
            }
            return super.poll();
        }
    }
}
