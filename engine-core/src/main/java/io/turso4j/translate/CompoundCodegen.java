package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

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
     * a compound or a multi-row VALUES, where the first stays. (3.54 runs many compounds as a
     * merge of sorted arms: of equal rows the right arm's wins, and within an arm the first in
     * sorted order. The two agree unless one arm holds rows equal under the collation but
     * different, e.g. 'a' and 'A' under NOCASE.) The right arm of EXCEPT and INTERSECT runs
     * only when the left gave rows.
     */
    void distinct(Select.Compound c, int out, SelectCodegen.RowSink sink) {
        int columns = selects.columnCount(c);
        int set = b.allocCursor();
        int openSet = b.emit(Opcode.OpenEphemeral, set, columns, 0, null, 0);
        int openRight = -1;
        selects.body(c.left(), out, inserter(set, c.left(), true));
        int done = b.newLabel();
        if (c.op() == Select.CompoundOp.EXCEPT || c.op() == Select.CompoundOp.INTERSECT) {
            // Nothing can come out of an empty left: SQLite then never runs the right arm, so
            // the errors it could raise (abs(-9223372036854775808)) do not happen.
            b.emit(Opcode.Rewind, set, done);
        }
        int result = set;
        switch (c.op()) {
            case UNION -> selects.body(c.right(), out, inserter(set, c.right(), false));
            case EXCEPT -> selects.body(c.right(), out, (first, count) -> b.emit(Opcode.IdxDelete, set, first, count));
            case INTERSECT -> {
                int right = b.allocCursor();
                openRight = b.emit(Opcode.OpenEphemeral, right, columns, 0, null, 0);
                selects.body(c.right(), out, inserter(right, c.right(), false));
                result = right;
            }
            case UNION_ALL -> throw new IllegalStateException("UNION ALL keeps duplicates");
        }
        IndexKeyComparator key = compoundKey(c, columns, selects);
        b.changeP4(openSet, key);
        if (openRight >= 0) {
            b.changeP4(openRight, key);
        }
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

    /** The arms of a compound, leftmost first; a simple SELECT is its own one arm. */
    static List<Select.Body> arms(Select.Body body) {
        List<Select.Body> out = new ArrayList<>();
        addArms(body, out);
        return out;
    }

    private static void addArms(Select.Body body, List<Select.Body> out) {
        if (body instanceof Select.Compound c) {
            addArms(c.left(), out);
            addArms(c.right(), out);
        } else {
            out.add(body);
        }
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
        int open = b.emit(Opcode.OpenEphemeral, seen, columns, 0, null, 0);
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
        b.changeP4(open, compoundKey(c, columns, selects));
    }

    /** Every column ascending, each under the leftmost explicit collation its arms give it. */
    static IndexKeyComparator compoundKey(Select.Body body, int columns, SelectCodegen selects) {
        Collation[] collations = new Collation[columns];
        for (int i = 0; i < columns; i++) {
            collations[i] = columnCollation(body, i, selects);
        }
        return new IndexKeyComparator(collations, new boolean[columns]);
    }

    /**
     * multiSelectCollSeq: the first arm, left to right, whose column {@code i} has a collation
     * (a COLLATE, or the declared collation of the column it reads); else BINARY. A column's
     * declared collation is known once its arm has been compiled, so compound keys are set
     * after the arms are coded.
     */
    static Collation columnCollation(Select.Body body, int i, SelectCodegen selects) {
        Collation found = ownCollation(body, i, selects);
        return found != null ? found : BuiltinCollation.BINARY;
    }

    private static Collation ownCollation(Select.Body body, int i, SelectCodegen selects) {
        return switch (body) {
            case Select.Compound c -> {
                Collation left = ownCollation(c.left(), i, selects);
                yield left != null ? left : ownCollation(c.right(), i, selects);
            }
            case Select.Core core -> {
                List<String> compiled = selects.compiledCollations(core);
                if (compiled != null) {
                    yield i < compiled.size() && compiled.get(i) != null ? ExprTyping.named(compiled.get(i)) : null;
                }
                yield i < core.columns().size() && SelectCodegen.onlyExprColumns(core)
                        && core.columns().get(i) instanceof Select.ExprColumn ec ? ExprTyping.collation(ec.expr(), null) : null;
            }
            case Select.Values v -> ExprTyping.collation(v.rows().getFirst().get(i), null);
        };
    }
}
