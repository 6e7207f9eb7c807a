package io.turso4j.sql.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Test helper: a seeded generator of random trees in the shape the parser
 * builds (so a tree printed and parsed again must come back equal). Names
 * include keywords, spaces and quotes, to exercise the printer's quoting.
 */
final class RandomAst {
    private static final String[] NAMES = {"a", "b", "t1", "key", "replace", "select", "x y", "q\"uote", "end",
        "rowid", "_z9", "Ünï", "left", "window", "over", "order"};
    private static final String[] TYPES = {"INT", "TEXT", "VARCHAR", "DOUBLE PRECISION", "\"weird type\""};
    private final Random r;
    private int budget;

    RandomAst(long seed) {
        this.r = new Random(seed);
    }

    private String name() {
        return NAMES[r.nextInt(NAMES.length)];
    }

    private <T> List<T> list(int min, int max, Supplier<T> item) {
        int n = min + r.nextInt(max - min + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(item.get());
        }
        return List.copyOf(out);
    }

    private <T> T maybe(Supplier<T> s) {
        return r.nextInt(3) == 0 ? s.get() : null;
    }

    Stmt stmt() {
        budget = 25;
        return switch (r.nextInt(6)) {
            case 0, 1 -> select();
            case 2 -> new Insert(Pos.NONE, null, maybe(() -> pick(ConflictAction.values())), table(), maybe(this::name),
                    r.nextBoolean() ? List.of() : list(1, 3, this::name), r.nextInt(5) == 0 ? null : select(),
                    List.of(), r.nextBoolean() ? List.of() : resultColumns());
            case 3 -> new Update(Pos.NONE, null, null, new Update.QualifiedTable(table(), maybe(this::name), null),
                    list(1, 3, () -> switch (r.nextInt(3)) {
                        case 0 -> new Update.Set(List.of(name()), expr(3));
                        case 1 -> new Update.Set(List.of(name()), expr(3), true); // (c) = …
                        default -> new Update.Set(list(2, 3, this::name), expr(3));
                    }),
                    null, maybe(() -> expr(3)), List.of(), List.of(), null);
            case 4 -> new Delete(Pos.NONE, null, new Update.QualifiedTable(table(), null, maybe(this::name)),
                    maybe(() -> expr(3)), List.of(), List.of(), null);
            default -> new CreateTable(Pos.NONE, r.nextBoolean(), r.nextBoolean(), table(),
                    list(1, 4, () -> new CreateTable.ColumnDef(name(),
                            maybe(() -> new TypeName(TYPES[r.nextInt(TYPES.length)],
                                    r.nextBoolean() ? List.of() : List.of("" + r.nextInt(100)))),
                            List.of())),
                    List.of(), r.nextBoolean(), r.nextBoolean(), null);
        };
    }

    private Name table() {
        return new Name(r.nextInt(4) == 0 ? name() : null, name());
    }

    private <T> T pick(T[] values) {
        return values[r.nextInt(values.length)];
    }

    Select select() {
        Select.Body body = core();
        int compounds = r.nextInt(4) == 0 ? r.nextInt(3) : 0;
        for (int i = 0; i < compounds; i++) {
            body = new Select.Compound(body, pick(Select.CompoundOp.values()), r.nextBoolean() ? core() : values());
        }
        boolean core = body instanceof Select.Core || (body instanceof Select.Compound c && c.right() instanceof Select.Core);
        List<OrderingTerm> orderBy = core && r.nextBoolean() ? orderingTerms() : List.of();
        Select.Limit limit = core && r.nextInt(3) == 0 ? new Select.Limit(expr(1), maybe(() -> expr(1))) : null;
        return new Select(Pos.NONE, null, body, orderBy, limit);
    }

    private Select.Body values() {
        int width = 1 + r.nextInt(3);
        return new Select.Values(list(1, 3, () -> list(width, width, () -> expr(2))));
    }

    private Select.Core core() {
        Select.From from = r.nextBoolean() ? from() : null;
        return new Select.Core(r.nextBoolean(), resultColumns(), from, maybe(() -> expr(3)),
                r.nextInt(4) == 0 ? list(1, 2, () -> expr(2)) : List.of(), maybe(() -> expr(2)), List.of());
    }

    private List<Select.ResultColumn> resultColumns() {
        return list(1, 3, () -> switch (r.nextInt(6)) {
            case 0 -> new Select.Star();
            case 1 -> new Select.TableStar(name());
            default -> new Select.ExprColumn(expr(4), maybe(this::name));
        });
    }

    private Select.From from() {
        return new Select.From(tableRef(), list(0, 2, () -> {
            Select.JoinOp op = new Select.JoinOp(r.nextInt(4) == 0, pick(Select.JoinKind.values()));
            if (op.kind() == Select.JoinKind.COMMA) {
                op = new Select.JoinOp(false, op.kind());
            }
            Select.JoinConstraint c = switch (r.nextInt(3)) {
                case 0 -> new Select.On(expr(2));
                case 1 -> new Select.Using(list(1, 2, this::name));
                default -> null;
            };
            return new Select.Join(op, tableRef(), c);
        }));
    }

    private Select.TableRef tableRef() {
        return switch (budget-- > 0 ? r.nextInt(5) : 0) {
            case 1 -> new Select.SubqueryTable(select(), maybe(this::name));
            case 2 -> new Select.TableFunction(table(), list(0, 2, () -> expr(1)), maybe(this::name));
            default -> new Select.Table(table(), maybe(this::name), r.nextInt(5) == 0 ? (r.nextBoolean() ? "" : name()) : null);
        };
    }

