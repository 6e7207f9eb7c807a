package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.Tokens;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The RETURNING clause of INSERT, UPDATE and DELETE (lang_returning.html). As in SQLite, every
 * change is made before the first row is returned: each changed row's values are computed when
 * it is written (for DELETE, before it goes) and kept in a temporary index behind a sequence
 * number, and {@link #emitRows} returns them in that order once the statement's loop is done.
 * Column names are as SELECT's: the alias, else the expression's text, and a star's columns.
 * Not thread-safe; one per statement.
 */
final class ReturningCodegen {
    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final String name;
    /** The changed row's source, its values in the registers from the given one. */
    private final java.util.function.IntFunction<Scope.Source> rowSource;
    private final List<Expr> exprs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final int temp;
    private final int fields;
    private final int one;

    ReturningCodegen(ProgramBuilder b, SelectCodegen selects, Table table, List<Select.ResultColumn> columns) {
        // SQLite resolves RETURNING against the table's own name: an alias is not visible there.
        this(b, selects, table.name(), table.columns().stream().map(Column::name).toList(),
                row -> ConflictCodegen.rowSource(table, table.name(), row), columns);
    }

    /**
     * RETURNING of a change of {@code name} (a view's), whose rows have the columns {@code
     * columnNames} and are seen through {@code rowSource}.
     */
    ReturningCodegen(ProgramBuilder b, SelectCodegen selects, String name, List<String> columnNames,
                     java.util.function.IntFunction<Scope.Source> rowSource, List<Select.ResultColumn> columns) {
        this.b = b;
        this.selects = selects;
        this.name = name;
        this.rowSource = rowSource;
        Tokens tokens = Lexer.tokenize(selects.sql());
        for (Select.ResultColumn rc : columns) {
            switch (rc) {
                case Select.ExprColumn ec -> {
                    exprs.add(ec.expr());
                    names.add(ec.alias() != null ? ec.alias() : ColumnNames.span(tokens, selects.sql(), ec.expr()));
                }
                case Select.Star s -> star(columnNames);
                case Select.TableStar t -> throw ExprCodegen.error("RETURNING may not use \"TABLE.*\" wildcards");
            }
        }
        this.temp = b.allocCursor();
        this.fields = b.allocRegisters(exprs.size() + 1);
        this.one = b.allocRegister();
    }

    private void star(List<String> columnNames) {
        for (String c : columnNames) {
            exprs.add(new Expr.Column(Pos.NONE, null, name, c));
            names.add(c);
        }
    }

    List<String> names() {
        return names;
    }

    void open() {
        int n = exprs.size() + 1;
        b.emit(Opcode.OpenEphemeral, temp, n, 0, new IndexKeyComparator(new Collation[n], new boolean[n]), 0);
        b.emit(Opcode.Integer, 0, fields);
        b.emit(Opcode.Integer, 1, one);
    }

    /** Computes and keeps the returned values of the row at {@code row} (see ConflictCodegen's layout). */
    void row(int row) {
        ExprCodegen codegen = selects.exprs();
        Scope outer = codegen.scope();
        codegen.pushScope(new Scope(null, List.of(rowSource.apply(row))));
        b.emit(Opcode.Add, one, fields, fields);
        for (int i = 0; i < exprs.size(); i++) {
            codegen.code(exprs.get(i), fields + 1 + i);
        }
        codegen.popScope(outer);
        int record = b.allocRegister();
        b.emit(Opcode.MakeRecord, fields, exprs.size() + 1, record);
        b.emit(Opcode.IdxInsert, temp, record);
    }

    /** Returns the kept rows, in the order they were changed. */
    void emitRows() {
        int done = b.newLabel();
        b.emit(Opcode.Rewind, temp, done);
        int top = b.currentAddress();
        for (int i = 0; i < exprs.size(); i++) {
            b.emit(Opcode.Column, temp, i + 1, fields + 1 + i);
        }
        b.emit(Opcode.ResultRow, fields + 1, exprs.size());
        b.emit(Opcode.Next, temp, top);
        b.resolve(done);
    }
}
