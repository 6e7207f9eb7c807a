package io.turso4j.translate;

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
 * Inner, comma and cross joins are supported; their ON terms join the WHERE clause. Not
 * thread-safe; one per FROM clause.
 */
final class FromCodegen {
    private record Coroutine(int register, int start) {}

    private final ProgramBuilder b;
    private final SelectCodegen selects;
    private final List<Scope.Source> sources = new ArrayList<>();
    private final List<Coroutine> coroutines = new ArrayList<>();
    private final List<Expr> joinTerms = new ArrayList<>();
    private final List<int[]> open = new ArrayList<>();

    FromCodegen(ProgramBuilder b, SelectCodegen selects) {
        this.b = b;
        this.selects = selects;
    }

    /** Codes a co-routine per source of {@code from} and returns the scope naming their columns. */
    Scope bind(Select.From from, Map<String, Select.Cte> ctes, Scope parent) {
        add(from.first(), ctes, parent);
        for (Select.Join join : from.joins()) {
            if (join.op().natural() || !(join.op().kind() == Select.JoinKind.COMMA || join.op().kind() == Select.JoinKind.PLAIN
                    || join.op().kind() == Select.JoinKind.INNER || join.op().kind() == Select.JoinKind.CROSS)) {
                throw ExprCodegen.error((join.op().natural() ? "NATURAL " : "") + join.op().kind() + " JOIN is not supported yet");
            }
            add(join.table(), ctes, parent);
            switch (join.constraint()) {
                case null -> { }
                case Select.On on -> joinTerms.add(on.expr());
                case Select.Using using -> throw ExprCodegen.error("USING is not supported yet");
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
                Select.Cte cte = t.name().schema() == null ? ctes.get(t.name().name().toLowerCase(java.util.Locale.ROOT)) : null;
                if (cte == null) {
                    throw ExprCodegen.error("no such table: " + qualified(t.name()));
                }
                subquery(cte.select(), t.alias() != null ? t.alias() : cte.name(), cte.columns(), parent, cte);
            }
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

    /** A co-routine for {@code select}; {@code cte} (may be null) is hidden from its own body. */
    private void subquery(Select select, String name, List<String> declared, Scope parent, Select.Cte cte) {
        int width = selects.columnCount(select.body());
        boolean named = declared != null && !declared.isEmpty();
        if (named && declared.size() != width) {
            throw ExprCodegen.error("table " + name + " has " + width + " values for " + declared.size() + " columns");
        }
        int register = b.allocRegister();
        int out = b.allocRegisters(width);
        int after = b.newLabel();
        int start = b.newLabel();
        b.emit(Opcode.InitCoroutine, register, after, start);
        b.resolve(start);
        int startAddress = b.currentAddress();
        Scope saved = selects.exprs().scope();
        selects.exprs().popScope(parent);
        Runnable body = () -> selects.select(select, (first, count) -> {
            b.emit(Opcode.Copy, first, out, count - 1);
            b.emit(Opcode.Yield, register, 0);
        });
        if (cte != null) {
            selects.withoutCte(cte, body);
        } else {
            body.run();
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
                types.stream().map(t -> t.flexible() ? Affinity.NUMERIC : t.affinity()).toList()));
        coroutines.add(new Coroutine(register, startAddress));
    }

    /** Opens the nested loops, outermost source first; the innermost row is then in registers. */
    void openLoops() {
        for (Coroutine c : coroutines) {
            int done = b.newLabel();
            b.emit(Opcode.InitCoroutine, c.register(), 0, c.start());
            int loop = b.emit(Opcode.Yield, c.register(), done);
            open.add(new int[] {loop, done});
        }
    }

    /**
     * Closes the loops {@link #openLoops} opened, innermost first; {@code next} (a label the
     * body jumps to for "this row is done") is bound to the innermost loop's step.
     */
    void closeLoops(int next) {
        b.resolve(next);
        for (int i = open.size() - 1; i >= 0; i--) {
            b.emit(Opcode.Goto, 0, open.get(i)[0]);
            b.resolve(open.get(i)[1]);
        }
    }

    private static String qualified(Name name) {
        return name.schema() == null ? name.name() : name.schema() + "." + name.name();
    }
}
