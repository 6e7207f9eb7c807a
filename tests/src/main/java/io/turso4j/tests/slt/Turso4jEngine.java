package io.turso4j.tests.slt;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.DatabaseOptions;
import io.turso4j.Statement;
import io.turso4j.error.SqliteException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * turso4j under test: each database is a private {@code :memory:} database reached through the
 * public API ({@link Database}, {@link Connection}, {@link Statement}), stepped with the
 * blocking {@link Statement#next()}.
 *
 * <p>Storage classes come from {@link Statement#getObject(int)} (Long, Double, String, byte[] or
 * null). turso4j has no way yet to interrupt a running statement, so {@link
 * SltDatabase#interrupt()} is the no-op default: a file that overruns its limit is reported as
 * timed out, and its thread runs on until the statement ends.
 */
public final class Turso4jEngine implements SltEngine {

    @Override
    public String name() {
        return "turso4j";
    }

    @Override
    public SltDatabase openDatabase() throws SltEngineException {
        try {
            Database db = Database.open(":memory:", DatabaseOptions.defaults());
            return new Turso4jDatabase(db, db.connect());
        } catch (SqliteException e) {
            throw new SltEngineException("cannot open an in-memory turso4j database: " + e.getMessage(), e);
        }
    }

    /** One connection; used by one thread. */
    private static final class Turso4jDatabase implements SltDatabase {
        private final Database database;
        private final Connection connection;

        Turso4jDatabase(Database database, Connection connection) {
            this.database = database;
            this.connection = connection;
        }

        @Override
        public void execute(String sql) throws SltEngineException {
            try {
                connection.execute(sql);
            } catch (SqliteException e) {
                throw new SltEngineException(e.getMessage(), e);
            }
        }

        @Override
        public void executeScript(String script) throws SltEngineException {
            execute(script);
        }

        @Override
        public QueryOutcome query(String sql) {
            Statement statement;
            try {
                statement = connection.prepare(sql);
            } catch (SqliteException e) {
                return new QueryOutcome.PrepareFailed(e.getMessage());
            }
            if (statement == null) {
                return new QueryOutcome.PrepareFailed("not a statement: " + sql);
            }
            int columnCount = statement.columnCount();
            List<SqlValue[]> rows = new ArrayList<>();
            String stepError = null;
            try (statement) {
                while (statement.next()) {
                    rows.add(readRow(statement, columnCount));
                }
            } catch (SqliteException e) {
                stepError = e.getMessage();
            }
            return new QueryOutcome.Rows(columnCount, rows, stepError);
        }

        private static SqlValue[] readRow(Statement s, int columnCount) {
            SqlValue[] row = new SqlValue[columnCount];
            for (int i = 0; i < columnCount; i++) {
                row[i] = switch (s.getObject(i)) {
                    case null -> SqlValue.NULL;
                    case Long v -> SqlValue.ofLong(v);
                    case Double v -> SqlValue.ofDouble(v);
                    case String v -> new SqlValue.TextValue(v.getBytes(StandardCharsets.UTF_8));
                    case byte[] v -> new SqlValue.BlobValue(v);
                    case Object o -> throw new IllegalStateException("unexpected value class from turso4j: " + o.getClass());
                };
            }
            return row;
        }

        @Override
        public void close() throws SltEngineException {
            try {
                connection.close();
                database.close();
            } catch (SqliteException e) {
                throw new SltEngineException("closing the database failed: " + e.getMessage(), e);
            }
        }
    }
}
