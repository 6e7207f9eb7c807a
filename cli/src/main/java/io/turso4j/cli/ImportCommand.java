package io.turso4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .import ?--csv|--ascii? ?--skip N? ?--schema S? FILE TABLE}, as sqlite3 3.40 does it:
 * FILE is split into rows of fields ({@link ImportReader}) with {@code ,} and newline under
 * {@code --csv} (or in csv mode), 0x1F and 0x1E under {@code --ascii}, else the current
 * separators; the first N rows are skipped; if TABLE does not exist it is created with one TEXT
 * column per field of the next row, named by it; then every row is inserted as text (column
 * affinity applies), short rows filled with NULL and long ones cut, each with sqlite3's warning on
 * stderr, all in one transaction unless one is already open. Owned by the shell's one thread.
 */
final class ImportCommand {
    private static final String USAGE = """
            .import FILE TABLE       Import data from FILE into TABLE
               Options:
                 --ascii               Use \\037 and \\036 as column and row separators
                 --csv                 Use , and \\n as column and row separators
                 --skip N              Skip the first N rows of input
                 --schema S            Target table to be S.TABLE
                 -v                    "Verbose" - increase auxiliary output
               Notes:
                 *  If TABLE does not exist, it is created.  The first row of input
                    determines the column names.
                 *  If neither --csv or --ascii are used, the input mode is derived
                    from the ".mode" output mode
                 *  If FILE begins with "|" then it is a command that generates the
                    input text.
            """;

    private final ShellState state;
    private final SchemaCommands schema;

    ImportCommand(ShellState state, SchemaCommands schema) {
        this.state = state;
        this.schema = schema;
    }

