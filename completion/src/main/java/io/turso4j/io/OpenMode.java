package io.turso4j.io;

/** How {@link IO#open} opens a file. */
public enum OpenMode {
    /** Read only; the file must exist. */
    READ_ONLY,
    /** Read and write; the file must exist. */
    READ_WRITE,
    /** Read and write; created empty if missing. */
    CREATE
}
