package io.turso4j.cli;

import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.StatementSplitter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * {@code .tables}, {@code .indexes} and {@code .schema}, printing what sqlite3 3.40 prints. Both read the schema
 * tables with one plain query each ({@code sqlite_schema}, then {@code sqlite_temp_schema} if
 * the temp database is open) and filter in the shell, so they need no more SQL from the engine than a
 * table scan. Owned by the shell's one thread.
 */
final class SchemaCommands {
    private static final int SCREEN_WIDTH = 80;
    private static final String[] CREATE_KINDS = {"TABLE", "INDEX", "UNIQUE INDEX", "VIEW", "TRIGGER", "VIRTUAL TABLE"};

    /** One row of a schema table; {@code schema} is "main" or "temp". */
    record Entry(String schema, String type, String name, String tableName, String sql) {}

    private final ShellState state;

    SchemaCommands(ShellState state) {
        this.state = state;
    }

    /**
     * {@code .tables ?PATTERN?}: the tables and views whose name is LIKE the pattern, internal
     * {@code sqlite_} tables left out, temp ones as {@code temp.NAME}, sorted, laid out in as
     * many columns (filled top to bottom) as fit 80 characters.
     */
    DotCommands.Result tables(List<String> args) {
        return listNames(args, "Usage: .tables ?LIKE-PATTERN?", (e, pattern) ->
                (e.type.equals("table") || e.type.equals("view")) && !NamePattern.like("sqlite_%", e.name, (char) 0)
                        && NamePattern.like(pattern, e.name, (char) 0));
    }

    /** {@code .indexes ?PATTERN?}: the indexes (automatic ones too) of the tables whose name is LIKE the pattern, laid out as {@code .tables}. */
    DotCommands.Result indexes(List<String> args) {
        return listNames(args, "Usage: .indexes ?LIKE-PATTERN?", (e, pattern) ->
                e.type.equals("index") && NamePattern.like(pattern, e.tableName, (char) 0));
    }

    private DotCommands.Result listNames(List<String> args, String usage, BiPredicate<Entry, String> wanted) {
        if (args.size() > 1) {
            state.error(usage);
            return DotCommands.Result.ERROR;
        }
        String pattern = args.isEmpty() ? "%" : args.getFirst();
        List<Entry> entries = load();
        if (entries == null) {
            return DotCommands.Result.ERROR;
        }
        List<byte[]> names = new ArrayList<>();
        for (Entry e : entries) {
            if (wanted.test(e, pattern)) {
                String label = e.schema.equals("main") ? e.name : e.schema + "." + e.name;
                names.add(label.getBytes(StandardCharsets.UTF_8));
            }
        }
        names.sort(Arrays::compareUnsigned);
        printInColumns(names);
        return DotCommands.Result.OK;
    }

    private void printInColumns(List<byte[]> names) {
        int maxLen = 0;
        for (byte[] n : names) {
            maxLen = Math.max(maxLen, n.length);
        }
        int columns = Math.max(1, SCREEN_WIDTH / (maxLen + 2));
        int rows = (names.size() + columns - 1) / columns;
        ShellOutput out = state.out();
        for (int i = 0; i < rows; i++) {
            for (int j = i; j < names.size(); j += rows) {
                if (j >= rows) {
                    out.write("  ");
                }
                out.write(names.get(j));
                out.repeat(' ', maxLen - names.get(j).length);
            }
            out.write("\n");
        }
    }

    /**
     * {@code .schema ?--nosys? ?PATTERN?}: the CREATE statements, in schema order, of every
     * object whose table name matches the pattern (LIKE, or GLOB when it holds {@code * ? [}).
     */
    DotCommands.Result schema(List<String> args) {
        String pattern = null;
        boolean noSystem = false;
        for (String a : args) {
            if (a.equals("--nosys") || a.equals("-nosys")) {
                noSystem = true;
            } else if (pattern == null && !a.startsWith("-")) {
                pattern = a;
            } else {
                state.error("Usage: .schema ?--nosys? ?LIKE-PATTERN?");
                return DotCommands.Result.ERROR;
            }
        }
        if (pattern != null && isSchemaTableName(pattern)) {
            printSchemaLine("CREATE TABLE " + pattern + " (\n  type text,\n  name text,\n  tbl_name text,\n"
                    + "  rootpage integer,\n  sql text\n)");
        }
        List<Entry> entries = load();
        if (entries == null) {
            return DotCommands.Result.ERROR;
        }
        for (Entry e : entries) {
            if (e.sql == null || (noSystem && NamePattern.like("sqlite_%", e.name, (char) 0))) {
                continue;
            }
            if (pattern != null && !matches(pattern, e)) {
                continue;
            }
            printSchemaLine(withSchemaName(e));
        }
        return DotCommands.Result.OK;
    }

