package io.turso4j.cli;

import java.util.function.Supplier;

/**
 * Runs a piece of SQL text the way sqlite3's {@code shell_exec} does: prepare the first
 * statement, print its rows in the current output mode, go on with the tail, and stop at the
 * first failure (later statements of the same text do not run). Any exception the engine throws
 * is reported as a failure of its phase rather than ending the shell. Owned by the shell's one
 * thread.
 */
final class SqlRunner {
    private final Supplier<SqlSession> session;
    private final OutputSettings settings;
    private final ShellOutput out;

    /** {@code session} is asked for the database before each statement (it may open it then). */
    SqlRunner(Supplier<SqlSession> session, OutputSettings settings, ShellOutput out) {
        this.session = session;
        this.settings = settings;
        this.out = out;
    }

    /** Runs every statement of {@code sql}; the first failure, or null if all succeeded. */
    SqlFailure run(String sql) {
        String rest = AsciiSpace.stripLeading(sql);
        while (!rest.isEmpty()) {
            PreparedSql statement;
            SqlSession db = session.get();
            try {
                statement = db.prepare(rest);
            } catch (RuntimeException e) {
                return SqlFailure.prepare(e, rest);
            }
            if (statement == null) {
                return null;
            }
            ExplainKind kind = ExplainKind.of(rest);
            if (settings.eqp() && kind == ExplainKind.NONE) {
                queryPlan(db, rest.substring(0, rest.length() - statement.tail().length()));
            }
            SqlFailure failure = print(statement, kind);
            try {
                statement.close();
            } catch (RuntimeException e) {
                failure = failure != null ? failure : SqlFailure.step(e);
            }
            if (failure != null) {
                return failure;
            }
            rest = AsciiSpace.stripLeading(statement.tail());
        }
        return null;
    }

    /** {@code .eqp on}: the plan of {@code sql} (one statement), printed as EXPLAIN QUERY PLAN prints it; nothing if none. */
    private void queryPlan(SqlSession db, String sql) {
        PreparedSql plan;
        try {
            plan = db.prepare("EXPLAIN QUERY PLAN " + sql);
        } catch (RuntimeException e) {
            return; // sqlite3 shows no plan for a statement it cannot explain
        }
        if (plan != null) {
            try (plan) {
                print(plan, ExplainKind.QUERY_PLAN);
            } catch (RuntimeException e) {
                // as above
            }
        }
    }

    /** Prints the statement's rows; a failure of the engine's, or null. Output errors propagate. */
    private SqlFailure print(PreparedSql statement, ExplainKind kind) {
        ResultFormatter formatter;
        try {
            formatter = ResultFormatter.create(settings, out, statement.columnNames(), kind);
        } catch (RuntimeException e) {
            return SqlFailure.step(e);
        }
        while (true) {
            Object[] row;
            try {
                row = statement.nextRow();
            } catch (RuntimeException e) {
                formatter.finish();
                return SqlFailure.step(e);
            }
            if (row == null) {
                formatter.finish();
                return null;
            }
            byte[][] cells = new byte[row.length][];
            for (int i = 0; i < row.length; i++) {
                cells[i] = CellText.of(row[i]);
            }
            formatter.row(row, cells);
        }
    }
}
