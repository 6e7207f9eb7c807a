package io.turso4j.translate;

import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * A WITHOUT ROWID table's b-tree, as code sees it: the table is stored in its primary key
 * index (the key columns, then every other stored column), so its cursor is an index cursor
 * and column {@code i} of the table is the entry's field where that index holds it. What
 * identifies a row — a rowid table's rowid — is the record of its primary key's values
 * (MakeRecord of the key columns), looked up with {@code NotFound P4=0} as SQLite does.
 * Stateless.
 */
final class WithoutRowidTables {
    private WithoutRowidTables() {
    }

    /** The comparator a cursor on {@code table}'s own b-tree needs: null for a rowid table. */
    static IndexKeyComparator cursorKey(Table table) {
        return table.hasRowid() ? null : IndexKeys.comparator(table.primaryKeyIndex());
    }

    /** Whether an UPDATE assigning {@code setTo} (per column, null when unassigned) changes a WITHOUT ROWID table's key. */
    static boolean changesKey(Table table, Object[] setTo) {
        if (table.hasRowid()) {
            return false;
        }
        for (IndexColumn c : table.primaryKeyIndex().keyColumns()) {
            if (setTo[c.column()] != null) {
                return true;
            }
        }
        return false;
    }

    /** Codes {@code op} (OpenRead or OpenWrite) of {@code cursor} on {@code table}'s own b-tree. */
    static void open(ProgramBuilder b, Opcode op, int cursor, Table table) {
        if (table.hasRowid()) {
            b.emit(op, cursor, table.rootPage(), table.db());
        } else {
            b.emit(op, cursor, table.rootPage(), table.db(), cursorKey(table), 0);
        }
    }

    /** The field of the table's entry holding stored column {@code column} of a WITHOUT ROWID table. */
    static int field(Table table, int column) {
        return position(table.primaryKeyIndex(), column);
    }

