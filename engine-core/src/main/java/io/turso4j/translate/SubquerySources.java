package io.turso4j.translate;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sources of one FROM clause that are co-routines: a subquery, a reference to a common table
 * expression (recursive or not), and an outer join's parenthesized right side. Each yields its
 * rows into a block of registers, as SQLite runs a subquery it does not flatten:
 * <pre>
 *   InitCoroutine r, after, start     ; start: …subquery… Copy row → cols; Yield r …; EndCoroutine r
 *   after: …
 * </pre>
 * A lone subquery source takes the WHERE terms {@link PushDown} pushes into it, and leaves
 * uncomputed the columns the SELECT around it never mentions ({@link UnusedColumns}) until a
 * read found while compiling asks for one. This is the part of binding a FROM clause that only
 * subqueries need, apart from {@link FromCodegen}, which binds every kind of source and plans and
 * codes the loops that join them. Not thread-safe; one per FROM clause, made by it at its first
 * co-routine source.
 */
final class SubquerySources {
    /**
     * A coded co-routine source: its co-routine's register and first address, and a guess at how
     * many rows it yields.
     */
    record Coded(Scope.Source source, int register, int start, double rows) {}

    private final ProgramBuilder b;
    private final SelectCodegen selects;
    /** The WHERE terms a lone subquery source may take ({@link PushDown}); empty for a join. */
    private final List<Expr> where;
    /**
     * The SELECT this FROM belongs to and the ORDER BY terms sorted with it, whose column names
     * {@link #mentioned} finds; null when unknown, and then subqueries compute all their columns.
     */
    private final Select.Core readBy;
    private final List<Expr> readByExtras;
    /** What {@link #mentioned} found, once {@link #mentionedFound}. */
    private java.util.Set<String> mentioned;
    private boolean mentionedFound;
    /** Per subquery source, the jumps around the columns it leaves uncomputed: {column, address}. */
    private final Map<Scope.Source, List<int[]>> uncomputed = new java.util.IdentityHashMap<>();

    SubquerySources(ProgramBuilder b, SelectCodegen selects, List<Expr> where, Select.Core readBy,
                    List<Expr> readByExtras) {
        this.b = b;
        this.selects = selects;
        this.where = where;
        this.readBy = readBy;
        this.readByExtras = readByExtras;
    }

    /**
     * Has {@code scope} (the FROM clause's, naming the sources coded here) compute the columns
     * left uncomputed that it finds read.
     */
    void computeWhenRead(Scope scope) {
        if (!uncomputed.isEmpty()) {
            // The syntax said which columns are never read; a read found while compiling (one
            // the enclosing statement codes outside this SELECT's syntax) computes the column.
            scope.onRead(r -> {
                List<int[]> jumps = uncomputed.get(r.source());
                if (jumps != null) {
                    jumps.stream().filter(j -> j[0] == r.index()).forEach(j -> b.changeOpcode(j[1], Opcode.Noop));
                }
            });
        }
    }

    /**
     * The column names {@link FromCodegen#readBy} mentions ({@link UnusedColumns#mentioned}),
     * found when a subquery source first asks (a FROM of stored tables never does); null when
     * unknown or when it reads every column.
     */
    private java.util.Set<String> mentioned() {
        if (!mentionedFound) {
            mentioned = readBy == null ? null : UnusedColumns.mentioned(readBy, readByExtras);
            mentionedFound = true;
        }
        return mentioned;
    }

