package io.turso4j.translate;

import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Name;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * A stored rowid table as a row source: finding it in the schema, and the full scan that
 * reads each row into a block of registers (column {@code i} into {@code out + i}), as SQLite's
 * {@code OpenRead / Rewind / Column… / Next} loop. The INTEGER PRIMARY KEY column reads the
 * rowid (its record field is NULL); a REAL column turns stored integers back into reals.
 * Stateless.
 */
final class TableSource {
    private TableSource() {
    }

    /** The table {@code name} names (in {@code main}), or null if there is none. */
    static Table lookup(Schema schema, Name name) {
        if (schema == null || (name.schema() != null && !name.schema().equalsIgnoreCase("main"))) {
            return null;
        }
        Table t = schema.table(name.name());
        return t == null || t.isVirtual() || !t.hasRowid() ? null : t;
    }

    /** Codes a scan of {@code table} running {@code body} once per row, the row in {@code out…}. */
    static void scan(ProgramBuilder b, Table table, int out, Runnable body) {
        int cursor = b.allocCursor();
        b.emit(Opcode.OpenRead, cursor, table.rootPage(), 0);
        int done = b.newLabel();
        b.emit(Opcode.Rewind, cursor, done);
        int top = b.currentAddress();
        readRow(b, table, cursor, out);
        body.run();
        b.emit(Opcode.Next, cursor, top);
        b.resolve(done);
        b.emit(Opcode.Close, cursor, 0);
    }

    /** Reads the current row of {@code cursor} (on {@code table}) into {@code out…}. */
    static void readRow(ProgramBuilder b, Table table, int cursor, int out) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (i == table.rowidAlias()) {
                b.emit(Opcode.Rowid, cursor, out + i);
                continue;
            }
            b.emit(Opcode.Column, cursor, i, out + i, ColumnDefaults.of(table.columns().get(i)), 0);
            if (table.columns().get(i).affinity() == Affinity.REAL) {
                b.emit(Opcode.RealAffinity, out + i, 0);
            }
        }
    }
}
