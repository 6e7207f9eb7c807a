package io.turso4j.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code .dump ?--data-only? ?--nosys? ?--newlines? ?PATTERN...?}: the database as SQL text that rebuilds it,
 * as sqlite3 3.40 writes it — {@code PRAGMA foreign_keys=OFF;} and {@code BEGIN TRANSACTION;},
 * then each table (in schema order, {@code sqlite_sequence} last) as its CREATE statement and
 * one {@code INSERT INTO t VALUES(…);} per row (insert mode's literals, {@link SqlLiteral}),
 * then the indexes, triggers and views, then {@code COMMIT;}. {@code sqlite_sequence} is
 * emptied before its rows are inserted, {@code sqlite_stat} tables are recreated by {@code
 * ANALYZE sqlite_schema}; other internal tables are left out. Patterns are LIKE patterns
 * ({@code \} escapes) matched against each object's own name — so, as in sqlite3, an index is
 * dumped only if its name matches. Owned by the shell's one thread.
 */
final class DumpCommand {
    private final ShellState state;
    private final SchemaCommands schema;

    DumpCommand(ShellState state, SchemaCommands schema) {
        this.state = state;
        this.schema = schema;
    }

    DotCommands.Result run(List<String> args) {
        boolean dataOnly = false;
        boolean noSystem = false;
        boolean newlines = false;
        List<String> patterns = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("-")) {
                patterns.add(a);
                continue;
            }
            String option = a.startsWith("--") ? a.substring(2) : a.substring(1);
            switch (option) {
                case "data-only" -> dataOnly = true;
                case "nosys" -> noSystem = true;
                case "newlines" -> newlines = true;
                case "preserve-rowids" -> {
                    state.error("Error: .dump " + a + " is not supported yet");
                    return DotCommands.Result.ERROR;
                }
                default -> {
                    state.error("Unknown option \"" + a + "\" on \".dump\"");
                    return DotCommands.Result.ERROR;
                }
            }
        }
        List<SchemaCommands.Entry> entries = schema.load();
        if (entries == null) {
            return DotCommands.Result.ERROR;
        }
        ShellOutput out = state.out();
        if (!dataOnly) {
            out.write("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
        }
        List<SchemaCommands.Entry> tables = new ArrayList<>();
        for (SchemaCommands.Entry e : entries) {
            if (e.schema().equals("main") && e.type().equals("table") && e.sql() != null && matches(patterns, e)) {
                tables.add(e);
            }
        }
        tables.sort(Comparator.comparing(e -> e.tableName().equals("sqlite_sequence")));
        int errors = 0;
        for (SchemaCommands.Entry table : tables) {
            errors += table(table, dataOnly, noSystem, newlines);
        }
        if (!dataOnly) {
            for (SchemaCommands.Entry e : entries) {
                boolean other = e.type().equals("index") || e.type().equals("trigger") || e.type().equals("view");
                if (e.schema().equals("main") && other && e.sql() != null && matches(patterns, e)) {
                    out.write(e.sql() + (e.sql().contains("--") ? "\n;\n" : ";\n"));
                }
            }
            out.write(errors > 0 ? "ROLLBACK; -- due to errors\n" : "COMMIT;\n");
        }
        return DotCommands.Result.OK;
    }

    /**
     * {@code .fullschema}: every CREATE statement but the internal tables', main then temp, then
     * the {@code sqlite_stat} tables' rows (or a comment that there are none).
     */
    DotCommands.Result fullSchema(List<String> args) {
        if (!args.isEmpty()) {
            state.error(args.getFirst().endsWith("indent") ? "Error: .fullschema --indent is not supported yet"
                    : "Usage: .fullschema ?--indent?");
            return DotCommands.Result.ERROR;
        }
        List<SchemaCommands.Entry> entries = schema.load();
        if (entries == null) {
            return DotCommands.Result.ERROR;
        }
        List<String> stats = new ArrayList<>();
        for (SchemaCommands.Entry e : entries) {
            if (e.sql() != null && !NamePattern.like("sqlite_%", e.name(), (char) 0)) {
                schema.printSchemaLine(e.sql());
            }
            if (e.schema().equals("main") && (e.name().equals("sqlite_stat1") || e.name().equals("sqlite_stat4"))) {
                stats.add(e.name());
            }
        }
        ShellOutput out = state.out();
        if (stats.isEmpty()) {
            out.write("/* No STAT tables available */\n");
            return DotCommands.Result.OK;
        }
        out.write("ANALYZE sqlite_schema;\n");
        for (String table : stats) {
            ResultFormatter insert = QuoteFormatter.dump(out, table, false);
            for (Object[] row : schema.query("SELECT * FROM " + table)) {
                insert.row(row, null);
            }
        }
        out.write("ANALYZE sqlite_schema;\n");
        return DotCommands.Result.OK;
    }

    private static boolean matches(List<String> patterns, SchemaCommands.Entry e) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String p : patterns) {
            if (NamePattern.like(p, e.name(), '\\')) {
                return true;
            }
        }
        return false;
    }

    /** sqlite3's {@code dump_callback} for one table; the number of errors (0 or 1). */
    private int table(SchemaCommands.Entry table, boolean dataOnly, boolean noSystem, boolean newlines) {
        String name = table.name();
        ShellOutput out = state.out();
        if (name.equals("sqlite_sequence") && !noSystem) {
            out.write("DELETE FROM sqlite_sequence;\n");
        } else if (NamePattern.glob("sqlite_stat?", name) && !noSystem) {
            out.write("ANALYZE sqlite_schema;\n");
        } else if (name.startsWith("sqlite_")) {
            return 0;
        } else if (!dataOnly) {
            schema.printSchemaLine(table.sql());
        }
        try {
            List<String> columns = new ArrayList<>();
            for (Object[] row : schema.query("PRAGMA table_info(" + SqlLiteral.quotedText(name) + ")")) {
                columns.add(SchemaCommands.quoteName(String.valueOf(row[1])));
            }
            String select = "SELECT " + String.join(",", columns) + " FROM " + SchemaCommands.quoteName(name);
            ResultFormatter insert = QuoteFormatter.dump(out, SchemaCommands.quoteName(name), newlines);
            for (Object[] row : schema.query(select)) {
                insert.row(row, null);
            }
            return 0;
        } catch (RuntimeException e) {
            state.error("Error: " + e.getMessage());
            return 1;
        }
    }
}
