/**
 * SQLite's result codes and the one exception type that carries them. Every layer of the
 * engine may throw it; it depends on nothing.
 */
package io.turso4j.error;
