/**
 * The portable {@link io.turso4j.io.IO} backend: {@link io.turso4j.io.nio.NioIO} runs every
 * file operation on {@link java.nio.channels.AsynchronousFileChannel} with completion
 * handlers, on a small pool of platform threads it owns, so no caller ever blocks on disk.
 * Depends on {@code io.turso4j.io}, {@code io.turso4j.completion}, {@code io.turso4j.buffer}
 * and the JDK; never on the engine or on another backend.
 */
package io.turso4j.io.nio;
