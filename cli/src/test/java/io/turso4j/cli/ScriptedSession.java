package io.turso4j.cli;

import io.turso4j.error.ResultCode;
import io.turso4j.error.SqliteException;
import io.turso4j.sql.lexer.StatementSplitter;

import java.util.ArrayList;
import java.util.List;

/**
 * Test double of {@link SqlSession} that understands three statements and records what it was
 * asked: {@code rows N;} returns N rows (column {@code n}, values 1..N); {@code boom;} fails in
 * prepare with a plain (non-SQLite) exception, as an engine bug would; {@code fail_step;} fails
 * while stepping with a CONSTRAINT error after one row. Anything else fails in prepare with
 * {@code no such table: x}.
 */
final class ScriptedSession implements SqlSession {
    final List<String> prepared = new ArrayList<>();
    boolean closed;

    @Override
    public PreparedSql prepare(String sql) {
        List<String> statements = StatementSplitter.split(sql);
        if (statements.isEmpty()) {
            return null;
        }
        String first = statements.getFirst();
        String tail = sql.substring(sql.indexOf(first) + first.length());
        prepared.add(first);
        String body = (first.endsWith(";") ? first.substring(0, first.length() - 1) : first).strip().replaceAll("\\s+", " ");
        if (body.startsWith("rows ")) {
            return new Rows(tail, Integer.parseInt(body.substring(5)), false);
        } else if (body.equals("fail_step")) {
            return new Rows(tail, 1, true);
        } else if (body.equals("boom")) {
            throw new IllegalStateException("engine bug");
        }
        throw new SqliteException(ResultCode.ERROR, "no such table: x");
    }

    @Override
    public void close() {
        closed = true;
    }

    private static final class Rows implements PreparedSql {
        private final String tail;
        private final int count;
        private final boolean failAfter;
        private int next = 1;

        Rows(String tail, int count, boolean failAfter) {
            this.tail = tail;
            this.count = count;
            this.failAfter = failAfter;
        }

        @Override
        public String tail() {
            return tail;
        }

        @Override
        public List<String> columnNames() {
            return List.of("n");
        }

        @Override
        public Object[] nextRow() {
            if (next > count) {
                if (failAfter) {
                    throw new SqliteException(ResultCode.CONSTRAINT_UNIQUE, "UNIQUE constraint failed: t.a");
                }
                return null;
            }
            return new Object[] {(long) next++};
        }

        @Override
        public void close() {}
    }
}
