package io.turso4j.sql.ast;

import java.util.List;

/**
 * A SELECT statement (lang_select.html), also used for subqueries, views,
 * INSERT sources and VALUES lists.
 *
 * @param with null when there is no WITH clause
 * @param orderBy empty when not written
 * @param limit null when not written
 */
public record Select(Pos pos, With with, Body body, List<OrderingTerm> orderBy, Limit limit) implements Stmt {

    /** {@code WITH [RECURSIVE] cte, …}. */
    public record With(boolean recursive, List<Cte> ctes) {}

    public enum Materialized { MATERIALIZED, NOT_MATERIALIZED }

    /** {@code name [(columns)] AS [[NOT] MATERIALIZED] (select)}; {@code materialized} may be null. */
    public record Cte(String name, List<String> columns, Materialized materialized, Select select) {}

    /** LIMIT and OFFSET; {@code LIMIT a, b} is stored as limit b, offset a. {@code offset} may be null. */
    public record Limit(Expr limit, Expr offset) {}

    /** The part of a SELECT before ORDER BY: one core, VALUES, or a compound of them. */
    public sealed interface Body {}

    /**
     * {@code SELECT [DISTINCT] columns [FROM] [WHERE] [GROUP BY [HAVING]] [WINDOW]}.
     * {@code from}, {@code where}, {@code having} may be null; lists are empty when absent.
     */
    public record Core(boolean distinct, List<ResultColumn> columns, From from, Expr where,
                       List<Expr> groupBy, Expr having, List<Window.Definition> windows) implements Body {}

    /** {@code VALUES (…), (…)}. */
    public record Values(List<List<Expr>> rows) implements Body {}

    public enum CompoundOp { UNION, UNION_ALL, INTERSECT, EXCEPT }

    /** {@code left op right}; compounds associate to the left, so {@code right} is never a Compound. */
    public record Compound(Body left, CompoundOp op, Body right) implements Body {}

    /** One entry in the result column list. */
    public sealed interface ResultColumn {}

    public record Star() implements ResultColumn {}

    public record TableStar(String table) implements ResultColumn {}

    /** {@code expr [AS alias]}; {@code alias} may be null. */
    public record ExprColumn(Expr expr, String alias) implements ResultColumn {}

    /** A FROM clause: the first table and the joins that follow it. */
    public record From(TableRef first, List<Join> joins) {}

    /** {@code op table [ON expr | USING (cols)]}; {@code constraint} may be null. */
    public record Join(JoinOp op, TableRef table, JoinConstraint constraint) {}

    public enum JoinKind { COMMA, PLAIN, INNER, CROSS, LEFT, RIGHT, FULL }

    /** A join operator; OUTER is implied by LEFT/RIGHT/FULL and not kept. */
    public record JoinOp(boolean natural, JoinKind kind) {}

    public sealed interface JoinConstraint {}

    public record On(Expr expr) implements JoinConstraint {}

    public record Using(List<String> columns) implements JoinConstraint {}

    /** Something in a FROM clause. Aliases may be null. */
    public sealed interface TableRef {}

    /**
     * A named table. {@code indexedBy} is the index name for INDEXED BY, the empty
     * string for NOT INDEXED, or null.
     */
    public record Table(Name name, String alias, String indexedBy) implements TableRef {}

    /** A table-valued function {@code name(args)}. */
    public record TableFunction(Name name, List<Expr> args, String alias) implements TableRef {}

    public record SubqueryTable(Select select, String alias) implements TableRef {}

    /** A parenthesized join {@code (a JOIN b)}. */
    public record Nested(From from, String alias) implements TableRef {}
}
