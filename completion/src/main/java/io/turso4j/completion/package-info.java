/**
 * One I/O operation's outcome ({@link io.turso4j.completion.Completion}) and groups of them.
 * Depends on nothing but the JDK.
 */
package io.turso4j.completion;