    private List<OrderingTerm> orderingTerms() {
        return list(1, 3, () -> new OrderingTerm(expr(2), maybe(() -> pick(OrderingTerm.SortOrder.values())),
                maybe(() -> pick(OrderingTerm.NullsOrder.values()))));
    }

    Expr expr(int depth) {
        if (depth <= 0 || budget-- <= 0) {
            return leaf();
        }
        int d = depth - 1;
        return switch (r.nextInt(17)) {
            case 0 -> new Expr.Unary(Pos.NONE, pick(Expr.UnaryOp.values()), expr(d));
            case 1, 2, 3 -> new Expr.Binary(Pos.NONE, pick(Expr.BinaryOp.values()), expr(d), expr(d));
            case 4 -> new Expr.Like(Pos.NONE, pick(Expr.LikeOp.values()), r.nextBoolean(), expr(d), expr(d), maybe(() -> expr(d)));
            case 5 -> new Expr.Between(Pos.NONE, r.nextBoolean(), expr(d), expr(d), expr(d));
            // not one value: the parser makes "x IN (c)" of a literal or parameter c "x == +c", as SQLite's does
            case 6 -> new Expr.InList(Pos.NONE, r.nextBoolean(), expr(d), r.nextInt(3) == 0 ? List.of()
                    : list(2, 3, () -> expr(d)));
            case 7 -> new Expr.InSelect(Pos.NONE, r.nextBoolean(), expr(d), select());
            case 8 -> new Expr.InTable(Pos.NONE, r.nextBoolean(), expr(d), table(), r.nextBoolean() ? null : list(0, 2, () -> expr(d)));
            case 9 -> new Expr.NullTest(Pos.NONE, r.nextBoolean(), expr(d));
            case 10 -> new Expr.Collate(Pos.NONE, expr(d), name());
            case 11 -> new Expr.Cast(Pos.NONE, expr(d), maybe(() -> new TypeName(TYPES[r.nextInt(TYPES.length)], List.of())));
            case 12 -> new Expr.Case(Pos.NONE, maybe(() -> expr(d)),
                    list(1, 3, () -> new Expr.When(expr(d), expr(d))), maybe(() -> expr(d)));
            case 13 -> r.nextBoolean() ? new Expr.Exists(Pos.NONE, select()) : new Expr.Subquery(Pos.NONE, select());
            case 14 -> function(d);
            case 15 -> new Expr.Row(Pos.NONE, list(2, 3, () -> expr(d)));
            default -> new Expr.Raise(Pos.NONE, Expr.RaiseKind.ABORT, expr(d));
        };
    }

    private Expr function(int d) {
        boolean star = r.nextInt(5) == 0;
        List<Expr> args = star ? List.of() : list(0, 3, () -> expr(d));
        boolean distinct = !args.isEmpty() && r.nextInt(4) == 0;
        List<OrderingTerm> orderBy = !args.isEmpty() && r.nextInt(4) == 0 ? orderingTerms() : List.of();
        Window.Over over = switch (r.nextInt(4)) {
            case 0 -> new Window.OverName(name());
            case 1 -> new Window.Spec(maybe(this::name), r.nextBoolean() ? List.of() : list(1, 2, () -> expr(1)),
                    r.nextBoolean() ? List.of() : orderingTerms(), maybe(this::frame));
            default -> null;
        };
        return new Expr.Function(Pos.NONE, name(), distinct, star, args, orderBy, maybe(() -> expr(d)), over);
    }

    private Window.Frame frame() {
        Window.Bound start = bound(true);
        Window.Bound end = r.nextBoolean() ? bound(false) : null;
        return new Window.Frame(pick(Window.Units.values()), start, end, maybe(() -> pick(Window.Exclude.values())));
    }

    private Window.Bound bound(boolean start) {
        Window.BoundKind k = pick(Window.BoundKind.values());
        if (start && k == Window.BoundKind.UNBOUNDED_FOLLOWING) {
            k = Window.BoundKind.UNBOUNDED_PRECEDING;
        } else if (!start && k == Window.BoundKind.UNBOUNDED_PRECEDING) {
            k = Window.BoundKind.UNBOUNDED_FOLLOWING;
        }
        boolean offset = k == Window.BoundKind.PRECEDING || k == Window.BoundKind.FOLLOWING;
        return new Window.Bound(k, offset ? expr(1) : null);
    }

    private Expr leaf() {
        return switch (r.nextInt(9)) {
            case 0 -> new Expr.Literal(Pos.NONE, Expr.LiteralKind.INTEGER, Integer.toString(r.nextInt(1000)));
            case 1 -> new Expr.Literal(Pos.NONE, Expr.LiteralKind.FLOAT, pick(new String[] {"1.5", ".5", "1e10", "2.", "0.1E-3"}));
            case 2 -> new Expr.Literal(Pos.NONE, Expr.LiteralKind.STRING, pick(new String[] {"", "it's", "a;b", "--x"}));
            case 3 -> new Expr.Literal(Pos.NONE, Expr.LiteralKind.BLOB, pick(new String[] {"", "00FF", "cafe"}));
            case 4 -> new Expr.Literal(Pos.NONE, pick(new Expr.LiteralKind[] {Expr.LiteralKind.NULL}), "NULL");
            case 5 -> new Expr.Literal(Pos.NONE, Expr.LiteralKind.CURRENT_DATE, "CURRENT_DATE");
            case 6 -> new Expr.Variable(Pos.NONE, pick(new String[] {"?", "?7", ":p", "@q", "$r"}));
            default -> {
                String table = r.nextBoolean() ? name() : null;
                yield new Expr.Column(Pos.NONE, table != null && r.nextInt(4) == 0 ? name() : null, table, name());
            }
        };
    }
}
