package io.turso4j.translate;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.ast.Pos;
import io.turso4j.function.FunctionRegistry;
import io.turso4j.function.ScalarFunction;
import io.turso4j.sql.ast.Expr;
import io.turso4j.value.Affinity;
import io.turso4j.value.BuiltinCollation;
import io.turso4j.value.Collation;
import io.turso4j.value.NumericText;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.FunctionCall;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Codes expressions into registers: SQLite's {@code sqlite3ExprCodeTarget}. Every expression
 * kind of the AST either codes or fails with SQLite's message.
 *
 * <p>Comparisons carry their affinity ({@link Affinity#forComparison} of the operands') and
 * flags in P5 and their collation in P4; in value context they are coded as SQLite does —
 * {@code Integer 1 → r; Eq … +2; ZeroOrNull} — so NULL operands give NULL. Aggregate calls
 * are coded by the SELECT that owns them (see {@link #bindAggregate}); here they read the
 * register their result was left in.
 *
 * <p>Not thread-safe; one per compilation.
 */
final class ExprCodegen {
    private final ProgramBuilder b;
    private final FunctionRegistry functions;
    private final SelectCodegen selects;
    private SubqueryCodegen subqueries;
    /** Expressions whose value is already in a register: aggregate calls, and what a window pass stored. */
    private final Map<Expr, Integer> aggregates = new IdentityHashMap<>(4);
    /** Registers the run-once block fills with row-independent values, by {@link #constantKey}. */
    private final Map<Object, Integer> constants = new HashMap<>();
    private final ConditionCodegen conditions;
    private Scope scope;

    ExprCodegen(ProgramBuilder b, FunctionRegistry functions, SelectCodegen selects) {
        this.b = b;
        this.functions = functions;
        this.selects = selects;
        this.conditions = new ConditionCodegen(this, b);
    }

    FunctionRegistry functions() {
        return functions;
    }

    /** The names column references resolve against now; null outside any FROM. */
    Scope scope() {
        return scope;
    }

    /** Makes {@code inner} (whose parent is the current scope) the scope until {@link #popScope}. */
    void pushScope(Scope inner) {
        scope = inner;
    }

    void popScope(Scope outer) {
        scope = outer;
    }

    /** From now on {@code call} reads its result from {@code register}. */
    void bindAggregate(Expr.Function call, int register) {
        aggregates.put(call, register);
    }

    /** From now on {@code e} (this very node) reads its value from {@code register}. */
    void bind(Expr e, int register) {
        aggregates.put(e, register);
    }

    boolean isBound(Expr e) {
        return aggregates.containsKey(e);
    }

    /** Undoes {@link #bind}: {@code e} is coded again. */
    void unbind(Expr e) {
        aggregates.remove(e);
    }

    /** Codes {@code e} into a fresh register and returns it. */
    int codeTemp(Expr e) {
        int r = b.allocRegister();
        code(e, r);
        return r;
    }

    /**
     * A register holding {@code e}'s value, for instructions that only read it (SQLite's
     * sqlite3ExprCodeTemp): the register {@code e} is bound to, a register the run-once block
     * fills when {@code e} depends on no row, else a fresh one {@code e} is coded into here.
     */
    int operand(Expr e) {
        Integer bound = aggregates.get(e);
        if (bound != null) {
            return bound;
        }
        if (runsOnce(e) && b.canCodeOnce()) {
            Object key = constantKey(e);
            Integer known = constants.get(key);
            if (known != null) {
                return known;
            }
            int r = b.allocRegister();
            b.codeOnce(() -> code(e, r));
            constants.put(key, r);
            return r;
        }
        return codeTemp(e);
    }

    /**
     * Whether {@code e} is the same for every row and every evaluation within one execution
     * and codes without jumps, so it may move to the run-once block: literals (not
     * CURRENT_TIME and kin), parameters, and casts, signs, NOT and arithmetic of those.
     * Comparisons are left out (their value code jumps), and so are functions (the registry
     * does not say which are deterministic).
     */
    private static boolean runsOnce(Expr e) {
        return switch (e) {
            case Expr.Literal l -> switch (l.kind()) {
                case CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> false;
                default -> true;
            };
            case Expr.Variable v -> true;
            case Expr.Unary u -> runsOnce(u.operand());
            case Expr.Cast c -> runsOnce(c.expr());
            case Expr.Collate c -> runsOnce(c.expr());
            case Expr.Binary bin -> switch (bin.op()) {
                case AND, OR, BITAND, BITOR, LSHIFT, RSHIFT, ADD, SUB, MUL, DIV, MOD, CONCAT ->
                        runsOnce(bin.left()) && runsOnce(bin.right());
                default -> false;
            };
            default -> false;
        };
    }

    /**
     * Equal keys for expressions that are written alike, and so have the same value (a tree's
     * equality ignores positions) — except where a plain {@code ?} is, which is a different
     * parameter at each place: such an expression is only its own key.
     */
    private static Object constantKey(Expr e) {
        return hasPlainParameter(e) ? new SameNode(e) : e;
    }

    /** A key equal only to a key of the very same node. */
    private record SameNode(Expr node) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SameNode other && other.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
    }

    /** Whether a plain {@code ?} is in {@code e}, one of the trees {@link #runsOnce} accepts. */
    private static boolean hasPlainParameter(Expr e) {
        return switch (e) {
            case Expr.Variable v -> v.name().equals("?");
            case Expr.Unary u -> hasPlainParameter(u.operand());
            case Expr.Cast c -> hasPlainParameter(c.expr());
            case Expr.Collate c -> hasPlainParameter(c.expr());
            case Expr.Binary bin -> hasPlainParameter(bin.left()) || hasPlainParameter(bin.right());
            default -> false;
        };
    }

    /** Jumps to {@code label} unless {@code e} is true (so also when it is NULL). */
    void jumpIfNotTrue(Expr e, int label) {
        conditions.jumpIfFalse(e, label, true);
    }

    /** Jumps to {@code label} when {@code e} is true; when it is NULL, only if {@code jumpIfNull}. */
    void jumpIfTrue(Expr e, int label, boolean jumpIfNull) {
        conditions.jumpIfTrue(e, label, jumpIfNull);
    }

    /** Jumps to {@code label} when {@code e} is false; when it is NULL, only if {@code jumpIfNull}. */
    void jumpIfFalse(Expr e, int label, boolean jumpIfNull) {
        conditions.jumpIfFalse(e, label, jumpIfNull);
    }

    /** Codes {@code e} so that its value ends up in register {@code target}. */
    void code(Expr e, int target) {
        Integer bound = aggregates.get(e);
        if (bound != null) {
            b.emit(Opcode.SCopy, bound, target);
            return;
        }
        switch (e) {
            case Expr.Literal l -> literal(l, false, target);
            case Expr.Variable v -> {
                int index = b.parameter(v.name(), v.pos().offset());
                if (index < 0) {
                    throw error("variable number must be between ?1 and ?32766");
                }
                b.emit(Opcode.Variable, index, target);
            }
            case Expr.Column c -> column(c, target);
            case Expr.Unary u -> unary(u, target);
            case Expr.Binary bin -> binary(bin, target);
            case Expr.Like l -> like(l, target);
            case Expr.Between bt -> between(bt, target);
            case Expr.InList in -> inList(in, target);
            case Expr.InSelect in -> subqueries().inSelect(in, target);
            case Expr.InTable in -> subqueries().inTable(in, target);
            case Expr.NullTest n -> {
                int r = operand(n.expr());
                b.emit(Opcode.Integer, 1, target);
                int skip = b.newLabel();
                b.emit(n.not() ? Opcode.NotNull : Opcode.IsNull, r, skip);
                b.emit(Opcode.Integer, 0, target);
                b.resolve(skip);
            }
            case Expr.Collate c -> code(c.expr(), target);
            case Expr.Cast c -> {
                code(c.expr(), target);
                b.emit(Opcode.Cast, target, AffinityCode.of(ExprTyping.castAffinity(c)));
            }
            case Expr.Case c -> caseExpr(c, target);
            case Expr.Exists x -> subqueries().exists(x, target);
            case Expr.Subquery s -> subqueries().scalar(s, target);
            case Expr.Function f -> function(f, target);
            case Expr.Raise r -> {
                selects.triggers().raise(r);
                b.emit(Opcode.Null, 0, target);
            }
            case Expr.Row r -> throw error("row value misused");
        }
    }

    // ---- literals ---------------------------------------------------------------------------

    private void literal(Expr.Literal l, boolean negate, int target) {
        switch (l.kind()) {
            case INTEGER -> integer(l.text().replace("_", ""), negate, target);
            case FLOAT -> real(NumericText.parseReal(l.text().replace("_", "")), negate, target);
            case STRING -> b.emit(Opcode.String8, 0, target, 0, l.text(), 0);
            case BLOB -> b.emit(Opcode.Blob, l.text().length() / 2, target, 0, HexFormat.of().parseHex(l.text()), 0);
            case NULL -> b.emit(Opcode.Null, 0, target);
            case CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> callScalar(
                    l.kind().name().toLowerCase(Locale.ROOT), List.of(), null, target);
        }
    }

    /** SQLite's codeInteger: hex is two's complement; a decimal too big for 64 bits is a REAL. */
    private void integer(String text, boolean negate, int target) {
        long value;
        if (text.length() > 2 && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            String digits = text.substring(2).replaceFirst("^0+(?=.)", "");
            if (digits.length() > 16) {
                throw error("hex literal too big: " + (negate ? "-" : "") + text);
            }
            value = Long.parseUnsignedLong(digits, 16);
            if (negate && value == Long.MIN_VALUE) {
                throw error("hex literal too big: -" + text);
            }
        } else {
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException tooBig) {
                if (negate && text.replaceFirst("^0+(?=.)", "").equals("9223372036854775808")) {
                    emitInteger(Long.MIN_VALUE, target);
                } else {
                    real(NumericText.parseReal(text), negate, target);
                }
                return;
            }
        }
        emitInteger(negate ? -value : value, target);
    }

    private void emitInteger(long value, int target) {
        if (value == (int) value) {
            b.emit(Opcode.Integer, (int) value, target);
        } else {
            b.emit(Opcode.Int64, 0, target, 0, value, 0);
        }
    }

    private void real(double value, boolean negate, int target) {
        b.emit(Opcode.Real, 0, target, 0, negate ? -value : value, 0);
    }

    /**
     * A column of a FROM-clause source (read from its cursor or its registers, as its
     * {@link SourceReader} says), else TRUE/FALSE, else an error.
     */
    private void column(Expr.Column c, int target) {
        Scope.Resolved r = scope == null ? null : scope.find(c);
        if (r != null) {
            r.source().read(b, r.index(), target);
            if (r.affinity() == Affinity.REAL) {
                b.emit(Opcode.RealAffinity, target, 0);
            }
            return;
        }
        if (c.table() == null && (c.column().equalsIgnoreCase("true") || c.column().equalsIgnoreCase("false"))) {
            b.emit(Opcode.Integer, c.column().equalsIgnoreCase("true") ? 1 : 0, target);
            return;
        }
        throw error("no such column: " + Scope.describe(c), c.pos());
    }

    // ---- operators --------------------------------------------------------------------------

    private void unary(Expr.Unary u, int target) {
        switch (u.op()) {
            case NEGATE -> {
                if (u.operand() instanceof Expr.Literal l
                        && (l.kind() == Expr.LiteralKind.INTEGER || l.kind() == Expr.LiteralKind.FLOAT)) {
                    literal(l, true, target);
                    return;
                }
                int zero = operand(new Expr.Literal(u.pos(), Expr.LiteralKind.INTEGER, "0"));
                int r = operand(u.operand());
                b.emit(Opcode.Subtract, r, zero, target);
            }
            case PLUS -> code(u.operand(), target);
            case BITNOT -> b.emit(Opcode.BitNot, operand(u.operand()), target);
            case NOT -> b.emit(Opcode.Not, operand(u.operand()), target);
        }
    }

    private void binary(Expr.Binary e, int target) {
        Expr.BinaryOp op = e.op();
        if (e.left() instanceof Expr.Row || e.right() instanceof Expr.Row
                || (e.left() instanceof Expr.Subquery l && e.right() instanceof Expr.Subquery
                        && selects.columnCount(l.select().body()) > 1)) {
            rowComparison(op, e.left(), e.right(), target);
            return;
        }
        switch (op) {
            case IS, IS_NOT -> {
                Boolean truth = ExprTyping.truthConstant(e.right());
                if (truth != null) {
                    // x IS [NOT] TRUE/FALSE tests truth, not equality (SQLite's TK_TRUTH).
                    boolean normal = op == Expr.BinaryOp.IS;
                    b.emit(Opcode.IsTrue, operand(e.left()), target, truth ? 0 : 1, truth ^ normal ? 1 : 0, 0);
                } else {
                    int left = operand(e.left());
                    compareToValue(op, e.left(), left, e.right(), operand(e.right()), target);
                }
            }
            case EQ, NE, LT, LE, GT, GE -> {
                int left = operand(e.left());
                int right = operand(e.right());
                compareToValue(op, e.left(), left, e.right(), right, target);
            }
            case JSON_PTR, JSON_PTR_TEXT -> callScalar(op.sql(), List.of(e.left(), e.right()), null, target);
            default -> {
                int left = operand(e.left());
                int right = operand(e.right());
                Opcode opcode = switch (op) {
                    case AND -> Opcode.And;
                    case OR -> Opcode.Or;
                    case BITAND -> Opcode.BitAnd;
                    case BITOR -> Opcode.BitOr;
                    case LSHIFT -> Opcode.ShiftLeft;
                    case RSHIFT -> Opcode.ShiftRight;
                    case ADD -> Opcode.Add;
                    case SUB -> Opcode.Subtract;
                    case MUL -> Opcode.Multiply;
                    case DIV -> Opcode.Divide;
                    case MOD -> Opcode.Remainder;
                    case CONCAT -> Opcode.Concat;
                    default -> throw new IllegalStateException(op.name());
                };
                if (op == Expr.BinaryOp.AND || op == Expr.BinaryOp.OR) {
                    b.emit(opcode, left, right, target);
                } else {
                    b.emit(opcode, right, left, target);
                }
            }
        }
    }

    /**
     * A comparison of row values, {@code (a, b) op (c, d)}, as SQLite's codeVectorCompare:
     * {@code =} and IS hold when every pair does (so {@code =} is false as soon as one pair
     * differs, else NULL if a pair has a NULL); {@code <>} and IS NOT are their negations; an
     * ordering decides at the first pair that is not equal (NULL if it holds a NULL). Either
     * side may be a subquery as wide as the other, whose first row is compared.
     */
    private void rowComparison(Expr.BinaryOp op, Expr left, Expr right, int target) {
        if (op.ordinal() < Expr.BinaryOp.EQ.ordinal() || op.ordinal() > Expr.BinaryOp.GE.ordinal()) {
            throw error("row value misused");
        }
        int n = left instanceof Expr.Row l ? l.values().size() : right instanceof Expr.Row r ? r.values().size()
                : selects.columnCount(((Expr.Subquery) left).select().body());
        RowOperand l = rowOperand(left, n);
        RowOperand r = rowOperand(right, n);
        compareRows(op, l, r, target);
    }

    /** One side of a row comparison: each element's typing expression and the register holding it. */
    private record RowOperand(List<Expr> exprs, int[] registers) {}

    private RowOperand rowOperand(Expr e, int width) {
        if (e instanceof Expr.Row row && row.values().size() == width) {
            int[] registers = new int[width];
            for (int i = 0; i < width; i++) {
                registers[i] = codeTemp(row.values().get(i));
            }
            return new RowOperand(row.values(), registers);
        }
        if (e instanceof Expr.Subquery s && width > 0) {
            int first = subqueries().row(s, width);
            List<Expr> exprs = new java.util.ArrayList<>();
            int[] registers = new int[width];
            for (int i = 0; i < width; i++) {
                Expr column = ExprTyping.resultExpr(s.select(), i);
                exprs.add(column != null ? column : new Expr.Literal(e.pos(), Expr.LiteralKind.NULL, "NULL"));
                registers[i] = first + i;
            }
            return new RowOperand(exprs, registers);
        }
        throw error("row value misused");
    }

    private void compareRows(Expr.BinaryOp op, RowOperand l, RowOperand r, int target) {
        int n = l.exprs().size();
        switch (op) {
            case EQ, NE, IS, IS_NOT -> {
                boolean nullEq = op == Expr.BinaryOp.IS || op == Expr.BinaryOp.IS_NOT;
                Expr.BinaryOp pairOp = nullEq ? Expr.BinaryOp.IS : Expr.BinaryOp.EQ;
                int pair = b.allocRegister();
                b.emit(Opcode.Integer, 1, target);
                for (int i = 0; i < n; i++) {
                    compareToValue(pairOp, l.exprs().get(i), l.registers()[i], r.exprs().get(i), r.registers()[i], pair);
                    b.emit(Opcode.And, target, pair, target);
                }
                if (op == Expr.BinaryOp.NE || op == Expr.BinaryOp.IS_NOT) {
                    b.emit(Opcode.Not, target, target);
                }
            }
            default -> {
                Expr.BinaryOp strict = op == Expr.BinaryOp.LT || op == Expr.BinaryOp.LE ? Expr.BinaryOp.LT : Expr.BinaryOp.GT;
                int end = b.newLabel();
                int isNull = b.newLabel();
                for (int i = 0; i < n - 1; i++) {
                    Expr a = l.exprs().get(i);
                    Expr c = r.exprs().get(i);
                    int ra = l.registers()[i];
                    int rc = r.registers()[i];
                    b.emit(Opcode.IsNull, ra, isNull);
                    b.emit(Opcode.IsNull, rc, isNull);
                    int next = b.newLabel();
                    b.emit(Opcode.Eq, rc, next, ra, ExprTyping.binary(a, c, scope), comparisonP5(a, c));
                    compareToValue(strict, a, ra, c, rc, target);
                    b.emit(Opcode.Goto, 0, end);
                    b.resolve(next);
                }
                compareToValue(op, l.exprs().getLast(), l.registers()[n - 1], r.exprs().getLast(),
                        r.registers()[n - 1], target);
                b.emit(Opcode.Goto, 0, end);
                b.resolve(isNull);
                b.emit(Opcode.Null, 0, target);
                b.resolve(end);
            }
        }
    }

    /** {@code (a, b) IN ((1, 2), (3, 4))}: the OR of the row equalities (NOT IN: its negation). */
    private void rowInList(Expr.InList e, Expr.Row lhs, int target) {
        int n = lhs.values().size();
        for (Expr v : e.values()) {
            int terms = v instanceof Expr.Row r ? r.values().size() : 1;
            if (terms != n) {
                throw error("IN(...) element has " + terms + " term" + (terms == 1 ? "" : "s") + " - expected " + n);
            }
        }
        RowOperand left = rowOperand(lhs, n);
        int equal = b.allocRegister();
        b.emit(Opcode.Integer, 0, target);
        for (Expr v : e.values()) {
            compareRows(Expr.BinaryOp.EQ, left, rowOperand(v, n), equal);
            b.emit(Opcode.Or, target, equal, target);
        }
        if (e.not()) {
            b.emit(Opcode.Not, target, target);
        }
    }

    /**
     * Codes {@code leftExpr op rightExpr}, whose values are already in {@code left} and
     * {@code right}, as 1, 0 or NULL (IS and IS NOT: never NULL) into {@code target}.
     */
    void compareToValue(Expr.BinaryOp op, Expr leftExpr, int left, Expr rightExpr, int right, int target) {
        boolean nullEq = op == Expr.BinaryOp.IS || op == Expr.BinaryOp.IS_NOT;
        b.emit(Opcode.Integer, 1, target);
        int p5 = comparisonP5(leftExpr, rightExpr) | (nullEq ? AffinityCode.NULLEQ : 0);
        b.emit(comparison(op), right, b.currentAddress() + 2, left, ExprTyping.binary(leftExpr, rightExpr, scope), p5);
        if (nullEq) {
            b.emit(Opcode.Integer, 0, target);
        } else {
            b.emit(Opcode.ZeroOrNull, left, target, right);
        }
    }

    /** Jumps to {@code label} when {@code left op right} is false or NULL (a CASE WHEN test). */
    void compareJumpIfNot(Expr leftExpr, int left, Expr rightExpr, int right, int label) {
        b.emit(Opcode.Ne, right, label, left, ExprTyping.binary(leftExpr, rightExpr, scope),
                comparisonP5(leftExpr, rightExpr) | AffinityCode.JUMPIFNULL);
    }

    int comparisonP5(Expr left, Expr right) {
        return AffinityCode.of(Affinity.forComparison(affinity(left), affinity(right)));
    }

    /** {@link ExprTyping#affinity}, but a scalar subquery compiled already has its column references resolved. */
    private Affinity affinity(Expr e) {
        if (e instanceof Expr.Subquery s) {
            return ExprTyping.columnAffinity(s.select(), 0, subqueries()::compiledAffinities).affinity();
        }
        return ExprTyping.affinity(e, scope);
    }

    static Opcode comparison(Expr.BinaryOp op) {
        return switch (op) {
            case EQ, IS -> Opcode.Eq;
            case NE, IS_NOT -> Opcode.Ne;
            case LT -> Opcode.Lt;
            case LE -> Opcode.Le;
            case GT -> Opcode.Gt;
            case GE -> Opcode.Ge;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private void like(Expr.Like l, int target) {
        String name = l.op().name().toLowerCase(Locale.ROOT);
        List<Expr> args = l.escape() == null ? List.of(l.pattern(), l.left())
                : List.of(l.pattern(), l.left(), l.escape());
        callScalar(name, args, collationOfArgs(List.of(l.left()), scope), target);
        if (l.not()) {
            b.emit(Opcode.Not, target, target);
        }
    }

    /** {@code x BETWEEN lo AND hi} as {@code x >= lo AND x <= hi} with x coded once. */
    private void between(Expr.Between e, int target) {
        int x = operand(e.expr());
        int lo = operand(e.low());
        int hi = operand(e.high());
        int geLow = b.allocRegister();
        int leHigh = b.allocRegister();
        compareToValue(Expr.BinaryOp.GE, e.expr(), x, e.low(), lo, geLow);
        compareToValue(Expr.BinaryOp.LE, e.expr(), x, e.high(), hi, leHigh);
        b.emit(Opcode.And, geLow, leHigh, target);
        if (e.not()) {
            b.emit(Opcode.Not, target, target);
        }
    }

    /**
     * {@code x IN (v, …)}: true when x equals a value, NULL when it does not but x or a value
     * is NULL, false otherwise; an empty list is false even for NULL x. The comparisons use x's
     * collation and x's affinity alone. SQLite compares a short or non-constant list one value
     * at a time (affinity as in a comparison), but loads a constant list of three or more into
     * a temporary index once per statement (affinity applied as on storing both sides), so this
     * does likewise.
     */
    private void inList(Expr.InList e, int target) {
        if (e.values().isEmpty()) {
            b.emit(Opcode.Integer, e.not() ? 1 : 0, target);
            return;
        }
        if (e.expr() instanceof Expr.Row row) {
            rowInList(e, row, target);
            return;
        }
        Affinity affinity = ExprTyping.affinity(e.expr(), scope);
        Collation collation = ExprTyping.collation(e.expr(), scope);
        if (isConstantSet(e)) {
            constantSet(e).probe(operand(e.expr()), e.not(), false, target);
            return;
        }
        InTest test = new InTest(b, operand(e.expr()), affinity, collation, false, false);
        for (Expr v : e.values()) {
            test.compare(operand(v));
        }
        test.end(e.not(), target);
    }

    /**
     * Whether the IN list {@code e} is tested against a temporary index of its values (filled
     * once per statement): more than two values, all constant, and a left side that is not a
     * row value.
     */
    static boolean isConstantSet(Expr.InList e) {
        return e.values().size() > 2 && !(e.expr() instanceof Expr.Row)
                && e.values().stream().allMatch(ExprTyping::isConstant);
    }

    /**
     * Jumps to {@code dest} when the IN list {@code e} ({@link #isConstantSet}) has the truth
     * value {@code sense} (NULL: when {@code jumpIfNull}), for {@link ConditionCodegen}.
     */
    void inListJump(Expr.InList e, boolean sense, int dest, boolean jumpIfNull) {
        constantSet(e).probeJump(operand(e.expr()), e.not(), sense, dest, jumpIfNull);
    }

    /** The temporary index of an {@link #isConstantSet} IN list's values, filled under {@code Once}. */
    private InSet constantSet(Expr.InList e) {
        InSet set = new InSet(b, 1);
        set.types(new Affinity[] {ExprTyping.affinity(e.expr(), scope)},
                new Collation[] {ExprTyping.collation(e.expr(), scope)});
        int skip = b.newLabel();
        b.emit(Opcode.Once, 0, skip);
        set.open();
        int value = b.allocRegister();
        for (Expr v : e.values()) {
            code(v, value);
            set.add(value, !neverNull(v));
        }
        b.resolve(skip);
        return set;
    }

    /** Whether {@code e} is a literal that is not NULL (a number, possibly signed, a string, a blob). */
    private static boolean neverNull(Expr e) {
        while (e instanceof Expr.Unary u && (u.op() == Expr.UnaryOp.NEGATE || u.op() == Expr.UnaryOp.PLUS)) {
            e = u.operand();
        }
        return e instanceof Expr.Literal l && switch (l.kind()) {
            case INTEGER, FLOAT, STRING, BLOB -> true;
            default -> false;
        };
    }

    private void caseExpr(Expr.Case c, int target) {
        int end = b.newLabel();
        int base = c.base() != null ? operand(c.base()) : 0;
        for (Expr.When w : c.whens()) {
            int next = b.newLabel();
            if (c.base() != null) {
                compareJumpIfNot(c.base(), base, w.when(), operand(w.when()), next);
            } else {
                conditions.jumpIfFalse(w.when(), next, true);
            }
            code(w.then(), target);
            b.emit(Opcode.Goto, 0, end);
            b.resolve(next);
        }
        if (c.otherwise() != null) {
            code(c.otherwise(), target);
        } else {
            b.emit(Opcode.Null, 0, target);
        }
        b.resolve(end);
    }

    // ---- functions --------------------------------------------------------------------------

    private void function(Expr.Function f, int target) {
        Integer aggregate = aggregates.get(f);
        if (aggregate != null) {
            b.emit(Opcode.SCopy, aggregate, target);
            return;
        }
        if (f.over() != null || WindowCodegen.isWindowOnly(f.name())) {
            throw error("misuse of window function " + f.name() + "()", f.pos());
        }
        if (new AggregateFinder(functions).isAggregate(f)) {
            throw error("misuse of aggregate function " + f.name() + "()", f.pos());
        }
        if (f.distinct() || f.filter() != null) {
            throw error((f.distinct() ? "DISTINCT" : "FILTER clause") + " may only be used with aggregate functions");
        }
        List<Expr> args = f.star() ? List.of() : f.args();
        if (functions.scalar(f.name(), args.size()) == null) {
            SqliteException unknown = unknownFunction(functions, f.name());
            throw error(unknown.getMessage(), f.pos());
        }
        if (!f.orderBy().isEmpty()) {
            throw error("ORDER BY may not be used with non-aggregate " + f.name() + "()", f.pos());
        }
        switch (f.name().toLowerCase(java.util.Locale.ROOT)) {
            case "coalesce", "ifnull" -> firstNotNull(args, target);
            case "iif", "if" -> code(asCase(f), target);
            default -> callScalar(f.name(), args, collationOfArgs(f.args(), scope), target);
        }
    }

    /**
     * coalesce() and ifnull() inline, as SQLite codes them: each argument is computed only
     * while those before it are NULL (a later one's error is never raised).
     */
    private void firstNotNull(List<Expr> args, int target) {
        int done = b.newLabel();
        code(args.getFirst(), target);
        for (int i = 1; i < args.size(); i++) {
            b.emit(Opcode.NotNull, target, done);
            code(args.get(i), target);
        }
        b.resolve(done);
    }

    /** {@code iif(c1, v1, c2, v2, …[, else])} as SQLite codes it: the CASE it stands for. */
    private static Expr asCase(Expr.Function f) {
        List<Expr> args = f.args();
        List<Expr.When> whens = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            whens.add(new Expr.When(args.get(i), args.get(i + 1)));
        }
        return new Expr.Case(f.pos(), null, whens, args.size() % 2 == 1 ? args.getLast() : null);
    }

    /**
     * sqlite3GetFuncCollSeq: the first argument with a collation, else BINARY. SQLite looks
     * the name up only for functions that compare, so an unknown name is not an error here.
     */
    static Collation collationOfArgs(List<Expr> args, Scope scope) {
        for (Expr a : args) {
            String name = ExprTyping.collationName(a, scope);
            if (name != null) {
                Collation c = Collation.builtin(name);
                return c != null ? c : BuiltinCollation.BINARY;
            }
        }
        return BuiltinCollation.BINARY;
    }

    private void callScalar(String name, List<Expr> args, Collation collation, int target) {
        ScalarFunction fn = functions.scalar(name, args.size());
        if (fn == null) {
            throw unknownFunction(functions, name);
        }
        int first = b.allocRegisters(Math.max(args.size(), 1));
        for (int i = 0; i < args.size(); i++) {
            code(args.get(i), first + i);
        }
        Collation c = collation != null ? collation : BuiltinCollation.BINARY;
        b.emit(Opcode.Function, 0, first, target, new FunctionCall(name, args.size(), fn, c), args.size());
    }

    static SqliteException unknownFunction(FunctionRegistry functions, String name) {
        return functions.isKnown(name)
                ? error("wrong number of arguments to function " + name + "()")
                : error("no such function: " + name);
    }

    static SqliteException error(String message) {
        return new SqliteException(ResultCode.ERROR, message);
    }

    /** An error about the token at {@code pos} (its offset is what sqlite3 points at). */
    static SqliteException error(String message, Pos pos) {
        return new SqliteException(ResultCode.ERROR, message, pos.offset());
    }

    SubqueryCodegen subqueries() {
        if (subqueries == null) {
            subqueries = new SubqueryCodegen(b, selects);
        }
        return subqueries;
    }
}
