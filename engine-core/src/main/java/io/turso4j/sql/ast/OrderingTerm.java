package io.turso4j.sql.ast;

/**
 * One term of an ORDER BY, index column list, or PRIMARY KEY/UNIQUE column list:
 * {@code expr [ASC|DESC] [NULLS FIRST|LAST]}. A COLLATE is part of {@code expr}.
 *
 * @param order null when not written
 * @param nulls null when not written
 */
public record OrderingTerm(Expr expr, SortOrder order, NullsOrder nulls) {
    public enum SortOrder { ASC, DESC }

    public enum NullsOrder { FIRST, LAST }
}
