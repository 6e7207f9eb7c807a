package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Name;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * A stored rowid table as a row source: finding it in the schema, and reading a row into a
 * block of registers (column {@code i} into {@code out + i}). The INTEGER PRIMARY KEY column
 * reads the rowid (its record field is NULL); a REAL column turns stored integers back into
 * reals, and VIRTUAL generated columns are computed from the others. (In a SELECT's loops the columns are read where they are used: {@link SourceReader}.)
 * Stateless.
 */
final class TableSource {
    private TableSource() {
    }

    /**
     * The table {@code name} names, or null if there is none: in the database it is qualified
     * with, else the first of temp, main and the attached databases that has it.
     */
    static Table lookup(Schema schema, Name name) {
        Schema.Database db = schema == null || name.schema() == null ? null : schema.database(name.schema());
        if (schema == null || (name.schema() != null && db == null)) {
            return null;
        }
        Table t = (db == null ? schema : db.schema()).table(name.name());
        return t == null || t.isVirtual() ? null : t;
    }

    /** Reads the current row of {@code cursor} (on {@code table}) into {@code out…}. */
    static void readRow(ProgramBuilder b, Table table, int cursor, int out) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (i == table.rowidAlias()) {
                b.emit(Opcode.Rowid, cursor, out + i);
                continue;
            }
            if (table.column(i).generated() == Column.Generated.VIRTUAL) {
                continue;
            }
            if (table.hasRowid()) {
                b.emit(Opcode.Column, cursor, GeneratedColumns.field(table, i), out + i,
                        ColumnDefaults.of(table.columns().get(i)), 0);
            } else {
                b.emit(Opcode.Column, cursor, WithoutRowidTables.field(table, i), out + i,
                        ColumnDefaults.of(table.columns().get(i)), 0);
            }
            if (table.columns().get(i).affinity() == Affinity.REAL) {
                b.emit(Opcode.RealAffinity, out + i, 0);
            }
        }
        GeneratedColumns.computeVirtual(b, table, out);
    }
}
