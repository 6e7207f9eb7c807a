/**
 * The file I/O seam: {@link io.turso4j.io.IO} opens {@link io.turso4j.io.DbFile}s whose
 * operations return {@link io.turso4j.completion.Completion}s; backends plug in through
 * {@link io.turso4j.io.IoProvider}. Depends on {@code completion} and {@code buffer}.
 */
package io.turso4j.io;
