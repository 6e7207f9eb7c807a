package io.turso4j.translate;

import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One AND term of a WHERE clause or of a join's ON clause, analysed as SQLite's whereexpr.c
 * does: the FROM sources it reads (a bit mask by source number), so that it is tested in the
 * outermost loop where they are all available, and the ways it can narrow a source's scan —
 * {@link Constraint}s of the form {@code column op value}.
 *
 * <p>A term that holds a subquery reads every source (it is tested in the innermost loop), since
 * what a subquery refers to is not looked into — except an IN subquery {@link InSubquery} can
 * tell the reads of. Immutable.
 *
 * @param on -1 for a WHERE term (or an inner join's ON term); for a LEFT JOIN's ON term, the
 *     number of its right-hand source, in whose loop it stays
 * @param disjuncts for an OR that is not an IN in disguise, its disjuncts in order, each
 *     analysed as a conjunction (a MULTI-INDEX OR may look each one up); else empty
 */
record WhereTerm(Expr expr, long mask, int on, List<Constraint> constraints, List<Disjunct> disjuncts) {
    /** The mask of a term that must be tested with every source available. */
    static final long ALL = -1L;

    /** ISNULL: {@code column IS NULL}, an equality an index lookup can use with a NULL key. */
    enum Op { EQ, LT, LE, GT, GE, IN, ISNULL }

    /**
     * {@code column op value} (for IN, {@code column IN (values)} or {@code column IN (SELECT …)})
     * on source {@code source}, where the value side does not read that source. {@code probe} is
     * the affinity to apply to a value before looking it up among the column's stored values
     * (NONE: as it is), and {@code collation} (null: BINARY) the collation the comparison uses.
     *
     * @param subquery for {@code column IN (SELECT …)}, the IN (its values are the subquery's
     *     rows, {@code values} is empty); else null
     * @param part for a row value {@code (c1, c2, …) IN (SELECT …)}, which of its columns this
     *     constrains (one constraint per column a lookup may use); else 0
     */
    record Constraint(WhereTerm term, int source, int column, Op op, List<Expr> values, long valueMask,
                      Affinity probe, Collation collation, Expr.InSelect subquery, int part) {
        Constraint(WhereTerm term, int source, int column, Op op, List<Expr> values, long valueMask,
                   Affinity probe, Collation collation) {
            this(term, source, column, op, values, valueMask, probe, collation, null, 0);
        }

        /** How many columns the IN's list has: a row value's width, else one. */
        int width() {
            return subquery != null && subquery.expr() instanceof Expr.Row row ? row.values().size() : 1;
        }

        Expr value() {
            return values.getFirst();
        }

        /**
         * The collation an IN's list is ordered and its duplicates merged by: for a subquery,
         * as sqlite3BinaryCompareCollSeq picks it for the IN's temporary index, an explicit
         * COLLATE in the subquery's column unless the left side has one; else {@link #collation}.
         * (An index lookup then finds the entries equal to each value under the index's own.)
         */
        Collation listCollation() {
            Expr left = subquery == null ? null
                    : subquery.expr() instanceof Expr.Row row ? row.values().get(part) : subquery.expr();
            if (left != null && ExprTyping.collationName(left, null) == null) {
                Expr right = ExprTyping.resultExpr(subquery.select(), part);
                if (right != null && ExprTyping.collationName(right, null) != null) {
                    return ExprTyping.collation(right, null);
                }
            }
            return collation;
        }

        /**
         * How many values an IN looks up: its list's length, or for a subquery SQLite's guess
         * of 25 rows (whereLoopAddBtreeIndex's nIn of 46, the LogEst of 25).
         */
        double listSize() {
            return subquery != null ? IN_SUBQUERY_ROWS : values.size();
        }
    }

    /** SQLite's guess at the rows of an IN's subquery. */
    static final double IN_SUBQUERY_ROWS = 25;

    /** One disjunct of an OR term: its expression and its AND terms, each analysed. */
    record Disjunct(Expr expr, List<WhereTerm> conjuncts) {}

    /** Analyses {@code e} against {@code scope}, whose own sources are numbered by position. */
    static WhereTerm of(Expr e, int on, Scope scope) {
        return of(e, on, scope, null);
    }

    /**
     * {@code e} without the sides of its top OR that are always false ({@code x IN ()},
     * {@code FALSE}): as a condition, {@code X OR FALSE} is {@code X}, and SQLite plans it as
     * {@code X} (an index lookup for {@code e IN (…) OR d IN ()}, not a scan).
     */
    private static Expr withoutFalseDisjuncts(Expr e) {
        while (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR) {
            if (ExprTyping.truthConstant(b.right()) == Boolean.FALSE) {
                e = b.left();
            } else if (ExprTyping.truthConstant(b.left()) == Boolean.FALSE) {
                e = b.right();
            } else {
                break;
            }
        }
        return e;
    }

    /**
     * As {@link #of(Expr, int, Scope)}; with {@code tables} (the stored table a name in a
     * subquery refers to, see {@link InSubquery}) a {@code column IN (SELECT …)} also
     * constrains the column, so that its source may look it up once per row of the subquery.
     */
    static WhereTerm of(Expr e, int on, Scope scope, Function<Name, Table> tables) {
        e = withoutFalseDisjuncts(e);
        if (e instanceof Expr.InTable in && tables != null) {
            e = SubqueryCodegen.asSelect(in); // a lookup as x IN (SELECT * FROM table) is
        }
        List<Constraint> constraints = new ArrayList<>();
        // An IN subquery whose reads are known is tested where they are available (not only
        // in the innermost loop, as other subqueries), as SQLite tests it.
        InSubquery.Known known = e instanceof Expr.InSelect in && tables != null
                ? InSubquery.analyse(in, scope, tables) : null;
        boolean or = e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR;
        Expr.InList orIn = or ? orAsIn((Expr.Binary) e, scope) : null;
        List<Disjunct> disjuncts = or && orIn == null ? new ArrayList<>() : List.of();
        long mask = 0;
        if (or && orIn == null) {
            analyseDisjuncts((Expr.Binary) e, on, scope, disjuncts);
            // The sources an OR reads are those its disjuncts' terms read: taken from them, each
            // level of a nested AND/OR tree does not walk the whole tree below it again.
            for (Disjunct d : disjuncts) {
                for (WhereTerm t : d.conjuncts()) {
                    mask |= t.mask();
                }
            }
        } else if (known != null) {
            mask = mask(((Expr.InSelect) e).expr(), scope) | known.mask();
        } else {
            mask = mask(e, scope);
        }
        WhereTerm term = new WhereTerm(e, mask, on, constraints, disjuncts);
        switch (e) {
            case Expr.Binary b when b.op() == Expr.BinaryOp.IS && isNull(b.right()) -> term.constrainNull(b.left(), scope, constraints);
            case Expr.Binary b when b.op() == Expr.BinaryOp.IS && isNull(b.left()) -> term.constrainNull(b.right(), scope, constraints);
            case Expr.NullTest n when !n.not() -> term.constrainNull(n.expr(), scope, constraints);
            case Expr.Binary b -> {
                Op op = op(b.op());
                if (op != null) {
                    term.constrain(b.left(), op, b.right(), b.left(), b.right(), scope, constraints);
                    term.constrain(b.right(), flip(op), b.left(), b.left(), b.right(), scope, constraints);
                } else if (or) {
                    if (orIn != null) {
                        term.constrainIn(orIn, scope, constraints);
                    } else {
                        term.combineDisjuncts(disjuncts, scope, constraints);
                    }
                }
            }
            case Expr.Between b when !b.not() -> {
                term.constrain(b.expr(), Op.GE, b.low(), b.expr(), b.low(), scope, constraints);
                term.constrain(b.expr(), Op.LE, b.high(), b.expr(), b.high(), scope, constraints);
            }
            case Expr.InList in when !in.not() && !in.values().isEmpty() -> term.constrainIn(in, scope, constraints);
            case Expr.InSelect in when !in.not() && known != null -> term.constrainInSelect(in, known, scope, constraints);
            default -> {
            }
        }
        return term;
    }

    private void constrain(Expr columnSide, Op op, Expr value, Expr left, Expr right, Scope scope,
                           List<Constraint> out) {
        Scope.Resolved r = column(columnSide, scope);
        if (r == null) {
            return;
        }
        int source = scope.sources().indexOf(r.source());
        long valueMask = mask(value, scope);
        if ((valueMask & (1L << source)) != 0) {
            return;
        }
        Affinity probe = probe(r, value, scope);
        if (probe == null) {
            return;
        }
        out.add(new Constraint(this, source, r.index(), op, List.of(value), valueMask, probe,
                ExprTyping.binary(left, right, scope)));
    }

    private static boolean isNull(Expr e) {
        return e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.NULL;
    }

    /** {@code column IS NULL}: no value to code, and every collation sorts NULL the same. */
    private void constrainNull(Expr columnSide, Scope scope, List<Constraint> out) {
        Scope.Resolved r = column(columnSide, scope);
        if (r != null) {
            out.add(new Constraint(this, scope.sources().indexOf(r.source()), r.index(), Op.ISNULL, List.of(), 0,
                    Affinity.NONE, null));
        }
    }

    private void constrainIn(Expr.InList in, Scope scope, List<Constraint> out) {
        Scope.Resolved r = column(in.expr(), scope);
        if (r == null) {
            return;
        }
        int source = scope.sources().indexOf(r.source());
        long valueMask = 0;
        Affinity probe = null;
        for (Expr v : in.values()) {
            valueMask |= mask(v, scope);
            Affinity p = probe(r, v, scope);
            if (p == null || (probe != null && p != probe)) {
                return;
            }
            probe = p;
        }
        if ((valueMask & (1L << source)) != 0) {
            return;
        }
        out.add(new Constraint(this, source, r.index(), Op.IN, in.values(), valueMask, probe,
                ExprTyping.collation(in.expr(), scope)));
    }

    /**
     * {@code column IN (SELECT …)}, or each column of {@code (c1, c2, …) IN (SELECT …)}, whose
     * subquery's column types and reads {@link InSubquery} can tell: each comparison's affinity
     * combines the column's and the subquery column's.
     */
    private void constrainInSelect(Expr.InSelect in, InSubquery.Known known, Scope scope, List<Constraint> out) {
        List<Expr> lefts = in.expr() instanceof Expr.Row row ? row.values() : List.of(in.expr());
        // SQLite checks every column of a row value against the first one's comparison affinity
        // (sqlite3ExprAffinity of a vector is its first element's, and the subquery's first column
        // is compared with it): a column an index of another affinity holds is not looked up.
        Affinity first = Affinity.forComparison(ExprTyping.affinity(lefts.getFirst(), scope),
                known.affinities().getFirst());
        for (int i = 0; i < lefts.size(); i++) {
            // Each column of a row value by itself: one a lookup cannot use is left out.
            Scope.Resolved r = column(lefts.get(i), scope);
            if (r == null) {
                continue;
            }
            int source = scope.sources().indexOf(r.source());
            Affinity probe = probe(r, known.affinities().get(i));
            if (probe == null && i > 0) {
                // Allowed by the first column's affinity: looked up by its own comparison's, as SQLite's.
                probe = Affinity.forComparison(r.affinity(), known.affinities().get(i));
            }
            if ((known.mask() & (1L << source)) != 0 || probe == null || !indexAffinityOk(first, r.affinity())) {
                continue;
            }
            // The left side's collation decides which index may look it up, as SQLite's (the
            // subquery's column does not: see Constraint.listCollation).
            out.add(new Constraint(this, source, r.index(), Op.IN, List.of(), known.mask(), probe,
                    ExprTyping.collation(lefts.get(i), scope), in, i));
        }
    }

    /**
     * SQLite's sqlite3IndexAffinityOk: whether a comparison of affinity {@code comparison} may
     * look up a column of affinity {@code column}.
     */
    private static boolean indexAffinityOk(Affinity comparison, Affinity column) {
        return switch (comparison) {
            case NONE, BLOB -> true;
            case TEXT -> column == Affinity.TEXT;
            default -> column.isNumeric();
        };
    }

    /**
     * {@code c = v1 OR c = v2 OR …} (either side of each {@code =}) as {@code c IN (v1, v2, …)},
     * as SQLite's whereexpr.c turns such an OR into an IN it can look up; null when the
     * disjuncts are not all equalities on one column of this scope under the column's own
     * collation (an explicit COLLATE on a value would compare differently).
     */
    private static Expr.InList orAsIn(Expr.Binary or, Scope scope) {
        List<Expr> disjuncts = new ArrayList<>();
        disjuncts(or, disjuncts);
        Expr column = null;
        Scope.Resolved resolved = null;
        List<Expr> values = new ArrayList<>();
        for (Expr d : disjuncts) {
            if (!(d instanceof Expr.Binary eq) || eq.op() != Expr.BinaryOp.EQ) {
                return null;
            }
            Scope.Resolved l = eq.left() instanceof Expr.Column ? column(eq.left(), scope) : null;
            Scope.Resolved r = eq.right() instanceof Expr.Column ? column(eq.right(), scope) : null;
            Expr side;
            Expr value;
            Scope.Resolved at;
            if (l != null && (resolved == null || same(l, resolved))) {
                side = eq.left();
                value = eq.right();
                at = l;
            } else if (r != null && (resolved == null || same(r, resolved))) {
                side = eq.right();
                value = eq.left();
                at = r;
            } else {
                return null;
            }
            if (!java.util.Objects.equals(ExprTyping.binary(eq.left(), eq.right(), scope), ExprTyping.collation(side, scope))) {
                return null;
            }
            column = column == null ? side : column;
            resolved = at;
            values.add(value);
        }
        return new Expr.InList(or.pos(), false, column, values);
    }

    private static void analyseDisjuncts(Expr.Binary or, int on, Scope scope, List<Disjunct> out) {
        List<Expr> ds = new ArrayList<>();
        disjuncts(or, ds);
        for (Expr d : ds) {
            List<WhereTerm> conjuncts = new ArrayList<>();
            for (Expr c : SelectCodegen.conjuncts(d)) {
                conjuncts.add(of(c, on, scope));
            }
            out.add(new Disjunct(d, List.copyOf(conjuncts)));
        }
    }

    /**
     * SQLite's whereCombineDisjuncts: for an OR of two disjuncts each constraining this scope,
     * a comparison in each (or an AND term of each) of the same expression with the same value,
     * both at most or both at least it, implies their union ({@code x = v OR x < v}: {@code x <= v}),
     * which a lookup may use (the OR is still tested).
     */
    private void combineDisjuncts(List<Disjunct> disjuncts, Scope scope, List<Constraint> out) {
        if (disjuncts.size() != 2) {
            return;
        }
        long common = -1;
        for (Disjunct d : disjuncts) {
            long constrained = 0;
            for (WhereTerm t : d.conjuncts()) {
                for (Constraint c : t.constraints()) {
                    constrained |= 1L << c.source();
                }
            }
            common &= constrained;
        }
        if (common == 0) {
            return;
        }
        List<Expr.Binary> right = comparisons(disjuncts.get(1));
        for (Expr.Binary x : comparisons(disjuncts.get(0))) {
            for (Expr.Binary y : right) {
                Op a = op(x.op());
                Op b = op(y.op());
                if (a == null || b == null || !sameExpr(x.left(), y.left(), scope) || !sameExpr(x.right(), y.right(), scope)) {
                    continue;
                }
                boolean below = (a == Op.EQ || a == Op.LT || a == Op.LE) && (b == Op.EQ || b == Op.LT || b == Op.LE);
                boolean above = (a == Op.EQ || a == Op.GT || a == Op.GE) && (b == Op.EQ || b == Op.GT || b == Op.GE);
                if (!below && !above) {
                    continue;
                }
                Op union = a == b ? a : below ? Op.LE : Op.GE;
                constrain(x.left(), union, x.right(), x.left(), x.right(), scope, out);
                constrain(x.right(), flip(union), x.left(), x.left(), x.right(), scope, out);
            }
        }
    }

    /** A disjunct's AND terms that are comparisons, a BETWEEN as its two bounds (as SQLite splits it). */
    private static List<Expr.Binary> comparisons(Disjunct d) {
        List<Expr.Binary> out = new ArrayList<>();
        for (WhereTerm t : d.conjuncts()) {
            switch (t.expr()) {
                case Expr.Binary b -> out.add(b);
                case Expr.Between b when !b.not() -> {
                    out.add(new Expr.Binary(b.pos(), Expr.BinaryOp.GE, b.expr(), b.low()));
                    out.add(new Expr.Binary(b.pos(), Expr.BinaryOp.LE, b.expr(), b.high()));
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** Whether {@code a} and {@code b} are the same expression (SQLite's sqlite3ExprCompare, for the simple kinds). */
    static boolean sameExpr(Expr a, Expr b, Scope scope) {
        return switch (a) {
            case Expr.Column x when b instanceof Expr.Column y -> {
                Scope.Resolved rx = scope.find(x);
                Scope.Resolved ry = scope.find(y);
                yield rx != null && ry != null ? same(rx, ry) : rx == null && ry == null && x.column().equalsIgnoreCase(y.column())
                        && java.util.Objects.equals(x.table(), y.table());
            }
            case Expr.Literal x when b instanceof Expr.Literal y -> x.kind() == y.kind() && java.util.Objects.equals(x.text(), y.text());
            case Expr.Unary x when b instanceof Expr.Unary y -> x.op() == y.op() && sameExpr(x.operand(), y.operand(), scope);
            case Expr.Collate x when b instanceof Expr.Collate y -> x.collation().equalsIgnoreCase(y.collation())
                    && sameExpr(x.expr(), y.expr(), scope);
            default -> false;
        };
    }

    private static boolean same(Scope.Resolved a, Scope.Resolved b) {
        return a.source() == b.source() && a.index() == b.index();
    }

    private static void disjuncts(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR) {
            disjuncts(b.left(), out);
            disjuncts(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** The column {@code e} names (COLLATE looked through) when it is one of this scope's own; else null. */
    private static Scope.Resolved column(Expr e, Scope scope) {
        while (e instanceof Expr.Collate c) {
            e = c.expr();
        }
        if (!(e instanceof Expr.Column c) || ExprTyping.truthConstant(c) != null) {
            return null;
        }
        Scope.Resolved r = scope.find(c);
        return r != null && scope.sources().contains(r.source()) ? r : null;
    }

    /**
     * The affinity a value is converted to before it is looked up among the values of column
     * {@code r}, or null when the comparison's affinity differs from the column's so that no
     * lookup can stand for it (SQLite's sqlite3IndexAffinityOk): a TEXT comparison needs a TEXT
     * column, a numeric one a numeric column; a comparison without affinity compares as stored.
     */
    private static Affinity probe(Scope.Resolved r, Expr value, Scope scope) {
        return probe(r, ExprTyping.affinity(value, scope));
    }

    /** As {@link #probe(Scope.Resolved, Expr, Scope)}, for a value of affinity {@code valueAffinity}. */
    private static Affinity probe(Scope.Resolved r, Affinity valueAffinity) {
        Affinity column = r.affinity();
        Affinity comparison = Affinity.forComparison(column, valueAffinity);
        if (comparison == Affinity.NONE || comparison == Affinity.BLOB) {
            return Affinity.NONE;
        }
        if (comparison == Affinity.TEXT) {
            return column == Affinity.TEXT ? Affinity.TEXT : null;
        }
        return column.isNumeric() ? column : null;
    }

    /**
     * {@code terms} with those that hold a subquery moved after the others (otherwise in order):
     * the cheap terms of a loop then reject a row before a subquery runs for it (or, for an IN
     * list, is built at all), as SQLite codes the terms with subqueries last.
     */
    static List<WhereTerm> subqueriesLast(List<WhereTerm> terms) {
        List<WhereTerm> out = new ArrayList<>(terms.size());
        for (WhereTerm t : terms) {
            if (!holdsSubquery(t)) {
                out.add(t);
            }
        }
        for (WhereTerm t : terms) {
            if (holdsSubquery(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The columns of {@code scope}'s sources the subquery of the IN subquery {@code e} (whose
     * left side holds none) may read, when {@link InSubquery} can tell; else null.
     */
    static List<Scope.Resolved> inSubqueryReads(Expr e, Scope scope, Function<Name, Table> tables) {
        if (!(e instanceof Expr.InSelect in) || mask(in.expr(), scope) == ALL) {
            return null;
        }
        InSubquery.Known known = InSubquery.analyse(in, scope, tables);
        return known == null ? null : known.reads();
    }

    /**
     * Whether a MULTI-INDEX OR's branches may test this term too, SQLite's rule for the terms it
     * ANDs to each branch's disjunct: a comparison an index could use, holding no subquery.
     */
    boolean testableInOrBranches() {
        return !constraints.isEmpty() && !holdsSubquery(this);
    }

    static boolean holdsSubquery(WhereTerm t) {
        return t.mask() == ALL || t.expr() instanceof Expr.InSelect;
    }

    /** The sources of {@code scope} that {@code e} reads, by bit; {@link #ALL} when it holds a subquery. */
    static long mask(Expr e, Scope scope) {
        return switch (e) {
            case Expr.Column c -> {
                if (ExprTyping.truthConstant(c) != null && scope.find(c) == null) {
                    yield 0;
                }
                Scope.Resolved r = scope.find(c);
                int i = r == null ? -1 : scope.sources().indexOf(r.source());
                yield i < 0 ? 0 : 1L << i;
            }
            case Expr.Subquery s -> ALL;
            case Expr.Exists x -> ALL;
            case Expr.InSelect i -> ALL;
            case Expr.InTable i -> ALL;
            case Expr.Raise r -> ALL;
            case Expr.Function f when f.over() != null || (f.orderBy() != null && !f.orderBy().isEmpty()) -> ALL;
            case Expr.Binary b -> mask(b.left(), scope) | mask(b.right(), scope); // the commonest: no list
            default -> {
                long m = 0;
                List<Expr> children = ExprTyping.children(e); // indexed: see ExprTyping.children
                for (int i = 0; i < children.size(); i++) {
                    m |= mask(children.get(i), scope);
                }
                yield m;
            }
        };
    }

    private static Op op(Expr.BinaryOp op) {
        return switch (op) {
            case EQ -> Op.EQ;
            case LT -> Op.LT;
            case LE -> Op.LE;
            case GT -> Op.GT;
            case GE -> Op.GE;
            default -> null;
        };
    }

    private static Op flip(Op op) {
        return switch (op) {
            case LT -> Op.GT;
            case LE -> Op.GE;
            case GT -> Op.LT;
            case GE -> Op.LE;
            default -> op;
        };
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "WhereTerm[" + expr + "]";
    }
}