    DotCommands.Result run(List<String> args) {
        String file = null;
        String table = null;
        String schemaName = null;
        int skip = 0;
        String columnSeparator = state.settings().columnSeparator();
        String rowSeparator = state.settings().rowSeparator();
        boolean fromMode = true;
        boolean ascii = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.startsWith("--") ? a.substring(1) : a;
            if (!a.startsWith("-")) {
                if (file == null) {
                    file = a;
                } else if (table == null) {
                    table = a;
                } else {
                    return usage("ERROR: extra argument: \"" + a + "\".  Usage:\n");
                }
            } else if (option.equals("-v")) {
                continue;
            } else if (option.equals("-skip") && i + 1 < args.size()) {
                skip = (int) ShellNumbers.integerValue(args.get(++i));
            } else if (option.equals("-schema") && i + 1 < args.size()) {
                schemaName = args.get(++i);
            } else if (option.equals("-ascii")) {
                columnSeparator = "\u001f";
                rowSeparator = "\u001e";
                fromMode = false;
                ascii = true;
            } else if (option.equals("-csv")) {
                columnSeparator = ",";
                rowSeparator = "\n";
                fromMode = false;
                ascii = false;
            } else {
                return usage("ERROR: unknown option: \"" + option + "\".  Usage:\n");
            }
        }
        if (file == null) {
            return usage("ERROR: missing FILE argument. Usage:\n");
        } else if (table == null) {
            return usage("ERROR: missing TABLE argument. Usage:\n");
        }
        if (fromMode && state.settings().mode() == OutputMode.CSV && rowSeparator.equals("\r\n")) {
            // sqlite3 reads csv mode's CRLF rows as LF rows (the CR is dropped), and changes the
            // output setting itself to LF as it does so.
            rowSeparator = "\n";
            state.settings().setSeparators(columnSeparator, rowSeparator);
        }
        if (columnSeparator.isEmpty()) {
            return error("Error: non-null column separator required for import");
        } else if (columnSeparator.getBytes(StandardCharsets.UTF_8).length > 1) {
            return error("Error: multi-character column separators not allowed for import");
        } else if (rowSeparator.isEmpty()) {
            return error("Error: non-null row separator required for import");
        } else if (rowSeparator.getBytes(StandardCharsets.UTF_8).length > 1) {
            return error("Error: multi-character row separators not allowed for import");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(state.resolve(file));
        } catch (IOException | RuntimeException e) {
            return error("Error: cannot open \"" + file + "\"");
        }
        boolean csv = !ascii && !(fromMode && state.settings().mode() == OutputMode.ASCII);
        ImportReader reader = new ImportReader(bytes, file, columnSeparator.charAt(0), rowSeparator.charAt(0), csv,
                state::error);
        for (int k = 0; k < skip; k++) {
            while (reader.next() != null && reader.moreInRow()) {
                // skip the row's fields
            }
        }
        String target = (schemaName == null ? "" : quoteAlways(schemaName) + ".") + quoteAlways(table);
        return load(reader, target, table);
    }

    private DotCommands.Result load(ImportReader reader, String target, String table) {
        state.session();
        int columns;
        try {
            columns = columnCount(target);
        } catch (RuntimeException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("no such table: ")) {
                return error("Error: " + e.getMessage());
            }
            List<String> names = new ArrayList<>();
            for (byte[] field; (field = reader.next()) != null; ) {
                String name = new String(field, StandardCharsets.UTF_8);
                names.add(name.isEmpty() ? "?" : name);
                if (!reader.moreInRow()) {
                    break;
                }
            }
            if (names.isEmpty()) {
                return error("Error: empty file?");
            }
            String create = "CREATE TABLE " + target + "(\n" + columnDefinitions(names, reader) + ")";
            try {
                schema.query(create);
                columns = columnCount(target);
            } catch (RuntimeException ex) {
                return error("CREATE TABLE " + target + "(...) failed: " + ex.getMessage());
            }
        }
        boolean ownTransaction = run("BEGIN");
        int errors = 0;
        do {
            int startLine = reader.line();
            List<String> values = new ArrayList<>(columns);
            int i;
            for (i = 0; i < columns; i++) {
                byte[] z = reader.next();
                if (z == null && i == 0) {
                    break;
                }
                if (state.settings().mode() == OutputMode.ASCII && (z == null || z.length == 0) && i == 0) {
                    break;
                }
                values.add(z == null ? "NULL" : SqlLiteral.quotedText(new String(z, StandardCharsets.UTF_8)));
                if (i < columns - 1 && !reader.moreInRow()) {
                    state.error(reader.fileLine(startLine) + ": expected " + columns + " columns but found " + (i + 1)
                            + " - filling the rest with NULL");
                    while (values.size() < columns) {
                        values.add("NULL");
                    }
                    i = columns;
                }
            }
            if (reader.moreInRow()) {
                do {
                    reader.next();
                    i++;
                } while (reader.moreInRow());
                state.error(reader.fileLine(startLine) + ": expected " + columns + " columns but found " + i
                        + " - extras ignored");
            }
            if (i >= columns) {
                try {
                    schema.query("INSERT INTO " + target + " VALUES(" + String.join(",", values) + ")");
                } catch (RuntimeException e) {
                    state.error(reader.fileLine(startLine) + ": INSERT failed: " + e.getMessage());
                    errors++;
                }
            }
        } while (reader.terminator() != ImportReader.EOF);
        if (ownTransaction) {
            run("COMMIT");
        }
        return errors > 0 ? DotCommands.Result.ERROR : DotCommands.Result.OK;
    }

    /**
     * sqlite3 3.40's column list for a new table: each name as a TEXT column, four to a line;
     * names that occur more than once (ignoring ASCII case) all get their position as a
     * {@code _N} suffix, which is reported on stderr.
     */
    private String columnDefinitions(List<String> names, ImportReader reader) {
        StringBuilder definitions = new StringBuilder();
        List<String> renames = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            int count = 0;
            for (String other : names) {
                count += other.equalsIgnoreCase(name) ? 1 : 0;
            }
            String column = count > 1 ? name + "_" + (k + 1) : name;
            if (count > 1) {
                renames.add(quoteAlways(name) + " to " + quoteAlways(column));
            }
            if (k > 0) {
                definitions.append(k % 4 > 0 ? ", " : ",\n ");
            }
            definitions.append(quoteAlways(column)).append(" TEXT");
        }
        if (!renames.isEmpty()) {
            state.error("Columns renamed during .import " + reader.fileName() + " due to duplicates:\n"
                    + String.join(",\n", renames));
        }
        return definitions.toString();
    }

    private int columnCount(String target) {
        PreparedSql select = state.session().prepare("SELECT * FROM " + target);
        try (select) {
            return select.columnNames().size();
        }
    }

    /** Runs {@code sql}; false if it failed (BEGIN fails when a transaction is already open). */
    private boolean run(String sql) {
        try {
            schema.query(sql);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** sqlite3's {@code "%w"}: always double-quoted, inner quotes doubled. */
    private static String quoteAlways(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private DotCommands.Result usage(String message) {
        state.out().write(message + USAGE);
        return DotCommands.Result.ERROR;
    }

    private DotCommands.Result error(String message) {
        state.error(message);
        return DotCommands.Result.ERROR;
    }
}
