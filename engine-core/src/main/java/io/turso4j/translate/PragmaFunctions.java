package io.turso4j.translate;

import io.turso4j.function.TableFunction;
import io.turso4j.schema.PragmaRows;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Name;
import io.turso4j.sql.ast.Select;
import io.turso4j.value.Affinity;
import io.turso4j.value.Register;
import io.turso4j.vdbe.Opcode;
import io.turso4j.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pragma table-valued functions, SQLite's eponymous pragma virtual tables ({@code SELECT
 * * FROM pragma_table_info('t')}, {@code pragma_user_version}): the pragma's code from {@link
 * PragmaCodegen} as the body of a co-routine that yields each row, so {@link FromCodegen} joins
 * it as any other source. Only pragmas that return rows and change nothing; their columns have
 * no affinity and the binary collation. With constant arguments the rows are computed while
 * compiling; with others ({@code pragma_table_info(m.name)}) the function is read through a
 * function cursor ({@link FunctionSources}) that looks the rows up by the argument's value
 * ({@link ByArgument}). Stateless.
 */
final class PragmaFunctions {
    private PragmaFunctions() {
    }

    /**
     * The pragmas that are also table-valued functions ({@code SELECT * FROM
     * pragma_table_info('t')}): those that return rows and change nothing, as in SQLite.
     */
    private static final Set<String> TABLE_FUNCTIONS = Set.of("table_info", "table_xinfo", "index_list",
            "index_info", "index_xinfo", "foreign_key_list", "table_list", "database_list", "user_version",
            "application_id", "schema_version", "freelist_count", "page_count", "page_size", "cache_size",
            "synchronous", "auto_vacuum", "busy_timeout", "foreign_keys", "wal_autocheckpoint", "encoding");
    private static final String TABLE_FUNCTION_PREFIX = "pragma_";
    /** The table-valued functions that take the pragma's argument (and then a schema name). */
    private static final Set<String> ARGUMENT_PRAGMAS = Set.of("table_info", "table_xinfo", "index_list", "index_info",
            "index_xinfo", "foreign_key_list", "table_list");

    /** Whether {@code name} is one of the pragma table-valued functions. */
    static boolean isTableFunction(Name name) {
        String n = name.name().toLowerCase(Locale.ROOT);
        return n.startsWith(TABLE_FUNCTION_PREFIX) && TABLE_FUNCTIONS.contains(n.substring(TABLE_FUNCTION_PREFIX.length()));
    }

    /**
     * A pragma table-valued function coded as the body of a co-routine: each row is copied to
     * {@link Coded#out()} and yielded to {@code coroutine}. Arguments must be constants
     * (the table or index name of the schema pragmas), since the schema pragmas' rows are
     * computed while compiling.
     */
    static Coded code(ProgramBuilder b, Schema schema, Select.TableFunction f,
            int coroutine) {
        String name = f.name().name().toLowerCase(Locale.ROOT).substring(TABLE_FUNCTION_PREFIX.length());
        int max = ARGUMENT_PRAGMAS.contains(name) ? 2 : 0;
        if (f.args().size() > max) {
            throw ExprCodegen.error("too many arguments on " + f.name().name() + "() - max " + max);
        }
        String arg = f.args().isEmpty() ? null : constant(f, 0);
        if (f.args().size() == 2 && !"main".equalsIgnoreCase(constant(f, 1))) {
            throw ExprCodegen.error("unknown database " + constant(f, 1));
        }
        int[] out = {0};
        int start = b.newLabel();
        int after = b.newLabel();
        b.emit(Opcode.InitCoroutine, coroutine, after, start);
        b.resolve(start);
        int startAddress = b.currentAddress();
        PragmaCodegen codegen = new PragmaCodegen(b, schema, arg, (first, count) -> {
            if (out[0] == 0) {
                out[0] = b.allocRegisters(count);
            }
            b.emit(Opcode.Copy, first, out[0], count - 1);
            b.emit(Opcode.Yield, coroutine, 0);
        });
        codegen.code(name);
        b.emit(Opcode.EndCoroutine, coroutine, 0);
        b.resolve(after);
        int width = codegen.columns().size();
        if (out[0] == 0) {
            out[0] = b.allocRegisters(Math.max(width, 1));
        }
        return new Coded(codegen.columns(), out[0], startAddress,
                Collections.nCopies(width, Affinity.NONE),
                Collections.nCopies(width, (String) null));
    }

    /** How many columns {@code f} has (its code is generated into a scratch builder and dropped). */
    static int columnCount(Schema schema, Select.TableFunction f) {
        return columns(schema, name(f)).size();
    }

