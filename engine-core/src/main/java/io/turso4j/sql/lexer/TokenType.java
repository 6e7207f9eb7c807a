package io.turso4j.sql.lexer;

/**
 * Token types: punctuation, literals, and SQLite's 147 keywords (mkkeywordhash.c).
 *
 * <p>Each keyword records how it behaves where a name is expected, following
 * parse.y's {@code %fallback ID} list: {@link Kind#FALLBACK} keywords may be
 * used as identifiers wherever the keyword itself would be a syntax error
 * (a column named {@code key} or {@code replace}); {@link Kind#JOIN}
 * keywords (SQLite's JOIN_KW) are accepted as plain names ({@code nm}) but not
 * as aliases; {@link Kind#RESERVED} keywords must be quoted to be names.
 * WINDOW, OVER and FILTER are keywords only in the contexts the lexer
 * recognises (see {@link Lexer}), where they are reserved; elsewhere they
 * arrive as {@link #ID}.
 */
public enum TokenType {
    // Literals, names and markers.
    ID(Kind.OTHER), STRING(Kind.OTHER), INTEGER(Kind.OTHER), FLOAT(Kind.OTHER), BLOB(Kind.OTHER),
    VARIABLE(Kind.OTHER),
    /** Text SQLite's tokenizer rejects (unterminated string, stray character, {@code 12ab}). */
    ILLEGAL(Kind.OTHER),
    /** End of input; has empty text, which is what makes the error "incomplete input". */
    EOF(Kind.OTHER),

    // Punctuation and operators.
    SEMI(Kind.OTHER), LP(Kind.OTHER), RP(Kind.OTHER), COMMA(Kind.OTHER), DOT(Kind.OTHER),
    PLUS(Kind.OTHER), MINUS(Kind.OTHER), STAR(Kind.OTHER), SLASH(Kind.OTHER), REM(Kind.OTHER),
    CONCAT(Kind.OTHER),
    /** {@code ->} */
    PTR(Kind.OTHER),
    /** {@code ->>} */
    PTR2(Kind.OTHER),
    EQ(Kind.OTHER), NE(Kind.OTHER), LT(Kind.OTHER), LE(Kind.OTHER), GT(Kind.OTHER), GE(Kind.OTHER),
    BITAND(Kind.OTHER), BITOR(Kind.OTHER), BITNOT(Kind.OTHER), LSHIFT(Kind.OTHER), RSHIFT(Kind.OTHER),

