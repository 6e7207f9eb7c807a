package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.schema.Identifiers;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.CreateTable;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.lexer.Lexer;
import io.turso4j.sql.lexer.TokenType;
import io.turso4j.sql.lexer.Tokens;
import io.turso4j.sql.parser.Parser;
import io.turso4j.translate.schema.SchemaBuilder;
import io.turso4j.value.Affinity;
import io.turso4j.vdbe.AffinityCode;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * CREATE TABLE … AS SELECT, as SQLite codes it: the name checked first, a new table b-tree
 * filled with the SELECT's rows (each converted to its column's affinity), then the
 * sqlite_schema row whose text SQLite's createTableStmt writes — each column named as the
 * SELECT names it (made unique with {@code :N}) and typed by its affinity ({@code INT},
 * {@code REAL}, {@code TEXT}, {@code NUM}, or nothing). Stateless.
 */
final class CreateTableAs {
    private CreateTableAs() {
    }

    static ProgramBuilder code(CreateTable stmt, String sql, String text, FunctionRegistry functions, Schema schema) {
        if (stmt.temp()) {
            throw ExprCodegen.error("TEMP tables are not supported yet");
        }
        ProgramBuilder b = SchemaWrites.start();
        if (!SchemaBuilder.checkNewTable(schema, stmt, text)) {
            return b;
        }
        Select select = ViewExpander.expand(stmt.asSelect(), schema);
        SelectCodegen selects = new SelectCodegen(b, functions, sql, schema);
        int root = b.allocRegister();
        b.emit(Opcode.CreateBtree, 0, root);
        int cursor = b.allocCursor();
        b.emit(Opcode.OpenWrite, cursor, root, 0, null, 0x02);
        int record = b.allocRegister();
        int rowid = b.allocRegister();
        // The affinities are known only once the SELECT is compiled; the instruction applying
        // them is patched then.
        List<Integer> affinityAt = new ArrayList<>();
        selects.select(select, (first, count) -> {
            affinityAt.add(b.currentAddress());
            b.emit(Opcode.Affinity, first, count, 0, "", 0);
            b.emit(Opcode.MakeRecord, first, count, record);
            b.emit(Opcode.NewRowid, cursor, rowid);
            b.emit(Opcode.Insert, cursor, record, rowid);
        });
        b.emit(Opcode.Close, cursor, 0);
        List<String> names = uniqueNames(ColumnNames.of(select, sql, selects));
        List<String> types = new ArrayList<>();
        StringBuilder affinities = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            ExprTyping.ColumnType type = ExprTyping.columnAffinity(select, i,
                    selects.exprs().subqueries()::compiledAffinities);
            Affinity a = type.affinity() == Affinity.NONE ? Affinity.BLOB : type.affinity();
            types.add(type.flexible() ? "NUM" : typeName(a));
            affinities.append((char) AffinityCode.of(a));
        }
        for (int at : affinityAt) {
            b.changeP4(at, affinities.toString());
        }
        String stored = storedSql(stmt.name().name(), names, types);
        Table table = SchemaBuilder.createTable(schema, (CreateTable) Parser.parse(stored), stored,
                SchemaBuilder.Mode.LOAD);
        SchemaWrites.append(b, "table", table.name(), table.name(), root, stored);
        SchemaWrites.finish(b, schema);
        return b;
    }

    /** Result column names made distinct as sqlite3ColumnsFromExprList does: {@code x}, {@code x:1}, {@code x:2}. */
    private static List<String> uniqueNames(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String n = name;
            int count = 0;
            while (taken(out, n)) {
                int end = n.length();
                int j = end - 1;
                while (j > 0 && Character.isDigit(n.charAt(j))) {
                    j--;
                }
                String base = n.charAt(j) == ':' ? n.substring(0, j) : n;
                n = base + ":" + (++count);
            }
            out.add(n);
        }
        return out;
    }

    private static boolean taken(List<String> names, String n) {
        return names.stream().anyMatch(x -> Identifiers.same(x, n));
    }

    private static String typeName(Affinity a) {
        return switch (a) {
            case TEXT -> "TEXT";
            case NUMERIC -> "NUM";
            case INTEGER -> "INT";
            case REAL -> "REAL";
            default -> "";
        };
    }

    /** SQLite's createTableStmt: one line when short, else a column per line. */
    static String storedSql(String table, List<String> names, List<String> types) {
        int n = identLength(table);
        for (String name : names) {
            n += identLength(name) + 5;
        }
        boolean oneLine = n < 50;
        StringBuilder s = new StringBuilder("CREATE TABLE ");
        identPut(s, table);
        s.append('(');
        for (int i = 0; i < names.size(); i++) {
            s.append(i == 0 ? (oneLine ? "" : "\n  ") : (oneLine ? "," : ",\n  "));
            identPut(s, names.get(i));
            if (!types.get(i).isEmpty()) {
                s.append(' ').append(types.get(i));
            }
        }
        return s.append(oneLine ? ")" : "\n)").toString();
    }

    private static int identLength(String s) {
        int n = 2;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == '"' ? 2 : 1;
        }
        return n;
    }

    /** The identifier, double-quoted unless it is a plain word that is not a keyword. */
    private static void identPut(StringBuilder s, String name) {
        boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0));
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = c < 0x80 && (Character.isLetterOrDigit(c) || c == '_');
        }
        if (plain) {
            Tokens t = Lexer.tokenize(name);
            plain = t.type(0) == TokenType.ID;
        }
        if (!plain) {
            s.append('"').append(name.replace("\"", "\"\"")).append('"');
        } else {
            s.append(name);
        }
    }
}
