package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.function.FunctionRegistry;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.value.Collation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the code generator needs to know about an expression before coding it: its affinity
 * ({@code sqlite3ExprAffinity}), its collating sequence ({@code sqlite3ExprCollSeq}) and where
 * its text starts. Stateless; any thread.
 *
 * <p>Affinity: a CAST has its type's; COLLATE passes its operand's through; a scalar subquery
 * has its result column's (see {@link #firstResultExpr}); a column of a FROM-clause subquery
 * has that subquery's column's; everything else (literals, operators, functions) has none.
 *
 * <p>Collation: see {@link #collationName}; null when there is none (BINARY).
 */
final class ExprTyping {
    private ExprTyping() {}

    static Affinity affinity(Expr e) {
        return affinity(e, null);
    }

    /** The affinity of {@code e}, whose column references {@code scope} (may be null) resolves. */
    static Affinity affinity(Expr e, Scope scope) {
        return switch (e) {
            case Expr.Cast c -> castAffinity(c);
            case Expr.Collate c -> affinity(c.expr(), scope);
            case Expr.Column c when scope != null -> {
                Scope.Resolved r = scope.find(c);
                yield r == null ? Affinity.NONE : r.affinity();
            }
            case Expr.Subquery s -> firstColumnAffinity(s.select());
            default -> Affinity.NONE;
        };
    }

    /**
     * The affinity a CAST converts to: its type name's, by the column rules, except that no
     * type at all ({@code CAST(x AS)}) is NUMERIC, as {@code sqlite3AffinityType} finds for an
     * empty name (a column without a type is BLOB only because the column code says so).
     */
    static Affinity castAffinity(Expr.Cast c) {
        String type = c.type() == null ? "" : c.type().name();
        return type.isEmpty() ? Affinity.NUMERIC : Affinity.ofDeclaredType(type);
    }

    /**
     * The constant truth value of {@code e} when SQLite's parser makes it a TRUE/FALSE node:
     * the identifiers {@code true} and {@code false} (no column has the name here) and
     * {@code x [NOT] IN ()} when x calls no function; null for anything else. COLLATE is looked
     * through. (With a function call in x, SQLite's parser keeps x, as {@code TRUE OR x} or
     * {@code FALSE AND x}: an operator whose value is 1 or 0, so {@code y IS (f() NOT IN ())}
     * compares y with 1 instead of testing its truth.)
     */
    static Boolean truthConstant(Expr e) {
        // Tests rather than a pattern switch, whose dispatch is slow until compiled: this runs for
        // every column reference the WHERE analysis and code generation look at.
        while (e instanceof Expr.Collate c) {
            e = c.expr();
        }
        if (e instanceof Expr.Column c) {
            if (c.table() != null) {
                return null;
            }
            return c.column().equalsIgnoreCase("true") ? Boolean.TRUE
                    : c.column().equalsIgnoreCase("false") ? Boolean.FALSE : null;
        }
        return e instanceof Expr.InList in && in.values().isEmpty() && !callsFunction(in.expr()) ? in.not() : null;
    }

    /**
     * Whether {@code e} calls a function, subqueries aside (SQLite's EP_HasFunc): LIKE, GLOB,
     * REGEXP, MATCH, {@code ->} and {@code ->>} are function calls to SQLite's parser too.
     */
    private static boolean callsFunction(Expr e) {
        if (e instanceof Expr.Function || e instanceof Expr.Like || e instanceof Expr.Binary b
                && (b.op() == Expr.BinaryOp.JSON_PTR || b.op() == Expr.BinaryOp.JSON_PTR_TEXT)) {
            return true;
        }
        List<Expr> children = children(e);
        for (int i = 0; i < children.size(); i++) {
            if (callsFunction(children.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The affinity of a subquery's first column (see {@link #columnAffinity}). */
    static Affinity firstColumnAffinity(Select select) {
        return columnAffinity(select, 0).affinity();
    }

    /**
     * The type of a subquery's column: its affinity, and whether it is SQLite's FLEXNUM (a
     * numeric affinity from a CAST in a compound, which converts only text).
     */
    record ColumnType(Affinity affinity, boolean flexible) {}

    /**
     * The type of column {@code i} of a subquery, as SQLite 3.54's sqlite3SubqueryColumnTypes
     * decides it: the affinity of the first arm (left to right; each VALUES row an arm) whose
     * expression has one; in a compound, a TEXT affinity is dropped (to BLOB) when another arm
     * may hold a number, a numeric one when another may hold text (see {@link #dataTypes}); a
     * numeric affinity becomes FLEXNUM when the leftmost arm's expression is a CAST.
     */
    static ColumnType columnAffinity(Select select, int i) {
        return columnAffinity(select, i, core -> null);
    }

    /**
     * As {@link #columnAffinity(Select, int)}, with the affinities of the result columns of the
     * cores {@code compiled} knows (null for the others): those resolve column references.
     */
    static ColumnType columnAffinity(Select select, int i, Function<Select.Core, List<Affinity>> compiled) {
        List<Expr> arms = new ArrayList<>();
        List<Affinity> known = new ArrayList<>();
        columnExprs(select.body(), i, arms, known, compiled);
        int k = 0;
        int mask = 0;
        Affinity a = armAffinity(arms, known, 0);
        while (a == Affinity.NONE && k + 1 < arms.size()) {
            mask |= dataTypes(arms.get(k));
            k++;
            a = armAffinity(arms, known, k);
        }
        boolean flexible = false;
        if (a != Affinity.NONE && a != Affinity.BLOB && (k + 1 < arms.size() || k > 0)) {
            for (int j = k + 1; j < arms.size(); j++) {
                mask |= dataTypes(arms.get(j));
            }
            if (a == Affinity.TEXT && (mask & 0x01) != 0) {
                a = Affinity.BLOB;
            } else if (a.isNumeric() && (mask & 0x02) != 0) {
                a = Affinity.BLOB;
            }
            flexible = a.isNumeric() && arms.getFirst() instanceof Expr.Cast;
        }
        return new ColumnType(a, flexible);
    }

    private static Affinity armAffinity(List<Expr> arms, List<Affinity> known, int k) {
        return known.get(k) != null ? known.get(k) : affinity(arms.get(k));
    }

    private static void columnExprs(Select.Body body, int i, List<Expr> out, List<Affinity> known,
                                    Function<Select.Core, List<Affinity>> compiled) {
        switch (body) {
            case Select.Compound c -> {
                columnExprs(c.left(), i, out, known, compiled);
                columnExprs(c.right(), i, out, known, compiled);
            }
            case Select.Core core -> {
                out.add(i < core.columns().size() && core.columns().get(i) instanceof Select.ExprColumn ec ? ec.expr() : NULL);
                List<Affinity> affinities = compiled.apply(core);
                known.add(affinities != null && i < affinities.size() ? affinities.get(i) : null);
            }
            case Select.Values v -> v.rows().forEach(row -> {
                out.add(i < row.size() ? row.get(i) : NULL);
                known.add(null);
            });
        }
    }

    private static final Expr NULL = new Expr.Literal(io.turso4j.sql.ast.Pos.NONE, Expr.LiteralKind.NULL, "NULL");

    /**
     * sqlite3ExprDataType: the storage classes {@code e} may produce, as bits — 0x01 a number,
     * 0x02 text, 0x04 a blob (0 for a NULL literal). A guess from the expression's shape.
     */
    static int dataTypes(Expr e) {
        return switch (e) {
            case Expr.Collate c -> dataTypes(c.expr());
            case Expr.Unary u when u.op() == Expr.UnaryOp.PLUS -> dataTypes(u.operand());
            case Expr.Literal l -> switch (l.kind()) {
                case NULL -> 0x00;
                case STRING -> 0x02;
                case BLOB -> 0x04;
                default -> 0x01;
            };
            case Expr.Binary b when b.op() == Expr.BinaryOp.CONCAT -> 0x06;
            case Expr.Variable v -> 0x07;
            case Expr.Function f -> 0x07;
            case Expr.Column c -> 0x07;
            case Expr.Cast c -> byAffinity(affinity(c));
            case Expr.Subquery s -> byAffinity(affinity(s));
            case Expr.Row r -> 0x07;
            case Expr.Case c -> {
                int bits = c.otherwise() != null ? dataTypes(c.otherwise()) : 0;
                for (Expr.When w : c.whens()) {
                    bits |= dataTypes(w.then());
                }
                yield bits;
            }
            default -> 0x01;
        };
    }

    private static int byAffinity(Affinity a) {
        return a.isNumeric() ? 0x05 : a == Affinity.TEXT ? 0x06 : 0x07;
    }

    /**
     * The collation of each of a subquery's {@code width} columns: that of its leftmost arm's
     * expression (sqlite3SubqueryColumnTypes), null for none.
     */
    static List<String> columnCollations(Select select, int width) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            List<Expr> arms = new ArrayList<>();
            columnExprs(select.body(), i, arms, new ArrayList<>(), core -> null);
            names.add(collationName(arms.getFirst(), null));
        }
        return names;
    }

    /** Whether {@code e} is made of literals and operators only (SQLite's sqlite3ExprIsConstant, roughly). */
    static boolean isConstant(Expr e) {
        return switch (e) {
            case Expr.Literal l -> true;
            case Expr.Column c -> truthConstant(c) != null;
            case Expr.Unary u -> isConstant(u.operand());
            case Expr.Binary b -> isConstant(b.left()) && isConstant(b.right());
            case Expr.Cast c -> isConstant(c.expr());
            case Expr.Collate c -> isConstant(c.expr());
            case Expr.NullTest n -> isConstant(n.expr());
            case Expr.Between b -> isConstant(b.expr()) && isConstant(b.low()) && isConstant(b.high());
            case Expr.InList i -> isConstant(i.expr()) && i.values().stream().allMatch(ExprTyping::isConstant);
            case Expr.Case c -> (c.base() == null || isConstant(c.base()))
                    && c.whens().stream().allMatch(w -> isConstant(w.when()) && isConstant(w.then()))
                    && (c.otherwise() == null || isConstant(c.otherwise()));
            default -> false;
        };
    }

    /**
     * The expression SQLite consults for the type of a subquery's first column: that of its
     * rightmost SELECT (SQLite's parser returns a compound's last arm, with the others linked
     * behind it), and of a VALUES list its last row, unless its rows are constant and the first
     * has no affinity: SQLite 3.54 then runs the rows as one co-routine typed by its first row
     * (sqlite3MultiValues). Null for {@code *}.
     */
    static Expr firstResultExpr(Select select) {
        return resultExpr(select, 0);
    }

    /** As {@link #firstResultExpr}, for column {@code i}; null also when a {@code *} comes first. */
    static Expr resultExpr(Select select, int i) {
        Select.Body body = select.body();
        while (body instanceof Select.Compound c) {
            body = c.right();
        }
        return switch (body) {
            case Select.Core core when core.columns().size() > i && core.columns().subList(0, i + 1).stream()
                    .allMatch(rc -> rc instanceof Select.ExprColumn) -> ((Select.ExprColumn) core.columns().get(i)).expr();
            case Select.Values v when v.rows().getLast().size() > i -> typingRow(v).get(i);
            default -> null;
        };
    }

    /** The row of a VALUES list whose expressions type its columns (see {@link #firstResultExpr}). */
    private static List<Expr> typingRow(Select.Values v) {
        List<Expr> first = v.rows().getFirst();
        boolean coroutine = first.stream().allMatch(e -> affinity(e) == Affinity.NONE)
                && v.rows().stream().allMatch(row -> row.stream().allMatch(ExprTyping::isConstantRowValue));
        return coroutine ? first : v.rows().getLast();
    }

    /**
     * Whether a VALUES row's {@code e} is constant to sqlite3MultiValues (sqlite3ExprIsConstant):
     * parameters and calls of deterministic scalar functions count, subqueries do not.
     */
    private static boolean isConstantRowValue(Expr e) {
        return switch (e) {
            case Expr.Literal l -> true;
            case Expr.Variable v -> true;
            case Expr.Column c -> truthConstant(c) != null;
            case Expr.Subquery s -> false;
            case Expr.Exists x -> false;
            case Expr.InSelect i -> false;
            case Expr.InTable i -> false;
            case Expr.Raise r -> false;
            case Expr.Function f when f.over() != null || f.filter() != null
                    || FunctionRegistry.builtins().scalar(f.name(), f.args().size()) == null
                    || !FunctionRegistry.builtins().isDeterministic(f.name()) -> false;
            default -> {
                List<Expr> children = children(e);
                for (int i = 0; i < children.size(); i++) {
                    if (!isConstantRowValue(children.get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }

    /** The collation of {@code e}, or null for none; an unknown name is an error. */
    static Collation collation(Expr e, Scope scope) {
        String name = collationName(e, scope);
        return name == null ? null : named(name);
    }

    /**
     * The name of the collation of {@code e} (SQLite's sqlite3ExprCollSeq), or null for none: a
     * COLLATE's; a column's own (a FROM subquery's column has its leftmost arm's); through CAST
     * and unary plus; through any other operator only into the operand that holds an explicit
     * COLLATE (the first such, left to right).
     */
    static String collationName(Expr e, Scope scope) {
        return switch (e) {
            case Expr.Collate c -> c.collation();
            case Expr.Column c -> {
                Scope.Resolved r = scope == null ? null : scope.find(c);
                yield r == null ? null : r.collation();
            }
            case Expr.Cast c -> collationName(c.expr(), scope);
            case Expr.Unary u when u.op() == Expr.UnaryOp.PLUS -> collationName(u.operand(), scope);
            default -> {
                List<Expr> children = children(e);
                for (int i = 0; i < children.size(); i++) {
                    if (hasCollate(children.get(i))) {
                        yield collationName(children.get(i), scope);
                    }
                }
                yield null;
            }
        };
    }

    /** Whether a COLLATE operator occurs in {@code e} (subqueries aside): SQLite's EP_Collate. */
    private static boolean hasCollate(Expr e) {
        if (e instanceof Expr.Collate) {
            return true;
        }
        List<Expr> children = children(e);
        for (int i = 0; i < children.size(); i++) {
            if (hasCollate(children.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The collation for comparing {@code left} with {@code right} (sqlite3BinaryCompareCollSeq):
     * an explicit COLLATE on the left, else on the right, else the left's, else the right's.
     */
    static Collation binary(Expr left, Expr right, Scope scope) {
        if (!hasCollate(left) && hasCollate(right)) {
            return collation(right, scope);
        }
        Collation c = collation(left, scope);
        return c != null ? c : collation(right, scope);
    }

    /**
     * Whether {@code e} holds a subquery (scalar, EXISTS, IN (SELECT …) or IN table) anywhere in
     * it: SQLite's EP_Subquery.
     */
    static boolean holdsSubquery(Expr e) {
        if (e instanceof Expr.Subquery || e instanceof Expr.Exists || e instanceof Expr.InSelect
                || e instanceof Expr.InTable) {
            return true;
        }
        List<Expr> children = children(e);
        for (int i = 0; i < children.size(); i++) {
            if (holdsSubquery(children.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The operands of {@code e}, left to right; subqueries are not looked into. A random-access
     * list; the walks that run for every node of every statement index it rather than iterate
     * it, as an iterator over lists of so many classes is not inlined and would be allocated
     * once per node and walk.
     */
    static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Literal l -> List.of();
            case Expr.Variable v -> List.of();
            case Expr.Column c -> List.of();
            case Expr.Unary u -> List.of(u.operand());
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Like l -> l.escape() == null ? List.of(l.left(), l.pattern())
                    : List.of(l.left(), l.pattern(), l.escape());
            case Expr.Between b -> List.of(b.expr(), b.low(), b.high());
            case Expr.InList i -> concat(List.of(i.expr()), i.values());
            case Expr.InSelect i -> List.of(i.expr());
            case Expr.InTable i -> concat(List.of(i.expr()), i.args() == null ? List.of() : i.args());
            case Expr.NullTest n -> List.of(n.expr());
            case Expr.Collate c -> List.of(c.expr());
            case Expr.Cast c -> List.of(c.expr());
            case Expr.Case c -> {
                List<Expr> all = new ArrayList<>();
                if (c.base() != null) {
                    all.add(c.base());
                }
                for (Expr.When w : c.whens()) {
                    all.add(w.when());
                    all.add(w.then());
                }
                if (c.otherwise() != null) {
                    all.add(c.otherwise());
                }
                yield all;
            }
            case Expr.Exists x -> List.of();
            case Expr.Subquery s -> List.of();
            case Expr.Function f -> f.filter() == null ? f.args() : concat(f.args(), List.of(f.filter()));
            case Expr.Raise r -> r.message() == null ? List.of() : List.of(r.message());
            case Expr.Row r -> r.values();
        };
    }

    private static List<Expr> concat(List<Expr> a, List<Expr> b) {
        List<Expr> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    static Collation named(String name) {
        Collation c = Collation.builtin(name);
        if (c == null) {
            throw new SqliteException(ResultCode.ERROR, "no such collation sequence: " + name);
        }
        return c;
    }

    /** The char offset where the text of {@code e} starts (its leftmost token, parentheses aside). */
    static int startOffset(Expr e) {
        return switch (e) {
            case Expr.Binary b -> startOffset(b.left());
            case Expr.Like l -> startOffset(l.left());
            case Expr.Between b -> startOffset(b.expr());
            case Expr.InList i -> startOffset(i.expr());
            case Expr.InSelect i -> startOffset(i.expr());
            case Expr.InTable i -> startOffset(i.expr());
            case Expr.NullTest n -> startOffset(n.expr());
            case Expr.Collate c -> startOffset(c.expr());
            default -> e.pos().offset();
        };
    }
}
