package io.turso4j.value;

/**
 * SQLite's five storage classes (<a href="https://www.sqlite.org/datatype3.html">Datatypes In
 * SQLite</a>, §2). The declaration order is the sort order of {@link ValueComparator}: NULL
 * sorts first, then numbers (INTEGER and REAL compare with each other by value), then TEXT,
 * then BLOB.
 */
public enum ValueType {
    NULL("null"),
    INTEGER("integer"),
    REAL("real"),
    TEXT("text"),
    BLOB("blob");

    private final String typeofName;

    ValueType(String typeofName) {
        this.typeofName = typeofName;
    }

    /** The name SQL's {@code typeof()} returns for this class: {@code "integer"}, … */
    public String typeofName() {
        return typeofName;
    }

    /** True for INTEGER and REAL. */
    public boolean isNumeric() {
        return this == INTEGER || this == REAL;
    }
}