    /** Where {@code index} holds table column {@code column} (its first occurrence), or -1. */
    static int position(Index index, int column) {
        for (int p = 0; p < index.columns().size(); p++) {
            if (index.columns().get(p).column() == column) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Codes the row key of a WITHOUT ROWID table into {@code target}: the record of its primary
     * key's columns, taken from the entry of {@code index} (any index of the table; every one
     * ends in the primary key columns it lacks) that {@code cursor} is on.
     */
    static void keyFromEntry(ProgramBuilder b, Table table, Index index, int cursor, int target) {
        Index pk = table.primaryKeyIndex();
        int n = pk.keyCount();
        int values = b.allocRegisters(n);
        for (int i = 0; i < n; i++) {
            IndexColumn c = pk.columns().get(i);
            b.emit(Opcode.Column, cursor, entryField(index, c), values + i);
        }
        b.emit(Opcode.MakeRecord, values, n, target);
    }

    /** Codes the row key (see {@link #keyFromEntry}) of the current row of {@code source}, a FROM source on the table. */
    static void keyFromSource(ProgramBuilder b, Table table, Scope.Source source, int target) {
        Index pk = table.primaryKeyIndex();
        int n = pk.keyCount();
        int values = b.allocRegisters(n);
        for (int i = 0; i < n; i++) {
            source.read(b, pk.columns().get(i).column(), values + i);
        }
        b.emit(Opcode.MakeRecord, values, n, target);
    }

    /** Orders records of {@link #orderedKey}: by the primary key, as the table does. */
    static IndexKeyComparator keyOrder(Table table) {
        Index pk = table.primaryKeyIndex();
        int n = pk.keyCount();
        Collation[] collations = new Collation[n + 1];
        boolean[] desc = new boolean[n + 1];
        for (int i = 0; i < n; i++) {
            IndexColumn c = pk.columns().get(i);
            collations[i] = Collation.builtin(c.collation());
            desc[i] = c.desc();
        }
        return new IndexKeyComparator(collations, desc);
    }

    /**
     * Codes into {@code record} the primary key's values of {@code source}'s current row and
     * then its row key (already in {@code key}): what sorts rows in key order ({@link #keyOrder}).
     */
    static void orderedKey(ProgramBuilder b, Table table, Scope.Source source, int key, int record) {
        Index pk = table.primaryKeyIndex();
        int n = pk.keyCount();
        int values = b.allocRegisters(n + 1);
        for (int i = 0; i < n; i++) {
            source.read(b, pk.columns().get(i).column(), values + i);
        }
        b.emit(Opcode.SCopy, key, values + n);
        b.emit(Opcode.MakeRecord, values, n + 1, record);
    }

    /**
     * A cursor per index of {@code table} for a statement that changes it: new ones, but a
     * WITHOUT ROWID table's primary key index is the table's own {@code tableCursor}.
     */
    static int[] indexCursors(ProgramBuilder b, Table table, int tableCursor) {
        int[] cursors = new int[table.indexes().size()];
        for (int i = 0; i < cursors.length; i++) {
            cursors[i] = !table.hasRowid() && table.indexes().get(i).isPrimaryKey() ? tableCursor : b.allocCursor();
        }
        return cursors;
    }

    /** Codes the row key (see {@link #keyFromEntry}) of the row whose column {@code i} is in {@code row + i}. */
    static void keyFromRow(ProgramBuilder b, Table table, int row, int target) {
        Index pk = table.primaryKeyIndex();
        int n = pk.keyCount();
        int values = b.allocRegisters(n);
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.SCopy, row + pk.columns().get(i).column(), values + i);
        }
        b.emit(Opcode.MakeRecord, values, n, target);
    }

    /** Codes the seek of {@code table}'s cursor to the row its rowid (or row key) in {@code key} names, else a jump to {@code missing}. */
    static void seekRow(ProgramBuilder b, Table table, int cursor, int missing, int key) {
        if (table.hasRowid()) {
            b.emit(Opcode.NotExists, cursor, missing, key);
        } else {
            b.emit(Opcode.NotFound, cursor, missing, key, 0, 0);
        }
    }

    /**
     * Codes the rewrite of every row of WITHOUT ROWID {@code table} without the field of
     * (stored, non-key) column {@code drop}: the new rows are gathered in key order in an
     * ephemeral index, the b-tree is cleared, and they go back in (an entry cannot be replaced
     * in place: the b-tree orders whole records).
     */
    static void rewriteWithout(ProgramBuilder b, Table table, int drop) {
        Index pk = table.primaryKeyIndex();
        int dropField = field(table, drop);
        int width = pk.columns().size() - 1;
        int cursor = b.allocCursor();
        int rows = b.allocCursor();
        Collation[] collations = new Collation[width];
        boolean[] desc = new boolean[width];
        for (int i = 0; i < pk.keyCount(); i++) {
            collations[i] = Collation.builtin(pk.columns().get(i).collation());
            desc[i] = pk.columns().get(i).desc();
        }
        b.emit(Opcode.OpenEphemeral, rows, width, 0, new IndexKeyComparator(collations, desc), 0);
        open(b, Opcode.OpenWrite, cursor, table);
        int values = b.allocRegisters(width);
        int record = b.allocRegister();
        int gathered = b.newLabel();
        b.emit(Opcode.Rewind, cursor, gathered);
        int gather = b.currentAddress();
        for (int p = 0, out = 0; p < pk.columns().size(); p++) {
            if (p != dropField) {
                b.emit(Opcode.Column, cursor, p, values + out++,
                        ColumnDefaults.of(table.column(pk.columns().get(p).column())), 0);
            }
        }
        b.emit(Opcode.MakeRecord, values, width, record);
        b.emit(Opcode.IdxInsert, rows, record);
        b.emit(Opcode.Next, cursor, gather);
        b.resolve(gathered);
        b.emit(Opcode.Close, cursor, 0);
        b.emit(Opcode.Clear, table.rootPage(), 0, 0);
        open(b, Opcode.OpenWrite, cursor, table);
        int done = b.newLabel();
        b.emit(Opcode.Rewind, rows, done);
        int put = b.currentAddress();
        for (int i = 0; i < width; i++) {
            b.emit(Opcode.Column, rows, i, values + i);
        }
        b.emit(Opcode.MakeRecord, values, width, record);
        b.emit(Opcode.IdxInsert, cursor, record);
        b.emit(Opcode.Next, rows, put);
        b.resolve(done);
        b.emit(Opcode.Close, cursor, 0);
        b.emit(Opcode.Close, rows, 0);
    }

    /** The field of an entry of {@code index} holding the primary key column {@code c}. */
    private static int entryField(Index index, IndexColumn c) {
        for (int p = 0; p < index.columns().size(); p++) {
            IndexColumn e = index.columns().get(p);
            if (e.column() == c.column() && e.collation().equalsIgnoreCase(c.collation())) {
                return p;
            }
        }
        return position(index, c.column());
    }
}