    private static String name(Select.TableFunction f) {
        return f.name().name().toLowerCase(Locale.ROOT).substring(TABLE_FUNCTION_PREFIX.length());
    }

    /** The columns of pragma {@code name} (its code for no value is generated into a scratch builder and dropped). */
    private static List<String> columns(Schema schema, String name) {
        PragmaCodegen codegen = new PragmaCodegen(new ProgramBuilder(), schema, null, (first, count) -> { });
        codegen.code(name);
        return codegen.columns();
    }

    /** Whether every argument of {@code f} is a literal, so that its rows are known while compiling. */
    static boolean constantArguments(Select.TableFunction f) {
        for (Expr arg : f.args()) {
            if (!(arg instanceof Expr.Literal literal) || literal.kind() == Expr.LiteralKind.BLOB) {
                return false;
            }
        }
        return true;
    }

    /**
     * A pragma function whose arguments are computed per row ({@code pragma_table_info(m.name)}):
     * its rows for every name the schema it is compiled against knows, looked up when its loop
     * opens (a schema change prepares the statement again, as for constant arguments).
     */
    static ByArgument byArgument(Schema schema, Select.TableFunction f) {
        String name = name(f);
        if (!ARGUMENT_PRAGMAS.contains(name)) {
            throw ExprCodegen.error("too many arguments on " + f.name().name() + "() - max 0");
        }
        if (f.args().size() > 2) {
            throw ExprCodegen.error("too many arguments on " + f.name().name() + "() - max 2");
        }
        List<String> candidates = new ArrayList<>(List.of("sqlite_master", "sqlite_schema",
                "sqlite_temp_master", "sqlite_temp_schema"));
        for (Table t : schema.tables()) {
            candidates.add(t.name());
            t.indexes().forEach(i -> candidates.add(i.name()));
        }
        schema.views().forEach(v -> candidates.add(v.name()));
        Map<String, List<List<Object>>> rows = new HashMap<>();
        for (String candidate : candidates) {
            PragmaRows found = new PragmaCodegen(new ProgramBuilder(), schema, candidate, null)
                    .schemaRows(name);
            if (found != null && !found.rows().isEmpty()) {
                rows.putIfAbsent(candidate.toLowerCase(Locale.ROOT), found.rows());
            }
        }
        PragmaRows all = new PragmaCodegen(new ProgramBuilder(), schema, null, null).schemaRows(name);
        return new ByArgument(f.name().name(), columns(schema, name), rows, all == null ? List.of() : all.rows());
    }

    /**
     * The rows of a pragma function by its first argument's text (any case); {@code noArgument}
     * for a NULL one. The second argument, the schema, may only name main. Immutable.
     */
    static final class ByArgument implements TableFunction {
        private final String name;
        private final List<String> columns;
        private final Map<String, List<List<Object>>> rows;
        private final List<List<Object>> noArgument;

        private ByArgument(String name, List<String> columns, Map<String, List<List<Object>>> rows,
                List<List<Object>> noArgument) {
            this.name = name;
            this.columns = columns;
            this.rows = rows;
            this.noArgument = noArgument;
        }

        List<String> columns() {
            return columns;
        }

        @Override
        public String toString() {
            return name;
        }

        @Override
        public Rows open(Register[] args, int start, int count) {
            if (count > 1 && !args[start + 1].isNull() && !"main".equalsIgnoreCase(args[start + 1].toText())) {
                throw ExprCodegen.error("unknown database " + args[start + 1].toText());
            }
            List<List<Object>> found = count == 0 || args[start].isNull() ? noArgument
                    : rows.getOrDefault(args[start].toText().toLowerCase(Locale.ROOT), List.of());
            return new Rows() {
                private int at = -1;

                @Override
                public boolean next() {
                    return ++at < found.size();
                }

                @Override
                public void column(int i, Register out) {
                    switch (found.get(at).get(i)) {
                        case null -> out.setNull();
                        case Long l -> out.setInt(l);
                        case Object o -> out.setText(o.toString());
                    }
                }
            };
        }
    }

    /** Argument {@code i} of {@code f}, which must be a literal. */
    private static String constant(Select.TableFunction f, int i) {
        if (!(f.args().get(i) instanceof Expr.Literal literal)
                || literal.kind() == Expr.LiteralKind.BLOB) {
            throw ExprCodegen.error("a non-constant argument to " + f.name().name() + "() is not supported yet");
        }
        return literal.kind() == Expr.LiteralKind.NULL ? null : literal.text();
    }

    /** A coded pragma table-valued function: its columns, their registers and the co-routine's start. */
    record Coded(List<String> columns, int out, int start, List<Affinity> affinities,
            List<String> collations) {}
}
