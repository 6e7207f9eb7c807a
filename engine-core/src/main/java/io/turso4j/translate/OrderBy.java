package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * ORDER BY on VALUES and compound SELECTs: each term names a result column — by number, by
 * alias, or by being the same expression as a column of the leftmost SELECT — as SQLite's
 * {@code resolveCompoundOrderBy} requires. Rows go into a sorter as records of the sort key
 * followed by the result columns; after the last one they come back out in order, through
 * LIMIT/OFFSET, to the caller's sink. NULLS FIRST/LAST against the direction's default adds an
 * "is NULL" flag to the key just before the term's column:
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

    /**
     * Whether a sort key for {@code term} needs an "is NULL" flag before the term: when it asks
     * for NULLs where its direction would not put them (NULLs sort first, ascending).
     */
    static boolean needsNullFlag(OrderingTerm term) {
        boolean desc = term.order() == OrderingTerm.SortOrder.DESC;
        boolean nullsFirst = term.nulls() == null ? !desc : term.nulls() == OrderingTerm.NullsOrder.FIRST;
        return nullsFirst == desc;
    }

    /** Codes the "is NULL" flag of {@link #needsNullFlag}: register {@code flag} = 1 when {@code value} is NULL, else 0. */
    static void codeNullFlag(ProgramBuilder b, int value, int flag) {
        int notNull = b.newLabel();
        b.emit(Opcode.Integer, 0, flag);
        b.emit(Opcode.NotNull, value, notNull);
        b.emit(Opcode.Integer, 1, flag);
        b.resolve(notNull);
    }

    void code(Select select, int columns, Supplier<SelectCodegen.RowSink> limit, int end) {
        List<OrderingTerm> terms = select.orderBy();
        // Key fields: each term's column, preceded by an "is NULL" flag when the term asks for
        // NULLs where the sort direction would not put them (NULLs sort first, ascending).
        List<Integer> column = new ArrayList<>();
        List<Boolean> nullFlag = new ArrayList<>();
        List<OrderingTerm> keyTerms = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        List<Expr> extras = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            OrderingTerm term = terms.get(k);
            int c = resolve(select.body(), term.expr(), k, columns);
            if (c < 0) {
                // A core with FROM may sort by any expression: it becomes a hidden column.
                c = columns + extras.size();
                extras.add(term.expr());
            }
            boolean desc = term.order() == OrderingTerm.SortOrder.DESC;
            if (needsNullFlag(term)) {
                column.add(c);
                nullFlag.add(true);
                keyTerms.add(null);
                descending.add(desc);
            }
            column.add(c);
            nullFlag.add(false);
            keyTerms.add(term);
            descending.add(desc);
        }
        int keys = column.size();
        boolean[] desc = new boolean[keys];
        for (int k = 0; k < keys; k++) {
            desc[k] = descending.get(k);
        }
        SelectCodegen.OrderRequest request = null;
        SelectCodegen.RowSink early = null;
        if (select.body() instanceof Select.Core core && core.from() != null && !core.distinct()) {
            int[] resultColumns = new int[terms.size()];
            for (int k = 0, key = 0; k < terms.size(); k++, key++) {
                if (nullFlag.get(key)) {
                    key++;
                }
                resultColumns[k] = column.get(key) < columns ? column.get(key) : -1;
            }
            request = new SelectCodegen.OrderRequest(core, terms, resultColumns);
            selects.requestOrder(request);
            // The loops may yield the order themselves: rows then go straight out, so LIMIT
            // and OFFSET must be set up before the loops.
            early = limit.get();
        }
        if (early == null) {
            // As SQLite's computeLimitRegisters, before any row: LIMIT 0 (or a LIMIT that is
            // not an integer) ends the statement before the rows are computed.
            early = limit.get();
        }
        SelectCodegen.OrderRequest ordered = request;
        SelectCodegen.RowSink direct = early;
        int sorter = b.allocCursor();
        int pseudo = b.allocCursor();
        int record = b.allocRegister();
        // The key's collations depend on the names the body resolves, so P4 is set once the
        // body's first row is coded (the scope is then in force).
        int open = b.emit(Opcode.SorterOpen, sorter, keys + columns, 0, null, 0);
        int fields = b.allocRegisters(keys + columns);
        boolean[] keyed = {false};
        SelectCodegen.RowSink insert = new SelectCodegen.RowSink() {
            @Override
            public void beforeColumns() {
                // Straight out in order: OFFSET may skip the row before it is computed.
                if (ordered != null && ordered.satisfied) {
                    direct.beforeColumns();
                }
            }

            @Override
            public void row(int first, int count) {
                if (ordered != null && ordered.satisfied) {
                    direct.row(first, columns);
                    return;
                }
                if (!keyed[0]) {
                    b.changeP4(open, key(select.body(), keyTerms, column, desc, columns));
                    keyed[0] = true;
                }
                for (int k = 0; k < keys; k++) {
                    int source = first + column.get(k);
                    if (nullFlag.get(k)) {
                        codeNullFlag(b, source, fields + k);
                    } else {
                        b.emit(Opcode.SCopy, source, fields + k);
                    }
                }
                b.emit(Opcode.Copy, first, fields + keys, columns - 1);
                b.emit(Opcode.MakeRecord, fields, keys + columns, record);
                b.emit(Opcode.SorterInsert, sorter, record);
            }
        };
        if (select.body() instanceof Select.Core core) {
            selects.core(core, b.allocRegisters(columns + extras.size()), insert, extras);
            if (request != null && request.satisfied) {
                return;
            }
            selects.plan().explain("USE TEMP B-TREE FOR ORDER BY");
        } else {
            selects.body(select.body(), b.allocRegisters(columns), insert);
            // A compound's key may take a collation from any arm: known once all are compiled.
            b.changeP4(open, key(select.body(), keyTerms, column, desc, columns));
            keyed[0] = true;
        }
        if (!keyed[0]) {
            b.changeP4(open, new IndexKeyComparator(new Collation[keys], desc));
        }
        SelectCodegen.RowSink sink = early;
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

    /** The sorter's comparator: per key field its term's collation (none for an "is NULL" flag). */
    private IndexKeyComparator key(Select.Body body, List<OrderingTerm> keyTerms, List<Integer> column, boolean[] desc,
                                   int columns) {
        Collation[] collations = new Collation[desc.length];
        for (int k = 0; k < desc.length; k++) {
            collations[k] = keyTerms.get(k) == null ? null : collation(body, keyTerms.get(k), column.get(k), columns);
        }
        return new IndexKeyComparator(collations, desc);
    }

    /**
     * The collation of an ORDER BY term that sorts on column {@code c}: its own (a COLLATE, or
     * the column it names), else that of the result column it stands for, else BINARY.
     */
    private Collation collation(Select.Body body, OrderingTerm term, int c, int columns) {
        Scope scope = selects.exprs().scope();
        // An alias names no table column: only an explicit COLLATE is the term's own then.
        Expr bare = term.expr() instanceof Expr.Collate collate ? collate.expr() : term.expr();
        boolean alias = body instanceof Select.Core core && aliasIndex(core, bare) == c;
        Collation own = ExprTyping.collation(term.expr(), alias ? null : scope);
        if (own != null || c >= columns) {
            return own != null ? own : BuiltinCollation.BINARY;
        }
        if (body instanceof Select.Core core && core.columns().stream().allMatch(rc -> rc instanceof Select.ExprColumn)) {
            Collation result = ExprTyping.collation(((Select.ExprColumn) core.columns().get(c)).expr(), scope);
            return result != null ? result : BuiltinCollation.BINARY;
        }
        return CompoundCodegen.columnCollation(body, c, selects);
    }

    /** The 0-based result column term {@code k} names; -1 when a core's term names none. */
    static int resolve(Select.Body body, Expr term, int k, int columns) {
        Expr bare = term instanceof Expr.Collate c ? c.expr() : term;
        Integer n = number(bare);
        if (n != null) {
            if (n < 1 || n > columns) {
                throw outOfRange(k, columns);
            }
            return n - 1;
        }
        // As SQLite's resolveCompoundOrderBy: the arms are tried from the leftmost on; in each,
        // a bare name is first looked up among the aliases (resolveAsName), then the term among
        // the expressions.
        for (Select.Body arm : CompoundCodegen.arms(body)) {
            if (arm instanceof Select.Core core) {
                int named = aliasIndex(core, bare);
                if (named >= 0) {
                    return named;
                }
                for (int i = 0; i < core.columns().size(); i++) {
                    if (core.columns().get(i) instanceof Select.ExprColumn ec && ec.expr().equals(bare)) {
                        return i;
                    }
                }
            }
        }
        if (body instanceof Select.Core) {
            return -1;
        }
        throw ExprCodegen.error(ordinal(k + 1) + " ORDER BY term does not match any column in the result set");
    }

    /** The result column whose alias the bare name {@code term} is, or -1. */
    private static int aliasIndex(Select.Core core, Expr term) {
        if (term instanceof Expr.Column col && col.table() == null) {
            for (int i = 0; i < core.columns().size(); i++) {
                if (core.columns().get(i) instanceof Select.ExprColumn ec && ec.alias() != null
                        && col.column().equalsIgnoreCase(ec.alias())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The checks of an ORDER BY that is not coded because its SELECT has one row (no FROM):
     * numbered terms in range, names that resolve ({@code outer}: the enclosing query's scope).
     */
    static void checkUnsorted(Select select, int columns, Scope outer) {
        checkNumbers(select.orderBy(), columns);
        if (select.body() instanceof Select.Core core) {
            checkNames(select.orderBy(), core, outer);
        }
    }

    /** Fails like SQLite when a numbered term is out of range. */
    private static void checkNumbers(List<OrderingTerm> terms, int columns) {
        for (int k = 0; k < terms.size(); k++) {
            Integer n = number(terms.get(k).expr());
            if (n != null && (n < 1 || n > columns)) {
                throw outOfRange(k, columns);
            }
        }
    }

    /**
     * For a SELECT without FROM, whose one row is not sorted: fails as SQLite does on a column
     * name in {@code terms} that is neither one of the result's aliases nor a column of an
     * enclosing query ({@code outer}, may be null); subqueries resolve their own.
     */
    private static void checkNames(List<OrderingTerm> terms, Select.Core core, Scope outer) {
        for (OrderingTerm term : terms) {
            checkNames(term.expr(), core, outer);
        }
    }

    private static void checkNames(Expr e, Select.Core core, Scope outer) {
        if (e instanceof Expr.Column c) {
            boolean alias = c.table() == null && core.columns().stream().anyMatch(
                    r -> r instanceof Select.ExprColumn x && x.alias() != null && x.alias().equalsIgnoreCase(c.column()));
            boolean literal = c.table() == null && (c.column().equalsIgnoreCase("true") || c.column().equalsIgnoreCase("false"));
            if (!alias && !literal && (outer == null || outer.find(c) == null)) {
                throw ExprCodegen.error("no such column: " + Scope.describe(c), c.pos());
            }
            return;
        }
        for (Expr child : ExprTyping.children(e)) {
            checkNames(child, core, outer);
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

    static String ordinal(int n) {
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
