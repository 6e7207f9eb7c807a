/**
 * One I/O operation's outcome ({@link io.turso4j.completion.Completion}: completed exactly
 * once, callbacks exactly once, parking waits) and groups of them ({@link
 * io.turso4j.completion.CompletionGroup}: done when every member is, first error wins).
 * Depends on nothing but the JDK.
 */
package io.turso4j.completion;
