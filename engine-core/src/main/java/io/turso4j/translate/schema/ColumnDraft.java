package io.turso4j.translate.schema;

import io.turso4j.schema.Column;
import io.turso4j.schema.Conflict;
import io.turso4j.value.Affinity;

/**
 * A column while its CREATE TABLE is being read: constraints arrive one at a time and each may
 * change it, as they change SQLite's {@code Column} in build.c. Confined to one
 * {@link TableBuilder}.
 */
final class ColumnDraft {
    final String name;
    final DeclaredType type;
    Affinity affinity;
    String collation;
    boolean notNull;
    Conflict notNullConflict = Conflict.DEFAULT;
    String defaultSql;
    Column.Generated generated = Column.Generated.NONE;
    String generatedSql;
    boolean primaryKey;

    ColumnDraft(String name, DeclaredType type) {
        this.name = name;
        this.type = type;
        this.affinity = type.affinity();
    }

    Column build() {
        return new Column(name, type.display(), affinity, collation, notNull, notNullConflict, defaultSql, generated,
                generatedSql, primaryKey);
    }
}