    // Keywords, alphabetically.
    ABORT(Kind.FALLBACK),
    ACTION(Kind.FALLBACK),
    ADD(Kind.RESERVED),
    AFTER(Kind.FALLBACK),
    ALL(Kind.RESERVED),
    ALTER(Kind.RESERVED),
    ALWAYS(Kind.FALLBACK),
    ANALYZE(Kind.FALLBACK),
    AND(Kind.RESERVED),
    AS(Kind.RESERVED),
    ASC(Kind.FALLBACK),
    ATTACH(Kind.FALLBACK),
    AUTOINCREMENT(Kind.RESERVED),
    BEFORE(Kind.FALLBACK),
    BEGIN(Kind.FALLBACK),
    BETWEEN(Kind.RESERVED),
    BY(Kind.FALLBACK),
    CASCADE(Kind.FALLBACK),
    CASE(Kind.RESERVED),
    CAST(Kind.FALLBACK),
    CHECK(Kind.RESERVED),
    COLLATE(Kind.RESERVED),
    COLUMN(Kind.FALLBACK),
    COMMIT(Kind.RESERVED),
    CONFLICT(Kind.FALLBACK),
    CONSTRAINT(Kind.RESERVED),
    CREATE(Kind.RESERVED),
    CROSS(Kind.JOIN),
    CURRENT(Kind.FALLBACK),
    CURRENT_DATE(Kind.FALLBACK),
    CURRENT_TIME(Kind.FALLBACK),
    CURRENT_TIMESTAMP(Kind.FALLBACK),
    DATABASE(Kind.FALLBACK),
    DEFAULT(Kind.RESERVED),
    DEFERRABLE(Kind.RESERVED),
    DEFERRED(Kind.FALLBACK),
    DELETE(Kind.RESERVED),
    DESC(Kind.FALLBACK),
    DETACH(Kind.FALLBACK),
    DISTINCT(Kind.RESERVED),
    DO(Kind.FALLBACK),
    DROP(Kind.RESERVED),
    EACH(Kind.FALLBACK),
    ELSE(Kind.RESERVED),
    END(Kind.FALLBACK),
    ESCAPE(Kind.RESERVED),
    EXCEPT(Kind.RESERVED),
    EXCLUDE(Kind.FALLBACK),
    EXCLUSIVE(Kind.FALLBACK),
    EXISTS(Kind.RESERVED),
    EXPLAIN(Kind.FALLBACK),
    FAIL(Kind.FALLBACK),
    FILTER(Kind.RESERVED),
    FIRST(Kind.FALLBACK),
    FOLLOWING(Kind.FALLBACK),
    FOR(Kind.FALLBACK),
    FOREIGN(Kind.RESERVED),
    FROM(Kind.RESERVED),
    FULL(Kind.JOIN),
    GENERATED(Kind.FALLBACK),
    GLOB(Kind.FALLBACK),
    GROUP(Kind.RESERVED),
    GROUPS(Kind.FALLBACK),
    HAVING(Kind.RESERVED),
    IF(Kind.FALLBACK),
    IGNORE(Kind.FALLBACK),
    IMMEDIATE(Kind.FALLBACK),
    IN(Kind.RESERVED),
    INDEX(Kind.RESERVED),
    INDEXED(Kind.RESERVED),
    INITIALLY(Kind.FALLBACK),
    INNER(Kind.JOIN),
    INSERT(Kind.RESERVED),
    INSTEAD(Kind.FALLBACK),
    INTERSECT(Kind.RESERVED),
    INTO(Kind.RESERVED),
    IS(Kind.RESERVED),
    ISNULL(Kind.RESERVED),
    JOIN(Kind.RESERVED),
    KEY(Kind.FALLBACK),
    LAST(Kind.FALLBACK),
    LEFT(Kind.JOIN),
    LIKE(Kind.FALLBACK),
    LIMIT(Kind.RESERVED),
    MATCH(Kind.FALLBACK),
    MATERIALIZED(Kind.FALLBACK),
    NATURAL(Kind.JOIN),
    NO(Kind.FALLBACK),
    NOT(Kind.RESERVED),
    NOTHING(Kind.RESERVED),
    NOTNULL(Kind.RESERVED),
    NULL(Kind.RESERVED),
    NULLS(Kind.FALLBACK),
    OF(Kind.FALLBACK),
    OFFSET(Kind.FALLBACK),
    ON(Kind.RESERVED),
    OR(Kind.RESERVED),
    ORDER(Kind.RESERVED),
    OTHERS(Kind.FALLBACK),
    OUTER(Kind.JOIN),
    OVER(Kind.RESERVED),
    PARTITION(Kind.FALLBACK),
    PLAN(Kind.FALLBACK),
    PRAGMA(Kind.FALLBACK),
    PRECEDING(Kind.FALLBACK),
    PRIMARY(Kind.RESERVED),
    QUERY(Kind.FALLBACK),
    RAISE(Kind.FALLBACK),
    RANGE(Kind.FALLBACK),
    RECURSIVE(Kind.FALLBACK),
    REFERENCES(Kind.RESERVED),
    REGEXP(Kind.FALLBACK),
    REINDEX(Kind.FALLBACK),
    RELEASE(Kind.FALLBACK),
    RENAME(Kind.FALLBACK),
    REPLACE(Kind.FALLBACK),
    RESTRICT(Kind.FALLBACK),
    RETURNING(Kind.RESERVED),
    RIGHT(Kind.JOIN),
    ROLLBACK(Kind.FALLBACK),
    ROW(Kind.FALLBACK),
    ROWS(Kind.FALLBACK),
    SAVEPOINT(Kind.FALLBACK),
    SELECT(Kind.RESERVED),
    SET(Kind.RESERVED),
    TABLE(Kind.RESERVED),
    TEMP(Kind.FALLBACK),
    TEMPORARY(Kind.FALLBACK),
    THEN(Kind.RESERVED),
    TIES(Kind.FALLBACK),
    TO(Kind.RESERVED),
    TRANSACTION(Kind.RESERVED),
    TRIGGER(Kind.FALLBACK),
    UNBOUNDED(Kind.FALLBACK),
    UNION(Kind.RESERVED),
    UNIQUE(Kind.RESERVED),
    UPDATE(Kind.RESERVED),
    USING(Kind.RESERVED),
    VACUUM(Kind.FALLBACK),
    VALUES(Kind.RESERVED),
    VIEW(Kind.FALLBACK),
    VIRTUAL(Kind.FALLBACK),
    WHEN(Kind.RESERVED),
    WHERE(Kind.RESERVED),
    WINDOW(Kind.RESERVED),
    WITH(Kind.FALLBACK),
    WITHOUT(Kind.FALLBACK);

    /** How a token type may serve as a name. */
    public enum Kind {
        /** Not a keyword. */
        OTHER,
        /** Keyword that falls back to ID where the keyword cannot appear. */
        FALLBACK,
        /** CROSS, FULL, INNER, LEFT, NATURAL, OUTER, RIGHT: names, but not aliases. */
        JOIN,
        /** Keyword that can never be an unquoted name. */
        RESERVED
    }

    private final Kind kind;

    TokenType(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isKeyword() {
        return kind != Kind.OTHER;
    }
}
