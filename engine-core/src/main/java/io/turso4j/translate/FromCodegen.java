package io.turso4j.translate;

import io.turso4j.schema.Column;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FROM clause of a SELECT whose sources are subqueries and common table expressions (no
 * table is stored yet): each source becomes a co-routine that yields its rows into a block of
 * registers, and the sources are joined by nested loops, as SQLite runs a subquery it does not
 * flatten:
 * <pre>
 *   InitCoroutine r, after, start     ; start: …subquery… Copy row → cols; Yield r …; EndCoroutine r
 *   after: …
 *   InitCoroutine r, 0, start          ; (re)start it for each row of the enclosing loop
 *   loop: Yield r, done                ; a row is in cols
 *     …inner loops, WHERE, output…
 *   Goto loop
 *   done:
 * </pre>
 * Inner, comma and cross joins are supported, their ON terms joining the WHERE clause, and LEFT
 * JOIN (see {@link #openLoops}). Not thread-safe; one per FROM clause.
 */
final class FromCodegen {
    /**
     * One source's co-routine; {@code leftOn} is non-null for the right side of a LEFT JOIN
     * (its ON terms, tested inside its loop), whose row is then all NULL when nothing matched.
     */
    private record Coroutine(int register, int start, int out, int width, List<Expr> leftOn) {
        Coroutine asLeftJoin(List<Expr> on) {
            return new Coroutine(register, start, out, width, on);
        }
    }

    /** The labels and registers of one open loop (see {@link #openLoops}, {@link #closeLoops}). */
    private record Loop(Coroutine source, int top, int done, int next, int matched, int nullPass, int body) {}

    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final List<Scope.Source> sources = new ArrayList<>();
    private final List<Coroutine> coroutines = new ArrayList<>();
    private final List<Expr> joinTerms = new ArrayList<>();
    private final List<Loop> open = new ArrayList<>();
    private List<Expr> where = List.of();

    FromCodegen(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
    }

    /**
     * Codes a co-routine per source of {@code from} and returns the scope naming their columns.
     * A lone subquery source takes the terms of {@code where} that {@link PushDown} pushes.
     */
    Scope bind(Select.From from, Map<String, Select.Cte> ctes, Scope parent, List<Expr> where) {
        this.where = from.joins().isEmpty() ? where : List.of();
        add(from.first(), ctes, parent);
        for (Select.Join join : from.joins()) {
            Select.JoinKind kind = join.op().kind();
            boolean left = kind == Select.JoinKind.LEFT;
            if (join.op().natural() || kind == Select.JoinKind.RIGHT || kind == Select.JoinKind.FULL) {
                throw ExprCodegen.error((join.op().natural() ? "NATURAL " : "") + kind + " JOIN is not supported yet");
            }
            int before = coroutines.size();
            add(join.table(), ctes, parent);
            if (left && coroutines.size() != before + 1) {
                throw ExprCodegen.error("LEFT JOIN of a parenthesized join is not supported yet");
            }
            List<Expr> on = switch (join.constraint()) {
                case null -> List.of();
                case Select.On o -> List.of(o.expr());
                case Select.Using using -> throw ExprCodegen.error("USING is not supported yet");
            };
            if (left) {
                coroutines.set(before, coroutines.get(before).asLeftJoin(on));
            } else {
                joinTerms.addAll(on);
            }
        }
        return new Scope(parent, sources);
    }

    /** The ON terms of the joins, to be ANDed into the WHERE clause. */
    List<Expr> joinTerms() {
        return joinTerms;
    }

    private void add(Select.TableRef ref, Map<String, Select.Cte> ctes, Scope parent) {
        switch (ref) {
            case Select.SubqueryTable s -> subquery(s.select(), s.alias() != null ? s.alias()
                    : "(subquery-" + (sources.size() + 1) + ")", null, parent, null);
            case Select.Table t -> {
                Scope.Source row = t.name().schema() == null ? selects.recursiveRow(t.name().name()) : null;
                if (row != null) {
                    // The recursive arm of a recursive CTE: its own name is the current row.
                    sources.add(new Scope.Source(t.alias() != null ? t.alias() : row.name(), row.columns(),
                            row.firstRegister(), row.affinities(), row.collations()));
                    coroutines.add(new Coroutine(-1, 0, row.firstRegister(), row.columns().size(), null));
                    return;
                }
                Select.Cte cte = t.name().schema() == null ? ctes.get(t.name().name().toLowerCase(java.util.Locale.ROOT)) : null;
                if (cte == null) {
                    table(t);
                    return;
                }
                String name = t.alias() != null ? t.alias() : cte.name();
                if (selects.isRecursive(cte) && RecursiveCte.refersTo(cte.select().body(), cte.name())) {
                    Scope saved = selects.exprs().scope();
                    selects.exprs().popScope(parent);
                    RecursiveCte.Coded coded = new RecursiveCte(b, selects).code(cte);
                    selects.exprs().popScope(saved);
                    sources.add(new Scope.Source(name, coded.columns(), coded.out(), coded.affinities(),
                            ExprTyping.columnCollations(cte.select(), coded.columns().size())));
                    coroutines.add(new Coroutine(coded.register(), coded.start(), coded.out(), coded.columns().size(), null));
                    return;
                }
                subquery(cte.select(), name, cte.columns(), parent, cte);
            }
            case Select.TableFunction f when PragmaFunctions.isTableFunction(f.name()) -> pragmaFunction(f);
            case Select.TableFunction f -> throw ExprCodegen.error("no such table: " + qualified(f.name()));
            case Select.Nested n when n.alias() == null -> {
                add(n.from().first(), ctes, parent);
                for (Select.Join join : n.from().joins()) {
                    add(join.table(), ctes, parent);
                    if (join.constraint() instanceof Select.On on) {
                        joinTerms.add(on.expr());
                    }
                }
            }
            case Select.Nested n -> throw ExprCodegen.error("an aliased parenthesized join is not supported yet");
        }
    }

    /**
     * A stored table: a co-routine that scans it, reading each row's columns into registers
     * (see {@link TableSource}), so the nested loops join it as they join any other source.
     */
    private void table(Select.Table t) {
        Table table = TableSource.lookup(selects.schema(), t.name());
        if (table == null && PragmaFunctions.isTableFunction(t.name())) {
            pragmaFunction(new Select.TableFunction(t.name(), List.of(), t.alias()));
            return;
        }
        if (table == null) {
            throw ExprCodegen.error("no such table: " + qualified(t.name()));
        }
        String name = t.alias() != null ? t.alias() : table.name();
        int width = table.columns().size();
        int register = b.allocRegister();
        int out = b.allocRegisters(Math.max(width, 1));
        int after = b.newLabel();
        int start = b.newLabel();
        b.emit(Opcode.InitCoroutine, register, after, start);
        b.resolve(start);
        int startAddress = b.currentAddress();
        TableSource.scan(b, table, out, () -> b.emit(Opcode.Yield, register, 0));
        b.emit(Opcode.EndCoroutine, register, 0);
        b.resolve(after);
        sources.add(new Scope.Source(name, table.columns().stream().map(Column::name).toList(), out,
                table.columns().stream().map(Column::affinity).toList(),
                table.columns().stream().map(Column::collation).toList()));
        coroutines.add(new Coroutine(register, startAddress, out, width, null));
    }

    /** A pragma table-valued function ({@code pragma_table_info('t')}): a co-routine yielding its rows. */
    private void pragmaFunction(Select.TableFunction f) {
        int register = b.allocRegister();
        PragmaFunctions.Coded coded = PragmaFunctions.code(b, selects.schema(), f, register);
        sources.add(new Scope.Source(f.alias() != null ? f.alias() : f.name().name(), coded.columns(), coded.out(),
                coded.affinities(), coded.collations()));
        coroutines.add(new Coroutine(register, coded.start(), coded.out(), coded.columns().size(), null));
    }

    /** A co-routine for {@code select}; {@code cte} (may be null) is hidden from its own body. */
    private void subquery(Select select, String name, List<String> declared, Scope parent, Select.Cte cte) {
        int width = selects.columnCount(select.body());
        boolean named = declared != null && !declared.isEmpty();
        if (named && declared.size() != width) {
            throw ExprCodegen.error("table " + name + " has " + width + " values for " + declared.size() + " columns");
        }
        if (!where.isEmpty()) {
            select = PushDown.into(select, name, named ? declared : ColumnNames.of(select, selects.sql(), selects), where,
                    selects.exprs().functions());
        }
        Select body = select;
        int register = b.allocRegister();
        int out = b.allocRegisters(width);
        int after = b.newLabel();
        int start = b.newLabel();
        b.emit(Opcode.InitCoroutine, register, after, start);
        b.resolve(start);
        int startAddress = b.currentAddress();
        Scope saved = selects.exprs().scope();
        selects.exprs().popScope(parent);
        Runnable code = () -> selects.select(body, (first, count) -> {
            b.emit(Opcode.Copy, first, out, count - 1);
            b.emit(Opcode.Yield, register, 0);
        });
        if (cte != null) {
            selects.withoutCte(cte, code);
        } else {
            code.run();
        }
        selects.exprs().popScope(saved);
        b.emit(Opcode.EndCoroutine, register, 0);
        b.resolve(after);
        // Named once compiled, when its own * and column references have been resolved.
        List<String> columns = named ? declared : ColumnNames.of(select, selects.sql(), selects);
        List<ExprTyping.ColumnType> types = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            types.add(ExprTyping.columnAffinity(select, i));
        }
        // Values pass through unchanged; the column's affinity governs comparisons, and a REAL
        // column turns integers into reals as they are read (see ExprCodegen.column).
        // (FLEXNUM compares as NUMERIC and converts nothing on reading.)
        sources.add(new Scope.Source(name, columns, out,
                types.stream().map(t -> t.flexible() ? Affinity.NUMERIC : t.affinity()).toList(),
                ExprTyping.columnCollations(select, width)));
        coroutines.add(new Coroutine(register, startAddress, out, width, null));
    }

    /**
     * Opens the nested loops, outermost source first; the innermost row is then in registers.
     * The right side of a LEFT JOIN tests its ON terms first and notes a match; when its loop
     * ends without one, {@link #closeLoops} runs the body once more with its row all NULL:
     * <pre>
     *   matched = 0; nullPass = 0; InitCoroutine …
     *   top: Yield r, done; ON terms → next; matched = 1
     *   body: …
     *   next: If nullPass → exit; Goto top
     *   done: If matched → exit; cols = NULL; nullPass = 1; Goto body
     *   exit:
     * </pre>
     */
    void openLoops() {
        ExprCodegen exprs = selects.exprs();
        for (Coroutine c : coroutines) {
            if (c.register() < 0) {
                // A single row already in registers: no loop.
                int next = b.newLabel();
                open.add(new Loop(c, -1, b.newLabel(), next, 0, 0, 0));
                continue;
            }
            boolean left = c.leftOn() != null;
            int matched = left ? b.allocRegister() : 0;
            int nullPass = left ? b.allocRegister() : 0;
            if (left) {
                b.emit(Opcode.Integer, 0, matched);
                b.emit(Opcode.Integer, 0, nullPass);
            }
            int done = b.newLabel();
            int next = b.newLabel();
            int body = b.newLabel();
            b.emit(Opcode.InitCoroutine, c.register(), 0, c.start());
            int top = b.emit(Opcode.Yield, c.register(), done);
            if (left) {
                for (Expr term : c.leftOn()) {
                    exprs.jumpIfNotTrue(term, next);
                }
                b.emit(Opcode.Integer, 1, matched);
            }
            b.resolve(body);
            open.add(new Loop(c, top, done, next, matched, nullPass, body));
        }
    }

    /**
     * Closes the loops {@link #openLoops} opened, innermost first; {@code next} (a label the
     * body jumps to for "this row is done") is bound to the innermost loop's step.
     */
    void closeLoops(int next) {
        b.resolve(next);
        for (int i = open.size() - 1; i >= 0; i--) {
            Loop loop = open.get(i);
            b.resolve(loop.next());
            if (loop.top() < 0) {
                b.resolve(loop.done());
                continue;
            }
            int exit = b.newLabel();
            if (loop.source().leftOn() != null) {
                b.emit(Opcode.If, loop.nullPass(), exit, 0);
            }
            b.emit(Opcode.Goto, 0, loop.top());
            b.resolve(loop.done());
            if (loop.source().leftOn() != null) {
                b.emit(Opcode.If, loop.matched(), exit, 0);
                b.emit(Opcode.Null, 0, loop.source().out(), loop.source().out() + Math.max(loop.source().width(), 1) - 1);
                b.emit(Opcode.Integer, 1, loop.nullPass());
                b.emit(Opcode.Goto, 0, loop.body());
            }
            b.resolve(exit);
        }
    }

    private static String qualified(Name name) {
        return name.schema() == null ? name.name() : name.schema() + "." + name.name();
    }
}
