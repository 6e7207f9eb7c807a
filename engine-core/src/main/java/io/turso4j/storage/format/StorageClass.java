package io.turso4j.storage.format;

/**
 * The five kinds of value a record column can hold, SQLite's storage classes. See <a
 * href="https://www.sqlite.org/datatype3.html#storage_classes_and_datatypes">Datatypes In
 * SQLite</a>; {@link SerialType} maps the on-disk codes to these.
 */
public enum StorageClass {
    NULL,
    INTEGER,
    REAL,
    TEXT,
    BLOB
}
