package io.turso4j.cli;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.DatabaseOptions;
import io.turso4j.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link SqlSession} over turso4j's public API: one {@link Database} and one {@link
 * Connection}. Statements are stepped with the blocking {@link Statement#next()}, which awaits
 * I/O on the calling thread (the shell runs on one thread and has nothing else to do).
 */
final class EngineSession implements SqlSession {
    private final Database database;
    private final Connection connection;

    private EngineSession(Database database, Connection connection) {
        this.database = database;
        this.connection = connection;
    }

    /** Opens {@code path} (":memory:" for a private in-memory database) on backend {@code io}, or the default when null. */
    static EngineSession open(String path, String io) {
        DatabaseOptions options = DatabaseOptions.defaults().withIo(io);
        Database database = Database.open(path, options);
        try {
            return new EngineSession(database, database.connect());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public PreparedSql prepare(String sql) {
        Statement statement = connection.prepare(sql);
        return statement == null ? null : new EnginePrepared(statement);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            database.close();
        }
    }

    private static final class EnginePrepared implements PreparedSql {
        private final Statement statement;

        EnginePrepared(Statement statement) {
            this.statement = statement;
        }

        @Override
        public String tail() {
            return statement.tail();
        }

        @Override
        public List<String> columnNames() {
            int n = statement.columnCount();
            List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                names.add(statement.columnName(i));
            }
            return names;
        }

        @Override
        public Object[] nextRow() {
            if (!statement.next()) {
                return null;
            }
            Object[] row = new Object[statement.columnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = statement.getObject(i);
            }
            return row;
        }

        @Override
        public void close() {
            statement.close();
        }
    }
}
