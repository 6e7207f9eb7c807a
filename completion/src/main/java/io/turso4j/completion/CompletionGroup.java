package io.turso4j.completion;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * Several I/O operations awaited as one: the group's {@link #completion()} is done when every
 * member is done and the group is {@link #seal() sealed}. It succeeds with the sum of the
 * members' results (e.g. the bytes written by a batch of page writes) or fails with the
 * failure of the first member to fail; later failures are dropped. The group never ends
 * before all members have, even after a failure, so no member's buffer is still in use by
 * the kernel when the group's waiter wakes.
 *
 * <p>Members may be added until {@link #seal()}; a member may already be done when added.
 * Sealing an empty group completes it at once with 0.
 *
 * <p>Threads: any thread may add, seal, and complete members. One field holds the sealed
 * bit and the count of members still pending plus one while unsealed, changed by CAS, so
 * the count cannot reach zero before the seal: whoever moves it to "sealed, zero pending"
 * finishes the group.
 */
public final class CompletionGroup {
    private static final long SEALED = 1L << 62;
    private static final long COUNT = SEALED - 1;

    private static final VarHandle STATE;
    private static final VarHandle FIRST_FAILURE;
    private static final VarHandle SUM;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(CompletionGroup.class, "state", long.class);
            FIRST_FAILURE = l.findVarHandle(CompletionGroup.class, "firstFailure", IoFailure.class);
            SUM = l.findVarHandle(CompletionGroup.class, "sum", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Completion done = new Completion();

    /** {@link #SEALED} bit | (members pending + 1 until sealed). */
    @SuppressWarnings("unused") // accessed through STATE
    private volatile long state = 1;

    @SuppressWarnings("unused") // accessed through FIRST_FAILURE
    private volatile IoFailure firstFailure;

    @SuppressWarnings("unused") // accessed through SUM
    private volatile long sum;

    /** An empty, unsealed group. */
    public CompletionGroup() {}

    /** A sealed group of {@code members}. */
    public static CompletionGroup of(Completion... members) {
        CompletionGroup g = new CompletionGroup();
        for (Completion c : members) {
            g.add(c);
        }
        g.seal();
        return g;
    }

    /**
     * Adds a member, pending or already done.
     *
     * @return this group
     * @throws IllegalStateException if the group is sealed
     */
    public CompletionGroup add(Completion member) {
        Objects.requireNonNull(member);
        long s;
        do {
            s = (long) STATE.getVolatile(this);
            if ((s & SEALED) != 0) {
                throw new IllegalStateException("completion group is sealed");
            }
        } while (!STATE.compareAndSet(this, s, s + 1));
        member.onComplete(this::memberDone);
        return this;
    }

    /**
     * Ends the membership: the group completes once the members added so far are done.
     * Sealing again does nothing.
     *
     * @return this group
     */
    public CompletionGroup seal() {
        long s;
        do {
            s = (long) STATE.getVolatile(this);
            if ((s & SEALED) != 0) {
                return this;
            }
        } while (!STATE.compareAndSet(this, s, (s | SEALED) - 1));
        if (((s - 1) & COUNT) == 0) {
            finish();
        }
        return this;
    }

    public boolean isSealed() {
        return ((long) STATE.getVolatile(this) & SEALED) != 0;
    }

    /** How many members are still pending. */
    public long pending() {
        long s = (long) STATE.getVolatile(this);
        return (s & COUNT) - ((s & SEALED) != 0 ? 0 : 1);
    }

    /** Done when the group is sealed and all its members are done. */
    public Completion completion() {
        return done;
    }

    private void memberDone(Completion member) {
        IoFailure failure = member.failure();
        if (failure != null) {
            FIRST_FAILURE.compareAndSet(this, (IoFailure) null, failure);
        } else {
            SUM.getAndAdd(this, member.result());
        }
        // The CAS on STATE publishes the failure and sum written above to the finisher.
        long after = (long) STATE.getAndAdd(this, -1L) - 1;
        if (after == SEALED) {
            finish();
        }
    }

    private void finish() {
        IoFailure failure = (IoFailure) FIRST_FAILURE.getVolatile(this);
        if (failure != null) {
            done.fail(failure);
        } else {
            done.complete((long) SUM.getVolatile(this));
        }
    }
}