    /** A co-routine for {@code select}; {@code cte} (may be null) is hidden from its own body. */
    Coded code(Select select, String name, List<String> declared, Scope parent, Select.Cte cte) {
        int width = selects.columnCount(select.body());
        boolean named = declared != null && !declared.isEmpty();
        if (named && declared.size() != width) {
            throw ExprCodegen.error("table " + name + " has " + width + " values for " + declared.size() + " columns");
        }
        if (!where.isEmpty()) {
            List<String> names = named ? declared
                    : ColumnNames.distinct(ColumnNames.of(select, selects.sql(), selects));
            select = PushDown.into(select, name, names, where, selects.exprs().functions());
        }
        Select body = select;
        java.util.Set<String> mentioned = mentioned();
        java.util.BitSet unused = mentioned == null ? null : UnusedColumns.unused(body, name, named ? declared
                : UnusedColumns.names(body, selects), mentioned, cte, selects.exprs());
        List<Select.Body> arms = unused == null ? List.of() : CompoundCodegen.arms(body.body());
        arms.forEach(arm -> selects.leaveUncomputed(arm, unused));
        int register = b.allocRegister();
        // Allocated at the first row the body yields: then its width is known for sure.
        int[] block = {-1, width};
        int after = b.newLabel();
        int start = b.newLabel();
        b.emit(Opcode.InitCoroutine, register, after, start);
        b.resolve(start);
        int startAddress = b.currentAddress();
        Scope saved = selects.exprs().scope();
        selects.exprs().popScope(parent);
        Runnable code = () -> selects.select(body, (first, count) -> {
            if (block[0] < 0) {
                block[0] = b.allocRegisters(count);
                block[1] = count;
            }
            b.emit(Opcode.Copy, first, block[0], count - 1);
            b.emit(Opcode.Yield, register, 0);
        });
        int resolvedAbove = Scope.resolvedUpward(parent);
        int mark = selects.uncomputedMark();
        try {
            if (cte != null) {
                selects.ctes().building(cte, "circular reference: ", code);
            } else {
                code.run();
            }
        } finally {
            arms.forEach(arm -> selects.leaveUncomputed(arm, null));
        }
        List<int[]> jumps = selects.uncomputedSince(mark);
        if (Scope.resolvedUpward(parent) != resolvedAbove) {
            // Correlated: SQLite computes every column of such a subquery.
            jumps.forEach(jump -> b.changeOpcode(jump[1], Opcode.Noop));
            jumps = List.of();
        }
        selects.exprs().popScope(saved);
        b.emit(Opcode.EndCoroutine, register, 0);
        b.resolve(after);
        int out = block[0] >= 0 ? block[0] : b.allocRegisters(width);
        width = block[1];
        // Named once compiled, when its own * and column references have been resolved.
        List<String> columns = named ? declared : ColumnNames.distinct(ColumnNames.of(select, selects.sql(), selects));
        List<ExprTyping.ColumnType> types = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            types.add(ExprTyping.columnAffinity(select, i, selects::compiledAffinities));
        }
        // Values pass through unchanged; the column's affinity governs comparisons, and a REAL
        // column turns integers into reals as they are read (see ExprCodegen.column).
        // (FLEXNUM compares as NUMERIC and converts nothing on reading.)
        Scope.Source source = new Scope.Source(name, columns, out,
                types.stream().map(t -> t.flexible() ? Affinity.NUMERIC : t.affinity()).toList(),
                collations(select, width), new SourceReader(null, out));
        if (!jumps.isEmpty()) {
            uncomputed.put(source, jumps);
        }
        return new Coded(source, register, startAddress, estimate(select));
    }

    /** A co-routine for recursive {@code cte} ({@link RecursiveCte}), named {@code name}. */
    Coded recursive(Select.Cte cte, String name, Scope parent) {
        Scope saved = selects.exprs().scope();
        selects.exprs().popScope(parent);
        RecursiveCte.Coded coded = new RecursiveCte(b, selects).code(cte);
        selects.exprs().popScope(saved);
        Scope.Source source = new Scope.Source(name, coded.columns(), coded.out(), coded.affinities(),
                ExprTyping.columnCollations(cte.select(), coded.columns().size()),
                new SourceReader(null, coded.out()));
        return new Coded(source, coded.register(), coded.start(), JoinPlanner.DEFAULT_ROWS);
    }

    /**
     * The collations of a compiled subquery's columns: its leftmost arm's expressions', their
     * column references resolved (sqlite3SubqueryColumnTypes).
     */
    private List<String> collations(Select select, int width) {
        Select.Body leftmost = select.body();
        while (leftmost instanceof Select.Compound c) {
            leftmost = c.left();
        }
        List<String> compiled = leftmost instanceof Select.Core core ? selects.compiledCollations(core) : null;
        return compiled != null && compiled.size() >= width ? compiled.subList(0, width)
                : ExprTyping.columnCollations(select, width);
    }

    /** A guess at how many rows a subquery yields: a VALUES list's count, one for a core without FROM. */
    private static double estimate(Select select) {
        return switch (select.body()) {
            case Select.Values v -> v.rows().size();
            case Select.Core core when core.from() == null -> 1;
            default -> JoinPlanner.DEFAULT_ROWS;
        };
    }

    /**
     * The SELECT an outer join's parenthesized right side runs as its co-routine:
     * {@code SELECT t1.*, t2.*, … FROM (…)}; the names of its tables go to {@code tables}.
     */
    static Select.Core joinSelect(Select.From join, List<String> tables) {
        Select.From from = named(join, new int[1]);
        tableNames(from, tables);
        List<Select.ResultColumn> stars = new ArrayList<>();
        for (String t : tables) {
            stars.add(new Select.TableStar(t));
        }
        return new Select.Core(false, stars, from, null, List.of(), null, List.of());
    }

    /**
     * {@code from} with a name for each subquery that has none ({@code (nested-N)}, counted by
     * {@code count}), so that {@link #joinSelect} can list its columns as {@code name.*}.
     */
    private static Select.From named(Select.From from, int[] count) {
        List<Select.Join> joins = new ArrayList<>();
        for (Select.Join j : from.joins()) {
            joins.add(new Select.Join(j.op(), named(j.table(), count), j.constraint()));
        }
        return new Select.From(named(from.first(), count), joins);
    }

    private static Select.TableRef named(Select.TableRef ref, int[] count) {
        return switch (ref) {
            case Select.SubqueryTable s when s.alias() == null ->
                    new Select.SubqueryTable(s.select(), "(nested-" + ++count[0] + ")");
            case Select.Nested nested when nested.alias() == null -> new Select.Nested(named(nested.from(), count), null);
            default -> ref;
        };
    }

    private static void tableNames(Select.From from, List<String> out) {
        List<Select.TableRef> refs = new ArrayList<>();
        refs.add(from.first());
        from.joins().forEach(j -> refs.add(j.table()));
        for (Select.TableRef ref : refs) {
            switch (ref) {
                case Select.Table t -> out.add(t.alias() != null ? t.alias() : t.name().name());
                case Select.SubqueryTable s when s.alias() != null -> out.add(s.alias());
                case Select.TableFunction f -> out.add(f.alias() != null ? f.alias() : f.name().name());
                case Select.Nested nested when nested.alias() == null -> tableNames(nested.from(), out);
                default -> throw ExprCodegen.error("an outer join of this parenthesized join is not supported yet");
            }
        }
    }
}