    private static boolean isSchemaTableName(String pattern) {
        for (String t : new String[] {"sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema"}) {
            if (NamePattern.like(pattern, t, '\\')) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, Entry e) {
        String key = lower(pattern.indexOf('.') >= 0 ? e.schema + "." + e.tableName : e.tableName);
        boolean glob = pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
        return glob ? NamePattern.glob(pattern, key) : NamePattern.like(pattern, key, '\\');
    }

    /** sqlite3's {@code shell_add_schema}: temp objects are named {@code temp.X}; views get their columns as a comment. */
    private String withSchemaName(Entry e) {
        String sql = e.sql;
        if (!sql.startsWith("CREATE ")) {
            return sql;
        }
        for (String kind : CREATE_KINDS) {
            int n = 7 + kind.length();
            if (!sql.startsWith(kind, 7) || sql.length() <= n || sql.charAt(n) != ' ') {
                continue;
            }
            String z = e.schema.equals("main") ? null : sql.substring(0, n) + " " + e.schema + "." + sql.substring(n + 1);
            if (kind.charAt(0) == 'V') {
                String columns = viewColumns(e);
                if (columns != null) {
                    z = (z == null ? sql : z) + "\n/* " + columns + " */";
                }
            }
            return z == null ? sql : z;
        }
        return sql;
    }

    /** sqlite3's {@code shellFakeSchema}: {@code v(a,b)} from the view's table_info; null if it has none. */
    private String viewColumns(Entry e) {
        List<Object[]> rows;
        try {
            rows = query("PRAGMA \"" + e.schema + "\".table_info(" + SqlLiteral.quotedText(e.name) + ")");
        } catch (RuntimeException ex) {
            return null;
        }
        if (rows.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        if (!e.schema.equals("main")) {
            b.append(e.schema).append('.');
        }
        b.append(quoteName(e.name));
        String div = "(";
        for (Object[] row : rows) {
            b.append(div).append(quoteName(row[1] == null ? "" : row[1].toString()));
            div = ",";
        }
        return b.append(')').toString();
    }

    /** sqlite3's {@code printSchemaLine}: closes a trailing comment before the {@code ;}; {@code IF NOT EXISTS} for quoted table names. */
    void printSchemaLine(String z) {
        if (z.contains("/*") || z.contains("--")) {
            for (String term : new String[] {"", "*/", "\n"}) {
                if (StatementSplitter.isComplete(z + term + ";")) {
                    z = z + term;
                    break;
                }
            }
        }
        if (z.startsWith("CREATE TABLE ") && z.length() > 13 && (z.charAt(13) == '\'' || z.charAt(13) == '"')) {
            z = "CREATE TABLE IF NOT EXISTS " + z.substring(13);
        }
        state.out().write(z + ";\n");
    }

    /** Rows of the schema tables, main first, each in rowid order; null (after reporting) if even main fails. */
    List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        state.session(); // opened outside the try: a database that cannot open ends the shell
        try {
            addRows(entries, "main", "SELECT type, name, tbl_name, sql FROM sqlite_schema");
        } catch (RuntimeException e) {
            state.error("Error: " + e.getMessage());
            return null;
        }
        // As sqlite3 walks PRAGMA database_list: a temp database not opened yet is not read,
        // which would open it (and make .databases list it).
        if (query("PRAGMA database_list").stream().anyMatch(r -> "temp".equals(text(r[1])))) {
            addRows(entries, "temp", "SELECT type, name, tbl_name, sql FROM sqlite_temp_schema");
        }
        return entries;
    }

    private void addRows(List<Entry> entries, String schema, String sql) {
        for (Object[] r : query(sql)) {
            entries.add(new Entry(schema, text(r[0]), text(r[1]), text(r[2]), r[3] == null ? null : text(r[3])));
        }
    }

    /** Every row of {@code sql}, run on the open database; the engine's exception if it fails. */
    List<Object[]> query(String sql) {
        List<Object[]> rows = new ArrayList<>();
        PreparedSql statement = state.session().prepare(sql);
        if (statement == null) {
            return rows;
        }
        try (statement) {
            for (Object[] row; (row = statement.nextRow()) != null; ) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString();
    }

    /** sqlite3's {@code quoteChar} + {@code appendText}: double-quoted unless a plain identifier that is not a keyword. */
    static String quoteName(String name) {
        boolean plain = !name.isEmpty() && (isAsciiLetter(name.charAt(0)) || name.charAt(0) == '_')
                && name.chars().allMatch(c -> isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_')
                && !Lexer.isKeyword(name);
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
