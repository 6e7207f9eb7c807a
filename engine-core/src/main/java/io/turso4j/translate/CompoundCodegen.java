package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;

/**
 * The compound operators that remove duplicates — UNION, EXCEPT, INTERSECT — over temporary
 * indexes ({@link Opcode#OpenEphemeral}); UNION ALL needs none and is coded by
 * {@link SelectCodegen} itself. Not thread-safe; one per compound.
 */
final class CompoundCodegen {
    private final ProgramBuilder b;
    private final SelectCodegen selects;

    CompoundCodegen(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
    }

    /**
     * UNION, EXCEPT and INTERSECT through temporary indexes keyed on every column, as SQLite's
     * multiSelect does: UNION inserts both sides; EXCEPT inserts the left and deletes the
     * right; INTERSECT keeps the left rows found among the right ones. The result comes out in
     * the index's order.
     *
     * <p>Which of two equal rows survives follows what SQLite 3.54 was seen to do: a row
     * replaces an equal one already there, except among the rows of a left arm that is itself
     * a compound or a multi-row VALUES, where the first stays.
     */
    void distinct(Select.Compound c, int out, SelectCodegen.RowSink sink) {
        int columns = selects.columnCount(c);
        IndexKeyComparator key = compoundKey(c, columns);
        int set = b.allocCursor();
        b.emit(Opcode.OpenEphemeral, set, columns, 0, key, 0);
        selects.body(c.left(), out, inserter(set, c.left(), true));
        int result = set;
        switch (c.op()) {
            case UNION -> selects.body(c.right(), out, inserter(set, c.right(), false));
            case EXCEPT -> selects.body(c.right(), out, (first, count) -> b.emit(Opcode.IdxDelete, set, first, count));
            case INTERSECT -> {
                int right = b.allocCursor();
                b.emit(Opcode.OpenEphemeral, right, columns, 0, key, 0);
                selects.body(c.right(), out, inserter(right, c.right(), false));
                result = right;
            }
            case UNION_ALL -> throw new IllegalStateException("UNION ALL keeps duplicates");
        }
        int done = b.newLabel();
        b.emit(Opcode.Rewind, set, done);
        int loop = b.currentAddress();
        for (int i = 0; i < columns; i++) {
            b.emit(Opcode.Column, set, i, out + i);
        }
        int skip = b.newLabel();
        if (result != set) {
            b.emit(Opcode.NotFound, result, skip, out, columns, 0);
        }
        sink.row(out, columns);
        b.resolve(skip);
        b.emit(Opcode.Next, set, loop);
        b.resolve(done);
    }

    /** Inserts each row of {@code arm} into the temporary index {@code set} (see {@link #distinctCompound}). */
    private SelectCodegen.RowSink inserter(int set, Select.Body arm, boolean left) {
        boolean keepFirst = left && (arm instanceof Select.Compound || (arm instanceof Select.Values v && v.rows().size() > 1));
        int record = b.allocRegister();
        return (first, count) -> {
            int skip = b.newLabel();
            if (keepFirst) {
                b.emit(Opcode.Found, set, skip, first, count, 0);
            }
            b.emit(Opcode.MakeRecord, first, count, record);
            b.emit(Opcode.IdxInsert, set, record);
            b.resolve(skip);
        };
    }

    static boolean isLimitOne(Select.Limit limit) {
        return limit != null && limit.offset() == null && limit.limit() instanceof Expr.Literal l
                && l.kind() == Expr.LiteralKind.INTEGER && l.text().equals("1");
    }

    /**
     * A UNION under LIMIT 1, as SQLite 3.54 runs it: rows stream out in the order they are
     * made, each only the first time it is seen, so the LIMIT stops at the first.
     */
    void streamingUnion(Select.Compound c, int out, SelectCodegen.RowSink sink) {
        int columns = selects.columnCount(c);
        int seen = b.allocCursor();
        b.emit(Opcode.OpenEphemeral, seen, columns, 0, compoundKey(c, columns), 0);
        int record = b.allocRegister();
        SelectCodegen.RowSink once = (first, count) -> {
            int skip = b.newLabel();
            b.emit(Opcode.Found, seen, skip, first, count, 0);
            b.emit(Opcode.MakeRecord, first, count, record);
            b.emit(Opcode.IdxInsert, seen, record);
            sink.row(first, count);
            b.resolve(skip);
        };
        selects.body(c.left(), out, once);
        selects.body(c.right(), out, once);
    }

    /** Every column ascending, each under the leftmost explicit collation its arms give it. */
    static IndexKeyComparator compoundKey(Select.Body body, int columns) {
        Collation[] collations = new Collation[columns];
        for (int i = 0; i < columns; i++) {
            collations[i] = columnCollation(body, i);
        }
        return new IndexKeyComparator(collations, new boolean[columns]);
    }

    /** multiSelectCollSeq: the first arm, left to right, whose column {@code i} has a collation; else BINARY. */
    static Collation columnCollation(Select.Body body, int i) {
        Collation found = switch (body) {
            case Select.Compound c -> {
                Collation left = columnCollation(c.left(), i);
                yield left != BuiltinCollation.BINARY ? left : columnCollation(c.right(), i);
            }
            case Select.Core core -> i < core.columns().size()
                    && SelectCodegen.onlyExprColumns(core)
                    && core.columns().get(i) instanceof Select.ExprColumn ec ? ExprTyping.collation(ec.expr(), null) : null;
            case Select.Values v -> ExprTyping.collation(v.rows().getFirst().get(i), null);
        };
        return found != null ? found : BuiltinCollation.BINARY;
    }
}
