package io.turso4j.tests.slt;

import io.turso4j.Connection;
import io.turso4j.Database;
import io.turso4j.Statement;
import io.turso4j.error.SqliteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload {@code ./slt}'s AOT cache is trained on (JDK 25, JEP 483/514/515): the shell
 * test scripts ({@code tests/src/test/resources/shell/*.sql}), each on a fresh in-memory
 * database, statement by statement, every row's values read as the runner reads them. Those
 * scripts are a fixed workload written to test the shell, not the sqllogictest corpus the runner
 * then runs. The cache holds the classes they load and link and the methods' profiles, so the
 * first query of each kind in a run neither loads classes nor waits as long for the JIT.
 *
 * <p>Dot commands are left out; a statement that fails (some scripts fail on purpose) is skipped
 * up to its next semicolon. Prints nothing. One thread.
 */
public final class AotTraining {
    private AotTraining() {}

    /** {@code args[0]}: the folder of {@code .sql} scripts. */
    public static void main(String[] args) throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path script : scripts) {
            run(Files.readAllLines(script));
        }
    }

    /** Runs one script's lines on a fresh database; returns how many statements ran to their end. */
    static int run(List<String> lines) {
        return runSql(withoutDotCommands(lines));
    }

    private static String withoutDotCommands(List<String> lines) {
        StringBuilder sql = new StringBuilder();
        for (String line : lines) {
            if (!line.startsWith(".")) {
                sql.append(line).append('\n');
            }
        }
        return sql.toString();
    }

    private static int runSql(String sql) {
        int completed = 0;
        try (Database database = Database.open(":memory:"); Connection connection = database.connect()) {
            String rest = sql;
            while (!rest.isBlank()) {
                try (Statement statement = connection.prepare(rest)) {
                    if (statement == null) {
                        break;
                    }
                    rest = statement.tail();
                    completed += readAll(statement) ? 1 : 0;
                } catch (SqliteException failed) {
                    int semicolon = rest.indexOf(';');
                    if (semicolon < 0) {
                        break;
                    }
                    rest = rest.substring(semicolon + 1);
                }
            }
        }
        return completed;
    }

    /** Steps the statement to its end, reading every value; false if it failed. */
    private static boolean readAll(Statement statement) {
        try {
            while (statement.next()) {
                for (int i = 0; i < statement.columnCount(); i++) {
                    statement.getObject(i);
                }
            }
            return true;
        } catch (SqliteException failedStep) {
            return false; // a script's deliberate error: the statement's text is already behind us
        }
    }
}
