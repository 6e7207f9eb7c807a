package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.schema.Column;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.translate.schema.ExprScan;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated columns (gencol.html) as SQLite stores and computes them. A VIRTUAL column has no
 * field in the table's record: the record holds the other columns in declared order, so column
 * {@code i} is field {@link #field} — the number of non-VIRTUAL columns before it. A STORED
 * column is computed when a row is written and stored like any other; a VIRTUAL one is computed
 * where it is read, from the row's other columns. Each computed value takes its column's
 * affinity; the inputs take theirs first, as in sqlite3ComputeGeneratedColumns.
 *
 * <p>The expressions are compiled with their own expression compiler whose only names are the
 * table's columns (generated columns may not use subqueries, parameters or the rowid, which
 * CREATE TABLE already refused). Stateless; one compilation thread.
 */
final class GeneratedColumns {
    private GeneratedColumns() {
    }

    /** The record field that holds column {@code i} of {@code table} (not a VIRTUAL column). */
    static int field(Table table, int i) {
        int f = 0;
        for (int c = 0; c < i; c++) {
            if (table.column(c).generated() != Column.Generated.VIRTUAL) {
                f++;
            }
        }
        return f;
    }

    static boolean hasVirtual(Table table) {
        return table.columns().stream().anyMatch(c -> c.generated() == Column.Generated.VIRTUAL);
    }

    static boolean hasGenerated(Table table) {
        return table.columns().stream().anyMatch(Column::isGenerated);
    }

    /**
     * Computes every generated column of the row at {@code row} (column {@code i} in
     * {@code row + i}) from its other columns, after giving those their affinity: what a write
     * does before its constraint checks.
     */
    static void computeAll(ProgramBuilder b, Table table, int row) {
        if (!hasGenerated(table)) {
            return;
        }
        for (int i = 0; i < table.columns().size(); i++) {
            if (!table.column(i).isGenerated()) {
                applyAffinity(b, table.column(i), row + i);
            }
        }
        compute(b, table, row, false);
    }

    /** Computes the VIRTUAL columns of the row at {@code row}, whose stored columns were read. */
    static void computeVirtual(ProgramBuilder b, Table table, int row) {
        if (hasVirtual(table)) {
            compute(b, table, row, true);
        }
    }

    /**
     * Codes column {@code i} (VIRTUAL) of the row under {@code cursor} into {@code target},
     * reading its inputs from the cursor.
     */
    static void readVirtual(ProgramBuilder b, Table table, int cursor, int i, int target) {
        SourceReader reader = new SourceReader(table, -1);
        reader.useTable(cursor);
        ExprCodegen exprs = exprs(b, table, -1, reader);
        exprs.code(expression(table.column(i)), target);
        applyAffinity(b, table.column(i), target);
    }

    /**
     * The registers that hold the record of the row at {@code row}: {@code row} itself when
     * every column is stored, else a copy of the stored columns into a new block.
     */
    static int recordFields(ProgramBuilder b, Table table, int row) {
        if (!hasVirtual(table)) {
            return row;
        }
        int n = table.columns().size();
        int block = b.allocRegisters(recordWidth(table));
        for (int i = 0; i < n; i++) {
            if (table.column(i).generated() != Column.Generated.VIRTUAL) {
                b.emit(Opcode.SCopy, row + i, block + field(table, i));
            }
        }
        return block;
    }

    /** The number of fields in the table's record: its non-VIRTUAL columns. */
    static int recordWidth(Table table) {
        return field(table, table.columns().size());
    }

    /** Computes the generated (only VIRTUAL ones when {@code virtualOnly}) columns, inputs first. */
    private static void compute(ProgramBuilder b, Table table, int row, boolean virtualOnly) {
        ExprCodegen exprs = exprs(b, table, row, null);
        boolean[] done = new boolean[table.columns().size()];
        for (int i = 0; i < done.length; i++) {
            Column.Generated g = table.column(i).generated();
            done[i] = g == Column.Generated.NONE || (virtualOnly && g == Column.Generated.STORED);
        }
        for (int i = 0; i < done.length; i++) {
            computeInOrder(b, table, row, exprs, done, i);
        }
    }

    /** Computes column {@code i} after the generated columns it reads (CREATE TABLE refused loops). */
    private static void computeInOrder(ProgramBuilder b, Table table, int row, ExprCodegen exprs, boolean[] done,
                                       int i) {
        if (done[i]) {
            return;
        }
        done[i] = true;
        Expr e = expression(table.column(i));
        for (int input : inputs(table, e)) {
            computeInOrder(b, table, row, exprs, done, input);
        }
        exprs.code(e, row + i);
        applyAffinity(b, table.column(i), row + i);
    }

    private static List<Integer> inputs(Table table, Expr e) {
        List<Integer> inputs = new ArrayList<>();
        ExprScan.forEach(e, node -> {
            if (node instanceof Expr.Column ref) {
                int at = table.columnIndex(ref.column());
                if (at >= 0) {
                    inputs.add(at);
                }
            }
        });
        return inputs;
    }

    private static Expr expression(Column column) {
        return IndexKeys.parse(column.generatedSql());
    }

    private static void applyAffinity(ProgramBuilder b, Column column, int register) {
        if (column.affinity() != Affinity.BLOB) {
            b.emit(Opcode.Affinity, register, 1, 0, String.valueOf((char) AffinityCode.of(column.affinity())), 0);
        }
    }

    /** An expression compiler whose only names are the table's columns, in {@code row…} or under {@code reader}. */
    private static ExprCodegen exprs(ProgramBuilder b, Table table, int row, SourceReader reader) {
        SelectCodegen selects = new SelectCodegen(b, FunctionRegistry.builtins(), "", Schema.empty(0));
        Scope.Source source = new Scope.Source(table.name(),
                table.columns().stream().map(Column::name).toList(), row,
                table.columns().stream().map(Column::affinity).toList(),
                table.columns().stream().map(Column::collation).toList(), reader);
        selects.exprs().pushScope(new Scope(null, List.of(source)));
        return selects.exprs();
    }
}
