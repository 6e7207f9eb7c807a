package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.List;
import java.util.function.Supplier;

/**
 * ORDER BY on VALUES and compound SELECTs: each term names a result column — by number, by
 * alias, or by being the same expression as a column of the leftmost SELECT — as SQLite's
 * {@code resolveCompoundOrderBy} requires. Rows go into a sorter as records of the sort key
 * followed by the result columns; after the last one they come back out in order, through
 * LIMIT/OFFSET, to the caller's sink:
 * <pre>
 *   SorterOpen s; …body: MakeRecord key+row → SorterInsert s…
 *   OpenPseudo p rec; SorterSort s end; loop: SorterData s rec; Column p …; row; SorterNext s loop
 * </pre>
 * Not thread-safe; one per ORDER BY.
 */
final class OrderBy {
    private final ProgramBuilder b;
    private final SelectCodegen selects;

    OrderBy(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
    }

    void code(Select select, int columns, Supplier<SelectCodegen.RowSink> limit, int end) {
        List<OrderingTerm> terms = select.orderBy();
        int keys = terms.size();
        int[] column = new int[keys];
        Collation[] collations = new Collation[keys];
        boolean[] descending = new boolean[keys];
        for (int k = 0; k < keys; k++) {
            OrderingTerm term = terms.get(k);
            if (term.nulls() != null) {
                throw ExprCodegen.error("NULLS FIRST/LAST is not supported yet");
            }
            column[k] = resolve(select.body(), term.expr(), k, columns);
            Collation explicit = ExprTyping.collation(term.expr());
            collations[k] = explicit != null ? explicit : SelectCodegen.columnCollation(select.body(), column[k]);
            descending[k] = term.order() == OrderingTerm.SortOrder.DESC;
        }
        int sorter = b.allocCursor();
        int pseudo = b.allocCursor();
        int record = b.allocRegister();
        b.emit(Opcode.SorterOpen, sorter, keys + columns, 0, new IndexKeyComparator(collations, descending), 0);
        int fields = b.allocRegisters(keys + columns);
        selects.body(select.body(), b.allocRegisters(columns), (first, count) -> {
            for (int k = 0; k < keys; k++) {
                b.emit(Opcode.SCopy, first + column[k], fields + k);
            }
            b.emit(Opcode.Copy, first, fields + keys, count - 1);
            b.emit(Opcode.MakeRecord, fields, keys + count, record);
            b.emit(Opcode.SorterInsert, sorter, record);
        });
        SelectCodegen.RowSink sink = limit.get();
        int out = b.allocRegisters(columns);
        b.emit(Opcode.OpenPseudo, pseudo, record, keys + columns);
        b.emit(Opcode.SorterSort, sorter, end);
        int loop = b.currentAddress();
        b.emit(Opcode.SorterData, sorter, record, pseudo);
        for (int i = 0; i < columns; i++) {
            b.emit(Opcode.Column, pseudo, keys + i, out + i);
        }
        sink.row(out, columns);
        b.emit(Opcode.SorterNext, sorter, loop);
    }

    /** The 0-based result column term {@code k} names. */
    private static int resolve(Select.Body body, Expr term, int k, int columns) {
        Expr bare = term instanceof Expr.Collate c ? c.expr() : term;
        Integer n = number(bare);
        if (n != null) {
            if (n < 1 || n > columns) {
                throw outOfRange(k, columns);
            }
            return n - 1;
        }
        while (body instanceof Select.Compound c) {
            body = c.left();
        }
        if (body instanceof Select.Core core) {
            for (int i = 0; i < core.columns().size(); i++) {
                if (core.columns().get(i) instanceof Select.ExprColumn ec
                        && ((ec.alias() != null && bare instanceof Expr.Column col && col.table() == null
                                && col.column().equalsIgnoreCase(ec.alias()))
                            || ec.expr().equals(bare))) {
                    return i;
                }
            }
        }
        throw ExprCodegen.error(ordinal(k + 1) + " ORDER BY term does not match any column in the result set");
    }

    /** Fails like SQLite when a numbered term is out of range (a one-row SELECT needs no sorting). */
    static void checkNumbers(List<OrderingTerm> terms, int columns) {
        for (int k = 0; k < terms.size(); k++) {
            Integer n = number(terms.get(k).expr());
            if (n != null && (n < 1 || n > columns)) {
                throw outOfRange(k, columns);
            }
        }
    }

    private static Integer number(Expr e) {
        if (e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            try {
                return Integer.parseInt(l.text());
            } catch (NumberFormatException e2) {
                return 0;
            }
        }
        return null;
    }

    private static RuntimeException outOfRange(int k, int columns) {
        return ExprCodegen.error(ordinal(k + 1) + " ORDER BY term out of range - should be between 1 and " + columns);
    }

    private static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
