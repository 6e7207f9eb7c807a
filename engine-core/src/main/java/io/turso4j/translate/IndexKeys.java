package io.turso4j.translate;

import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * The entries of a table's indexes: how they compare, and the code that builds one entry (the
 * key columns followed by the rowid) from a row held in registers. Stateless.
 */
final class IndexKeys {
    private IndexKeys() {
    }

    /** Compares entries of {@code index} field by field, the trailing rowid included. */
    static IndexKeyComparator comparator(Index index) {
        int n = index.columns().size();
        Collation[] collations = new Collation[n];
        boolean[] desc = new boolean[n];
        for (int i = 0; i < n; i++) {
            IndexColumn c = index.columns().get(i);
            collations[i] = c.collation() == null ? null : Collation.builtin(c.collation());
            desc[i] = c.desc();
        }
        return new IndexKeyComparator(collations, desc);
    }

    /**
     * Copies the entry's fields into {@code key…} from the row in {@code row…} (column i in
     * {@code row + i}) and its rowid in {@code rowid}.
     */
    static void build(ProgramBuilder b, Index index, int row, int rowid, int key) {
        for (int i = 0; i < index.columns().size(); i++) {
            IndexColumn c = index.columns().get(i);
            if (c.column() == IndexColumn.EXPRESSION) {
                throw ExprCodegen.error("indexes on expressions are not supported yet");
            }
            b.emit(Opcode.SCopy, c.column() == IndexColumn.ROWID ? rowid : row + c.column(), key + i);
        }
    }
}
