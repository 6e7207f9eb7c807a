package io.turso4j.storage;

import io.turso4j.completion.Completion;

import java.io.Serial;
import java.util.Objects;

/**
 * "Not yet": the operation needs a page (or a write, or a sync) that is still in flight.
 *
 * <p>This is how I/O pending travels up the layers (DESIGN.md, "Never block"): the storage
 * layer that issued the I/O throws it with the operation's {@link Completion}; every layer
 * above lets it pass unchanged; the VM catches it and returns {@code StepResult.IO} with its
 * program counter still on the instruction. Once the completion is done the caller calls
 * again, and the operation runs again from the start of its current stage.
 *
 * <p>The contract for every method documented as "may throw {@code IoPending}": <b>it has
 * changed nothing that a retry would see</b> (load, then mutate), or it keeps an explicit
 * resume state so that the retry continues the stage instead of repeating it. Calling again
 * before the completion is done is allowed and simply throws again.
 *
 * <p>It is not an error: it carries no stack trace and no message, and is cheap to throw. A
 * failed completion is turned into {@code SQLITE_IOERR} by whoever retries the operation.
 * Immutable; any thread.
 */
public final class IoPending extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Completion completion;

    public IoPending(Completion completion) {
        super(null, null, false, false);
        this.completion = Objects.requireNonNull(completion, "completion");
    }

    /** What to wait for before calling again. */
    public Completion completion() {
        return completion;
    }
}
