package io.turso4j.sql.ast;

import java.util.List;

/**
 * An expression (sqlite.org/lang_expr.html). Immutable; lists are unmodifiable.
 * Nullable components are documented per record. Parentheses leave no trace:
 * {@code (a)} is {@code a}, as in SQLite's parser.
 */
public sealed interface Expr {
    Pos pos();

    /** Kinds of literal value. */
    enum LiteralKind { INTEGER, FLOAT, STRING, BLOB, NULL, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP }

    /**
     * A literal. {@code text} is the source spelling for numbers ({@code 0x1F},
     * {@code 1e5}, {@code 1_000}), the unescaped value for strings, the hex digits
     * for blobs, and the keyword for NULL and CURRENT_*.
     *
     * <p>Equality is the record's (all positions are equal), written out: code generation keys
     * its run-once constants by literal, and a record's generated methods are slow until compiled.
     */
    record Literal(Pos pos, LiteralKind kind, String text) implements Expr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Literal l && l.kind == kind && java.util.Objects.equals(l.text, text)
                    && pos.equals(l.pos);
        }

        @Override
        public int hashCode() {
            return 31 * kind.hashCode() + java.util.Objects.hashCode(text);
        }
    }

    /** A parameter, as written: {@code ?}, {@code ?3}, {@code :name}, {@code @name}, {@code $name}. */
    record Variable(Pos pos, String name) implements Expr {}

    /** A column (or bare name, resolved later): {@code schema} and {@code table} may be null. */
    record Column(Pos pos, String schema, String table, String column) implements Expr {}

    enum UnaryOp { NEGATE, PLUS, BITNOT, NOT }

    record Unary(Pos pos, UnaryOp op, Expr operand) implements Expr {}

    /**
     * Binary operators. {@code ==} is EQ and {@code <>} is NE; IS DISTINCT FROM is
     * IS_NOT and IS NOT DISTINCT FROM is IS, as SQLite's parser rewrites them.
     */
    enum BinaryOp {
        OR("OR"), AND("AND"), EQ("="), NE("!="), IS("IS"), IS_NOT("IS NOT"), LT("<"), LE("<="), GT(">"),
        GE(">="), BITAND("&"), BITOR("|"), LSHIFT("<<"), RSHIFT(">>"), ADD("+"), SUB("-"), MUL("*"),
        DIV("/"), MOD("%"), CONCAT("||"), JSON_PTR("->"), JSON_PTR_TEXT("->>");

        private final String sql;

        BinaryOp(String sql) {
            this.sql = sql;
        }

        /** The operator as written in SQL (the canonical spelling where there are two). */
        public String sql() {
            return sql;
        }
    }

    record Binary(Pos pos, BinaryOp op, Expr left, Expr right) implements Expr {}

    enum LikeOp { LIKE, GLOB, REGEXP, MATCH }

    /** {@code left [NOT] LIKE pattern [ESCAPE escape]}; {@code escape} may be null. */
    record Like(Pos pos, LikeOp op, boolean not, Expr left, Expr pattern, Expr escape) implements Expr {}

    record Between(Pos pos, boolean not, Expr expr, Expr low, Expr high) implements Expr {}

    /** {@code expr [NOT] IN (values)}; {@code values} may be empty. */
    record InList(Pos pos, boolean not, Expr expr, List<Expr> values) implements Expr {}

    record InSelect(Pos pos, boolean not, Expr expr, Select select) implements Expr {}

    /** {@code expr [NOT] IN table} or {@code IN tablefunc(args)}; {@code args} is null without parentheses. */
    record InTable(Pos pos, boolean not, Expr expr, Name table, List<Expr> args) implements Expr {}

    /** {@code expr ISNULL} ({@code not} false) or {@code expr NOTNULL} / {@code expr NOT NULL} ({@code not} true). */
    record NullTest(Pos pos, boolean not, Expr expr) implements Expr {}

    record Collate(Pos pos, Expr expr, String collation) implements Expr {}

    /** {@code CAST(expr AS type)}; {@code type} is null for SQLite's {@code CAST(x AS)}. */
    record Cast(Pos pos, Expr expr, TypeName type) implements Expr {}

    /** {@code CASE [base] WHEN … THEN … [ELSE otherwise] END}; {@code base}, {@code otherwise} may be null. */
    record Case(Pos pos, Expr base, List<When> whens, Expr otherwise) implements Expr {}

    record When(Expr when, Expr then) {}

    record Exists(Pos pos, Select select) implements Expr {}

    /** A scalar subquery {@code (SELECT …)}. */
    record Subquery(Pos pos, Select select) implements Expr {}

    /**
     * A function call. {@code star} is {@code f(*)}; {@code orderBy} is the
     * aggregate's ORDER BY (empty if none); {@code filter} and {@code over} may be null.
     */
    record Function(Pos pos, String name, boolean distinct, boolean star, List<Expr> args,
                    List<OrderingTerm> orderBy, Expr filter, Window.Over over) implements Expr {}

    enum RaiseKind { IGNORE, ROLLBACK, ABORT, FAIL }

    /** {@code RAISE(kind[, message])}; {@code message} is null for IGNORE. */
    record Raise(Pos pos, RaiseKind kind, Expr message) implements Expr {}

    /** A row value {@code (a, b, …)} of two or more expressions. */
    record Row(Pos pos, List<Expr> values) implements Expr {}
}
