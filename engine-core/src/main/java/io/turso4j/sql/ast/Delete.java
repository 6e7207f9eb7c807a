package io.turso4j.sql.ast;

import java.util.List;

/**
 * DELETE (lang_delete.html). Nullable: {@code with}, {@code where}, {@code limit}.
 */
public record Delete(Pos pos, Select.With with, Update.QualifiedTable table, Expr where,
                     List<Select.ResultColumn> returning, List<OrderingTerm> orderBy, Select.Limit limit)
        implements Stmt {}
