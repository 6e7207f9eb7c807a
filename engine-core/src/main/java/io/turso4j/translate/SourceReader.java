package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Table;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * Where the current row of one FROM source is read from while code is generated for its loop:
 * its block of registers (a co-routine's output, or a row copied out by GROUP BY), the table's
 * own cursor ({@code Column}, {@code Rowid}), or an index cursor that holds every column the
 * query reads (a covering index or an automatic index; {@code Column} of the entry's field).
 *
 * <p>Column {@code i} of a stored table is its declared column {@code i}; column
 * {@code columns().size()} is the rowid. The INTEGER PRIMARY KEY column reads the rowid (its
 * record field is NULL); a VIRTUAL generated column is computed from the others, and the
 * record holds only the non-VIRTUAL ones ({@link GeneratedColumns}).
 *
 * <p>Mutable, on purpose: the planner points it at a cursor after the scope is built (the
 * WHERE clause is resolved against the scope before the plan exists), and GROUP BY turns it back
 * to registers once the rows are copied out. Only code generated after a change sees it. One per
 * source; one compilation thread.
 */
final class SourceReader {
    /**
     * INDEX_FIRST: the index entry's fields where it has them, else the table's deferred-seek
     * cursor; FUNCTION: a table-valued function's cursor.
     */
    private enum Mode { REGISTERS, TABLE, INDEX, INDEX_FIRST, FUNCTION }

    private final Table table;
    /** A table-valued function's cursor, read with VColumn; null for another source. */
    private final FunctionSources.Call function;
    private final int firstRegister;
    private Mode mode;
    private int tableCursor = -1;
    private int indexCursor = -1;
    /** Per readable column: its field in the index entry, or -1 when the index lacks it. */
    private int[] indexFields;

    /** @param table the stored table, or null for a source that is a co-routine */
    SourceReader(Table table, int firstRegister) {
        this(table, firstRegister, null);
    }

    private SourceReader(Table table, int firstRegister, FunctionSources.Call function) {
        this.table = table;
        this.firstRegister = firstRegister;
        this.function = function;
        this.mode = function != null ? Mode.FUNCTION : Mode.REGISTERS;
    }

    /** A table-valued function's source: read from its cursor until {@link #useRegisters}. */
    static SourceReader of(FunctionSources.Call function, int firstRegister) {
        return new SourceReader(null, firstRegister, function);
    }

    FunctionSources.Call function() {
        return function;
    }

    Table table() {
        return table;
    }

    boolean fromCursor() {
        return mode != Mode.REGISTERS;
    }

    int tableCursor() {
        return tableCursor;
    }

    int indexCursor() {
        return indexCursor;
    }

    /** Reads from the table's cursor. */
    void useTable(int cursor) {
        mode = Mode.TABLE;
        tableCursor = cursor;
        indexCursor = -1;
    }

    /** Reads from an index cursor: column {@code i} is field {@code fields[i]} of its entry. */
    void useIndex(int cursor, int[] fields) {
        mode = Mode.INDEX;
        indexCursor = cursor;
        indexFields = fields.clone();
    }

    /**
     * Reads from index cursor {@code index} the columns its entry holds ({@code fields} as in
     * {@link #useIndex}) and the rest from {@code table}, which a DeferredSeek positions only
     * when such a column is read.
     */
    void useIndexFirst(int index, int[] fields, int table) {
        useIndex(index, fields);
        mode = Mode.INDEX_FIRST;
        tableCursor = table;
    }

    /** Reads from the block of registers (after {@link #copyToRegisters}, or a co-routine's own). */
    void useRegisters() {
        mode = Mode.REGISTERS;
    }

    /** Whether column {@code i} can be read where the row is now. */
    boolean canRead(int i) {
        return mode != Mode.INDEX || indexFields[i] >= 0;
    }

    /**
     * Whether column {@code i} is read from an index entry whose table row a DeferredSeek has
     * not yet positioned (so it can be tested before the table is read).
     */
    boolean readBeforeSeek(int i) {
        return mode == Mode.INDEX_FIRST && indexFields[i] >= 0;
    }

    /** Codes a read of column {@code i} into {@code target}. */
    void read(ProgramBuilder b, int i, int target) {
        switch (mode) {
            case REGISTERS -> b.emit(Opcode.SCopy, firstRegister + i, target);
            case INDEX_FIRST -> {
                if (indexFields[i] >= 0) {
                    b.emit(Opcode.Column, indexCursor, indexFields[i], target);
                } else {
                    readTable(b, i, target);
                }
            }
            case FUNCTION -> b.emit(Opcode.VColumn, function.cursor(), i, target);
            case INDEX -> {
                if (indexFields[i] < 0) {
                    throw new IllegalStateException("column " + i + " is not in the index");
                }
                b.emit(Opcode.Column, indexCursor, indexFields[i], target);
            }
            case TABLE -> readTable(b, i, target);
        }
    }

    private void readTable(ProgramBuilder b, int i, int target) {
        if (i == table.columns().size() || i == table.rowidAlias()) {
            b.emit(Opcode.Rowid, tableCursor, target);
        } else if (table.column(i).generated() == Column.Generated.VIRTUAL) {
            GeneratedColumns.readVirtual(b, table, tableCursor, i, target);
        } else if (!table.hasRowid()) {
            b.emit(Opcode.Column, tableCursor, WithoutRowidTables.field(table, i), target,
                    ColumnDefaults.of(table.columns().get(i)), 0);
        } else {
            b.emit(Opcode.Column, tableCursor, GeneratedColumns.field(table, i), target,
                    ColumnDefaults.of(table.columns().get(i)), 0);
        }
    }

    /** Codes the copy of every readable column into the block of registers, {@code width} columns. */
    void copyToRegisters(ProgramBuilder b, int width) {
        if (!fromCursor()) {
            return;
        }
        for (int i = 0; i < width; i++) {
            if (canRead(i)) {
                read(b, i, firstRegister + i);
            }
        }
    }

    /** Codes "the row is all NULL" (the unmatched row of a LEFT JOIN), {@code width} columns. */
    void nullRow(ProgramBuilder b, int width) {
        if (tableCursor >= 0) {
            b.emit(Opcode.NullRow, tableCursor, 0);
        }
        if (indexCursor >= 0) {
            b.emit(Opcode.NullRow, indexCursor, 0);
        }
        b.emit(Opcode.Null, 0, firstRegister, firstRegister + Math.max(width, 1) - 1);
    }
}
