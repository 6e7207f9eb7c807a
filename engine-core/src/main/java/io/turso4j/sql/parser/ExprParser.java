package io.turso4j.sql.parser;

import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Expr.BinaryOp;
import io.turso4j.sql.ast.Expr.LiteralKind;
import io.turso4j.sql.ast.Expr.UnaryOp;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.OrderingTerm;
import io.turso4j.sql.ast.Pos;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.ast.TypeName;
import io.turso4j.sql.ast.Window;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions, by precedence climbing over SQLite's operator table
 * (parse.y's {@code %left}/{@code %right} lines, lowest first):
 *
 * <pre>
 *  1 OR            2 AND           3 NOT (prefix)
 *  4 IS MATCH LIKE BETWEEN IN ISNULL NOTNULL NOT-NULL != =
 *  5 &gt; &lt;= &lt; &gt;=    6 ESCAPE        7 &amp; | &lt;&lt; &gt;&gt;
 *  8 + -           9 * / %        10 || -&gt; -&gt;&gt;
 * 11 COLLATE      12 ~ and unary + - (prefix)
 * </pre>
 *
 * All binary operators associate to the left. A prefix operator takes an
 * operand at its own level wherever it appears ({@code a = NOT b = c} is
 * {@code a = (NOT (b = c))}), as SQLite's LALR parser does.
 *
 * <p>Each method that returns an expression leaves its tree height in
 * {@link #height}, computed as SQLite's {@code exprSetHeight} does; a height
 * over 1000 fails with SQLite's "Expression tree is too large" message.
 */
abstract class ExprParser extends TokenCursor {
    static final int MAX_EXPR_HEIGHT = 1000;

    static final int OR = 1, AND = 2, NOT = 3, EQUALITY = 4, COMPARE = 5, BITWISE = 7, ADD = 8, MUL = 9,
            CONCAT = 10, COLLATE = 11, UNARY = 12;

    /** Height of the expression most recently returned. */
    int height;
    /** Greatest expression height seen since the innermost enclosing SELECT began. */
    int selectHeight;

    ExprParser(Tokens tokens) {
        super(tokens);
    }

    /** A full SELECT (with optional WITH), as used in subqueries. */
    abstract Select select();

    /** An ORDER BY list (after the BY). */
    abstract List<OrderingTerm> orderingTerms();

    final Expr expr() {
        return expr(OR);
    }

    private Expr withHeight(Expr e, int h) {
        if (h > MAX_EXPR_HEIGHT) {
            throw error("Expression tree is too large (maximum depth " + MAX_EXPR_HEIGHT + ")");
        }
        height = h;
        if (h > selectHeight) {
            selectHeight = h;
        }
        return e;
    }

    /** An expression whose operators all bind at least as tightly as {@code minLevel}. */
    final Expr expr(int minLevel) {
        return expr(minLevel, false);
    }

    /**
     * As {@link #expr(int)}; with {@code stopAtAnd}, an AND directly at this level
     * ends the expression (BETWEEN's middle operand: {@code x BETWEEN a OR b AND c}
     * reads {@code a OR b} as the low bound, as SQLite's parser does).
     */
    private Expr expr(int minLevel, boolean stopAtAnd) {
        Expr left = prefix();
        while (true) {
            TokenType t = peek();
            int level = infixLevel(t);
            if (level < minLevel || level == 0 || (stopAtAnd && t == TokenType.AND)) {
                return left;
            }
            left = infix(left, t);
        }
    }

    private static int infixLevel(TokenType t) {
        return switch (t) {
            case OR -> OR;
            case AND -> AND;
            case IS, MATCH, LIKE, GLOB, REGEXP, BETWEEN, IN, ISNULL, NOTNULL, NOT, NE, EQ -> EQUALITY;
            case GT, LE, LT, GE -> COMPARE;
            case BITAND, BITOR, LSHIFT, RSHIFT -> BITWISE;
            case PLUS, MINUS -> ADD;
            case STAR, SLASH, REM -> MUL;
            case CONCAT, PTR, PTR2 -> CONCAT;
            case COLLATE -> COLLATE;
            default -> 0;
        };
    }

    private Expr infix(Expr left, TokenType t) {
        Pos pos = Pos.at(tokens.start(p));
        int lh = height;
        advance();
        return switch (t) {
            case OR -> binary(pos, BinaryOp.OR, left, lh, AND);
            case AND -> binary(pos, BinaryOp.AND, left, lh, NOT);
            case EQ -> binary(pos, BinaryOp.EQ, left, lh, COMPARE);
            case NE -> binary(pos, BinaryOp.NE, left, lh, COMPARE);
            case LT -> binary(pos, BinaryOp.LT, left, lh, BITWISE);
            case LE -> binary(pos, BinaryOp.LE, left, lh, BITWISE);
            case GT -> binary(pos, BinaryOp.GT, left, lh, BITWISE);
            case GE -> binary(pos, BinaryOp.GE, left, lh, BITWISE);
            case BITAND -> binary(pos, BinaryOp.BITAND, left, lh, ADD);
            case BITOR -> binary(pos, BinaryOp.BITOR, left, lh, ADD);
            case LSHIFT -> binary(pos, BinaryOp.LSHIFT, left, lh, ADD);
            case RSHIFT -> binary(pos, BinaryOp.RSHIFT, left, lh, ADD);
            case PLUS -> binary(pos, BinaryOp.ADD, left, lh, MUL);
            case MINUS -> binary(pos, BinaryOp.SUB, left, lh, MUL);
            case STAR -> binary(pos, BinaryOp.MUL, left, lh, CONCAT);
            case SLASH -> binary(pos, BinaryOp.DIV, left, lh, CONCAT);
            case REM -> binary(pos, BinaryOp.MOD, left, lh, CONCAT);
            case CONCAT -> binary(pos, BinaryOp.CONCAT, left, lh, COLLATE);
            case PTR -> binary(pos, BinaryOp.JSON_PTR, left, lh, COLLATE);
            case PTR2 -> binary(pos, BinaryOp.JSON_PTR_TEXT, left, lh, COLLATE);
            case COLLATE -> withHeight(new Expr.Collate(pos, left, ids()), lh + 1);
            case ISNULL -> withHeight(new Expr.NullTest(pos, false, left), lh + 1);
            case NOTNULL -> withHeight(new Expr.NullTest(pos, true, left), lh + 1);
            case IS -> is(pos, left, lh);
            case NOT -> negatable(pos, left, lh, true);
            default -> {
                p--;
                yield negatable(pos, left, lh, false);
            }
        };
    }

    private Expr binary(Pos pos, BinaryOp op, Expr left, int lh, int rightLevel) {
        enter();
        Expr right = expr(rightLevel);
        leave();
        return withHeight(new Expr.Binary(pos, op, left, right), Math.max(lh, height) + 1);
    }

    private Expr is(Pos pos, Expr left, int lh) {
        boolean not = accept(TokenType.NOT);
        if (accept(TokenType.DISTINCT)) {
            expect(TokenType.FROM);
            not = !not;
        }
        return binary(pos, not ? BinaryOp.IS_NOT : BinaryOp.IS, left, lh, COMPARE);
    }

    /** The operators that may follow NOT: NULL, LIKE family, BETWEEN, IN. */
    private Expr negatable(Pos pos, Expr left, int lh, boolean not) {
        TokenType t = peek();
        advance();
        return switch (t) {
            case NULL -> withHeight(new Expr.NullTest(pos, true, left), lh + 1);
            case LIKE, GLOB, REGEXP, MATCH -> like(pos, likeOp(t), not, left, lh);
            case BETWEEN -> between(pos, not, left, lh);
            case IN -> in(pos, not, left, lh);
            default -> throw errorAt(p - 1);
        };
    }

    private static Expr.LikeOp likeOp(TokenType t) {
        return switch (t) {
            case LIKE -> Expr.LikeOp.LIKE;
            case GLOB -> Expr.LikeOp.GLOB;
            case REGEXP -> Expr.LikeOp.REGEXP;
            default -> Expr.LikeOp.MATCH;
        };
    }

    private Expr like(Pos pos, Expr.LikeOp op, boolean not, Expr left, int lh) {
        enter();
        Expr pattern = expr(COMPARE);
        int h = Math.max(lh, height);
        Expr escape = null;
        if (accept(TokenType.ESCAPE)) {
            escape = expr(COMPARE);
            h = Math.max(h, height);
        }
        leave();
        return withHeight(new Expr.Like(pos, op, not, left, pattern, escape), h + 1);
    }

    /**
     * Whether {@code e} is a literal or a parameter, signed or not. SQLite's parser rewrites IN
     * lists of any one constant; those with a COLLATE would then compare by it, which SQLite 3.54
     * does not ({@code 'A' IN ('a' COLLATE NOCASE)} is 0 there, 1 in 3.40), so the rewrite is
     * kept to values that cannot hold one.
     */
    private static boolean isPlainValue(Expr e) {
        return switch (e) {
            case Expr.Literal l -> true;
            case Expr.Variable v -> true;
            case Expr.Unary u when u.op() == Expr.UnaryOp.NEGATE || u.op() == Expr.UnaryOp.PLUS -> isPlainValue(u.operand());
            default -> false;
        };
    }

    private Expr between(Pos pos, boolean not, Expr left, int lh) {
        enter();
        Expr low = expr(OR, true);
        int h = Math.max(lh, height);
        expect(TokenType.AND);
        Expr high = expr(COMPARE);
        leave();
        return withHeight(new Expr.Between(pos, not, left, low, high), Math.max(h, height) + 1);
    }

    private Expr in(Pos pos, boolean not, Expr left, int lh) {
        if (accept(TokenType.LP)) {
            enter();
            Expr result;
            if (startsSelect()) {
                Select s = select();
                result = withHeight(new Expr.InSelect(pos, not, left, s), Math.max(lh, height) + 1);
            } else {
                List<Expr> values = at(TokenType.RP) ? List.of() : exprList();
                if (values.size() == 1 && isPlainValue(values.getFirst()) && !(left instanceof Expr.Row)) {
                    // x IN (c) is x == +c, as SQLite's parser makes it for a constant c: one
                    // comparison, its affinity x's as IN's is (the unary plus has none)
                    Expr plus = withHeight(new Expr.Unary(pos, Expr.UnaryOp.PLUS, values.getFirst()), height + 1);
                    Expr eq = withHeight(new Expr.Binary(pos, Expr.BinaryOp.EQ, left, plus), Math.max(lh, height) + 1);
                    result = not ? withHeight(new Expr.Unary(pos, Expr.UnaryOp.NOT, eq), height + 1) : eq;
                } else {
                    result = withHeight(new Expr.InList(pos, not, left, values), Math.max(lh, height) + 1);
                }
            }
            expect(TokenType.RP);
            leave();
            return result;
        }
        String first = nm();
        Name table = accept(TokenType.DOT) ? new Name(first, nm()) : Name.of(first);
        List<Expr> args = null;
        int h = lh;
        if (accept(TokenType.LP)) {
            enter();
            args = at(TokenType.RP) ? List.of() : exprList();
            h = Math.max(h, height);
            expect(TokenType.RP);
            leave();
        }
        return withHeight(new Expr.InTable(pos, not, left, table, args), h + 1);
    }

    /** True if the current token can begin a SELECT (SELECT, VALUES or WITH). */
    final boolean startsSelect() {
        TokenType t = peek();
        return t == TokenType.SELECT || t == TokenType.VALUES || t == TokenType.WITH;
    }

    /** One or more comma-separated expressions; leaves the greatest height in {@link #height}. */
    final List<Expr> exprList() {
        return exprListFrom(expr());
    }

    /** An expression list whose first expression, {@code first}, was just parsed. */
    private List<Expr> exprListFrom(Expr first) {
        List<Expr> list = new ArrayList<>(4);
        list.add(first);
        int h = height;
        while (accept(TokenType.COMMA)) {
            list.add(expr());
            h = Math.max(h, height);
        }
        height = h;
        return list;
    }

    // ---- prefix operators and primaries ----------------------------------------

    private Expr prefix() {
        Pos pos = pos();
        TokenType t = peek();
        UnaryOp op = switch (t) {
            case NOT -> UnaryOp.NOT;
            case MINUS -> UnaryOp.NEGATE;
            case PLUS -> UnaryOp.PLUS;
            case BITNOT -> UnaryOp.BITNOT;
            default -> null;
        };
        if (op == null) {
            return primary();
        }
        advance();
        enter();
        Expr operand = expr(op == UnaryOp.NOT ? NOT : UNARY);
        leave();
        return withHeight(new Expr.Unary(pos, op, operand), height + 1);
    }

    private Expr primary() {
        Pos pos = pos();
        TokenType t = peek();
        switch (t) {
            case INTEGER:
                return literal(pos, LiteralKind.INTEGER, text(advance()));
            case FLOAT:
                return literal(pos, LiteralKind.FLOAT, text(advance()));
            case STRING:
                if (at(TokenType.DOT, 1)) {
                    return columnRef(pos);
                }
                return literal(pos, LiteralKind.STRING, name(advance()));
            case BLOB: {
                int i = advance();
                return literal(pos, LiteralKind.BLOB, sql.substring(tokens.start(i) + 2, tokens.end(i) - 1));
            }
            case NULL:
                advance();
                return literal(pos, LiteralKind.NULL, "NULL");
            case CURRENT_TIME:
                advance();
                return literal(pos, LiteralKind.CURRENT_TIME, "CURRENT_TIME");
            case CURRENT_DATE:
                advance();
                return literal(pos, LiteralKind.CURRENT_DATE, "CURRENT_DATE");
            case CURRENT_TIMESTAMP:
                advance();
                return literal(pos, LiteralKind.CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP");
            case VARIABLE:
                return withHeight(new Expr.Variable(pos, text(advance())), 1);
            case LP:
                return parenthesized(pos);
            case CAST:
                return cast(pos);
            case CASE:
                return caseExpr(pos);
            case EXISTS:
                return exists(pos);
            case RAISE:
                return raise(pos);
            default:
                if (isId(t) || t.kind() == TokenType.Kind.JOIN) {
                    return at(TokenType.LP, 1) ? function(pos) : columnRef(pos);
                }
                throw error();
        }
    }

    private Expr literal(Pos pos, LiteralKind kind, String text) {
        return withHeight(new Expr.Literal(pos, kind, text), 1);
    }

    private Expr columnRef(Pos pos) {
        String a = nm();
        if (!accept(TokenType.DOT)) {
            return withHeight(new Expr.Column(pos, null, null, a), 1);
        }
        String b = nm();
        if (!accept(TokenType.DOT)) {
            return withHeight(new Expr.Column(pos, null, a, b), 1);
        }
        return withHeight(new Expr.Column(pos, a, b, nm()), 1);
    }

    private Expr parenthesized(Pos pos) {
        advance();
        enter();
        Expr result;
        if (startsSelect()) {
            result = subquery(pos, false);
        } else {
            // Most parentheses group one expression: no list is made for it.
            Expr first = expr();
            result = at(TokenType.COMMA)
                    ? withHeight(new Expr.Row(pos, List.copyOf(exprListFrom(first))), height + 1) : first;
        }
        expect(TokenType.RP);
        leave();
        return result;
    }

    /** A subquery body; its height is one more than the tallest expression inside it. */
    private Expr subquery(Pos pos, boolean exists) {
        int outer = selectHeight;
        selectHeight = 0;
        Select s = select();
        int inner = selectHeight;
        selectHeight = Math.max(outer, inner);
        Expr e = exists ? new Expr.Exists(pos, s) : new Expr.Subquery(pos, s);
        return withHeight(e, inner + 1);
    }

    private Expr exists(Pos pos) {
        advance();
        expect(TokenType.LP);
        enter();
        Expr e = subquery(pos, true);
        expect(TokenType.RP);
        leave();
        return e;
    }

    private Expr cast(Pos pos) {
        advance();
        expect(TokenType.LP);
        enter();
        Expr e = expr();
        int h = height;
        expect(TokenType.AS);
        TypeName type = typeName(); // may be absent: SQLite accepts CAST(x AS)
        expect(TokenType.RP);
        leave();
        return withHeight(new Expr.Cast(pos, e, type), h + 1);
    }

    private Expr caseExpr(Pos pos) {
        advance();
        enter();
        Expr base = at(TokenType.WHEN) ? null : expr();
        int h = base == null ? 0 : height;
        List<Expr.When> whens = new ArrayList<>();
        expect(TokenType.WHEN);
        do {
            Expr when = expr();
            h = Math.max(h, height);
            expect(TokenType.THEN);
            Expr then = expr();
            h = Math.max(h, height);
            whens.add(new Expr.When(when, then));
        } while (accept(TokenType.WHEN));
        Expr otherwise = null;
        if (accept(TokenType.ELSE)) {
            otherwise = expr();
            h = Math.max(h, height);
        }
        expect(TokenType.END);
        leave();
        return withHeight(new Expr.Case(pos, base, List.copyOf(whens), otherwise), h + 1);
    }

    private Expr raise(Pos pos) {
        advance();
        expect(TokenType.LP);
        Expr.RaiseKind kind = switch (peek()) {
            case IGNORE -> Expr.RaiseKind.IGNORE;
            case ROLLBACK -> Expr.RaiseKind.ROLLBACK;
            case ABORT -> Expr.RaiseKind.ABORT;
            case FAIL -> Expr.RaiseKind.FAIL;
            default -> throw error();
        };
        advance();
        Expr message = null;
        int h = 0;
        if (kind != Expr.RaiseKind.IGNORE) {
            expect(TokenType.COMMA);
            enter();
            message = expr();
            h = height;
            leave();
        }
        expect(TokenType.RP);
        return withHeight(new Expr.Raise(pos, kind, message), h + 1);
    }

    private Expr function(Pos pos) {
        String name = name(advance());
        advance(); // (
        enter();
        boolean distinct = false;
        boolean star = false;
        List<Expr> args = List.of();
        List<OrderingTerm> orderBy = List.of();
        int h = 0;
        if (accept(TokenType.STAR)) {
            star = true;
        } else if (!at(TokenType.RP)) {
            if (accept(TokenType.DISTINCT)) {
                distinct = true;
            } else {
                accept(TokenType.ALL);
            }
            args = List.copyOf(exprList());
            h = height;
            if (accept(TokenType.ORDER)) {
                expect(TokenType.BY);
                orderBy = orderingTerms();
                h = Math.max(h, height);
            }
        }
        expect(TokenType.RP);
        Expr filter = null;
        if (accept(TokenType.FILTER)) {
            expect(TokenType.LP);
            expect(TokenType.WHERE);
            filter = expr();
            h = Math.max(h, height);
            expect(TokenType.RP);
        }
        Window.Over over = null;
        if (accept(TokenType.OVER)) {
            over = at(TokenType.LP) ? windowSpec() : new Window.OverName(nm());
        }
        leave();
        return withHeight(new Expr.Function(pos, name, distinct, star, args, orderBy, filter, over), h + 1);
    }

    // ---- windows ------------------------------------------------------------

    /** {@code ( [base] [PARTITION BY …] [ORDER BY …] [frame] )}. */
    final Window.Spec windowSpec() {
        expect(TokenType.LP);
        String base = null;
        if (isNm(peek()) && !isFrameUnit(peek()) && peek() != TokenType.PARTITION) {
            base = nm();
        }
        List<Expr> partitionBy = List.of();
        if (accept(TokenType.PARTITION)) {
            expect(TokenType.BY);
            partitionBy = List.copyOf(exprList());
        }
        List<OrderingTerm> orderBy = List.of();
        if (accept(TokenType.ORDER)) {
            expect(TokenType.BY);
            orderBy = orderingTerms();
        }
        Window.Frame frame = isFrameUnit(peek()) ? frame() : null;
        expect(TokenType.RP);
        return new Window.Spec(base, partitionBy, orderBy, frame);
    }

    private static boolean isFrameUnit(TokenType t) {
        return t == TokenType.RANGE || t == TokenType.ROWS || t == TokenType.GROUPS;
    }

    private Window.Frame frame() {
        Window.Units units = switch (tokens.type(advance())) {
            case RANGE -> Window.Units.RANGE;
            case ROWS -> Window.Units.ROWS;
            default -> Window.Units.GROUPS;
        };
        Window.Bound start;
        Window.Bound end = null;
        if (accept(TokenType.BETWEEN)) {
            start = frameBound(true);
            expect(TokenType.AND);
            end = frameBound(false);
        } else {
            start = frameBound(true);
        }
        Window.Exclude exclude = null;
        if (accept(TokenType.EXCLUDE)) {
            if (accept(TokenType.NO)) {
                expect(TokenType.OTHERS);
                exclude = Window.Exclude.NO_OTHERS;
            } else if (accept(TokenType.CURRENT)) {
                expect(TokenType.ROW);
                exclude = Window.Exclude.CURRENT_ROW;
            } else if (accept(TokenType.GROUP)) {
                exclude = Window.Exclude.GROUP;
            } else {
                expect(TokenType.TIES);
                exclude = Window.Exclude.TIES;
            }
        }
        return new Window.Frame(units, start, end, exclude);
    }

    /**
     * A frame bound. A leading UNBOUNDED is always the keyword (as in SQLite's
     * grammar): PRECEDING must follow it in a start bound, FOLLOWING in an end bound.
     */
    private Window.Bound frameBound(boolean start) {
        if (accept(TokenType.UNBOUNDED)) {
            expect(start ? TokenType.PRECEDING : TokenType.FOLLOWING);
            return new Window.Bound(start ? Window.BoundKind.UNBOUNDED_PRECEDING
                    : Window.BoundKind.UNBOUNDED_FOLLOWING, null);
        }
        if (at(TokenType.CURRENT) && at(TokenType.ROW, 1)) {
            p += 2;
            return new Window.Bound(Window.BoundKind.CURRENT_ROW, null);
        }
        Expr offset = expr(NOT);
        if (accept(TokenType.PRECEDING)) {
            return new Window.Bound(Window.BoundKind.PRECEDING, offset);
        }
        return new Window.Bound(followingThen(Window.BoundKind.FOLLOWING), offset);
    }

    private Window.BoundKind followingThen(Window.BoundKind kind) {
        expect(TokenType.FOLLOWING);
        return kind;
    }

    // ---- type names ------------------------------------------------------------

    /** SQLite's {@code typetoken}: words, then optional {@code (n)} or {@code (n, m)}; null if absent. */
    final TypeName typeName() {
        StringBuilder words = null;
        while (isIds(peek())) {
            if (words == null) {
                words = new StringBuilder();
            } else {
                words.append(' ');
            }
            words.append(text(advance()));
        }
        if (words == null) {
            return null;
        }
        List<String> args = List.of();
        if (accept(TokenType.LP)) {
            String first = signedNumber();
            args = accept(TokenType.COMMA) ? List.of(first, signedNumber()) : List.of(first);
            expect(TokenType.RP);
        }
        return new TypeName(words.toString(), args);
    }

    /** {@code [+|-] INTEGER|FLOAT}, as written (sign attached). */
    final String signedNumber() {
        String sign = accept(TokenType.MINUS) ? "-" : accept(TokenType.PLUS) ? "+" : "";
        if (!at(TokenType.INTEGER) && !at(TokenType.FLOAT)) {
            throw error();
        }
        return sign + text(advance());
    }
}
