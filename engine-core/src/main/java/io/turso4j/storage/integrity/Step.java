package io.turso4j.storage.integrity;

/**
 * One resumable piece of the integrity check (a tree page, an overflow chain, the freelist),
 * run from {@link CheckContext}'s explicit stack instead of by recursion, so that a corrupt,
 * pathologically deep tree cannot overflow the Java stack and an {@link
 * io.turso4j.storage.IoPending} can unwind everything and resume later.
 *
 * <p>The rule every implementation keeps: a call to {@link #step} either reads all the pages it
 * needs before changing any state, or changes nothing and lets {@code IoPending} pass; so
 * calling it again after the read completes does the same work exactly once.
 */
interface Step {
    /**
     * Does the next piece of work, possibly pushing sub-steps onto the context's stack (which
     * then run before this step is called again).
     *
     * @return true when this step is finished and may be popped
     * @throws io.turso4j.storage.IoPending if a page is not resident yet; call again later
     */
    boolean step();
}
