package io.turso4j.translate;

import io.turso4j.function.FunctionRegistry;
import io.turso4j.schema.Column;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.schema.View;
import io.turso4j.sql.ast.CreateView;
import io.turso4j.sql.ast.Expr;
import io.turso4j.sql.ast.Select;
import io.turso4j.sql.parser.Parser;
import io.turso4j.value.Affinity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A view's columns as {@code PRAGMA table_info} shows them (sqlite3ViewGetColumnNames): the
 * names its SELECT gives them (or its column list), made unique with {@code :N} suffixes, and
 * each one's declared type — the declared type of the table column it reads directly, through
 * other views and subqueries, else {@code ""} (sqlite3's columnType, from the leftmost SELECT
 * of a compound). Stateless.
 */
final class ViewColumns {
    /** What is known of a column's type: the declared type it reads (null if none), and its affinity. */
    private record Typed(String declared, Affinity affinity) {
        static final Typed NONE = new Typed(null, Affinity.NONE);

        String display() {
            if (declared != null && Affinity.ofDeclaredType(declared) == affinity) {
                return declared;
            }
            return switch (affinity) {
                case NUMERIC -> "NUM";
                case INTEGER -> "INT";
                case REAL -> "REAL";
                case TEXT -> "TEXT";
                case BLOB -> "BLOB";
                case NONE -> "";
            };
        }
    }

    /** A FROM source while types are found: its name, its columns and their types. */
    private record Source(String name, List<String> columns, List<Typed> types) {}

    private ViewColumns() {
    }

    /** The view's column names, in order. */
    static List<String> names(View view, Schema schema) {
        String sql = "SELECT * FROM \"" + view.name().replace("\"", "\"\"") + "\"";
        List<String> names = Translator.compile(Parser.parse(sql), sql, sql, FunctionRegistry.builtins(), schema)
                .program().columnNames();
        List<String> unique = new ArrayList<>(names.size());
        Set<String> used = new HashSet<>();
        for (String name : names) {
            String candidate = name;
            for (int n = 1; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = name + ":" + n;
            }
            unique.add(candidate);
        }
        return unique;
    }

    /** The declared types of the view's {@code width} columns. */
    static List<String> types(View view, Schema schema, int width) {
        List<String> types = new ArrayList<>(types(select(view), schema, 0).stream().map(Typed::display).toList());
        while (types.size() < width) {
            types.add("");
        }
        return types.subList(0, width);
    }

    private static Select select(View view) {
        return ((CreateView) Parser.parse(view.sql())).select();
    }

    private static List<Typed> types(Select select, Schema schema, int depth) {
        List<Select.Body> arms = new ArrayList<>();
        flatten(select.body(), arms);
        if (!(arms.getFirst() instanceof Select.Core core) || depth > 50) {
            return List.of();
        }
        List<Source> sources = sources(core, schema, depth);
        List<Typed> types = new ArrayList<>();
        for (Select.ResultColumn rc : core.columns()) {
            switch (rc) {
                case Select.Star s -> sources.forEach(src -> types.addAll(src.types()));
                case Select.TableStar ts -> sources.stream().filter(src -> src.name().equalsIgnoreCase(ts.table()))
                        .findFirst().ifPresent(src -> types.addAll(src.types()));
                case Select.ExprColumn ec -> types.add(typeOf(ec.expr(), sources));
            }
        }
        // A compound's column keeps its affinity only if the other SELECTs cannot disagree with it.
        for (Select.Body arm : arms.subList(1, arms.size())) {
            List<Integer> masks = dataTypes(arm, schema, depth);
            for (int i = 0; i < types.size() && i < masks.size(); i++) {
                Affinity a = types.get(i).affinity();
                boolean numeric = a == Affinity.NUMERIC || a == Affinity.INTEGER || a == Affinity.REAL;
                if ((a == Affinity.TEXT && (masks.get(i) & 1) != 0) || (numeric && (masks.get(i) & 2) != 0)) {
                    types.set(i, new Typed(types.get(i).declared(), Affinity.BLOB));
                }
            }
        }
        return types;
    }

    private static void flatten(Select.Body body, List<Select.Body> arms) {
        if (body instanceof Select.Compound c) {
            flatten(c.left(), arms);
            flatten(c.right(), arms);
        } else {
            arms.add(body);
        }
    }

    private static List<Source> sources(Select.Core core, Schema schema, int depth) {
        List<Source> sources = new ArrayList<>();
        if (core.from() != null) {
            addSource(sources, core.from().first(), schema, depth);
            for (Select.Join join : core.from().joins()) {
                addSource(sources, join.table(), schema, depth);
            }
        }
        return sources;
    }

    /** sqlite3ExprDataType of each column of one SELECT of a compound: 1 numeric, 2 text, 4 blob may come out. */
    private static List<Integer> dataTypes(Select.Body arm, Schema schema, int depth) {
        List<Integer> masks = new ArrayList<>();
        if (arm instanceof Select.Values values) {
            values.rows().getFirst().forEach(e -> masks.add(dataType(e, List.of())));
        } else if (arm instanceof Select.Core core) {
            List<Source> sources = sources(core, schema, depth);
            for (Select.ResultColumn rc : core.columns()) {
                switch (rc) {
                    case Select.Star s -> sources.forEach(src -> src.types().forEach(t -> masks.add(ofAffinity(t.affinity()))));
                    case Select.TableStar ts -> sources.stream().filter(src -> src.name().equalsIgnoreCase(ts.table()))
                            .findFirst().ifPresent(src -> src.types().forEach(t -> masks.add(ofAffinity(t.affinity()))));
                    case Select.ExprColumn ec -> masks.add(dataType(ec.expr(), sources));
                }
            }
        }
        return masks;
    }

    private static int dataType(Expr e, List<Source> sources) {
        return switch (e) {
            case Expr.Collate c -> dataType(c.expr(), sources);
            case Expr.Unary u when u.op() == Expr.UnaryOp.PLUS -> dataType(u.operand(), sources);
            case Expr.Literal l -> switch (l.kind()) {
                case NULL -> 0;
                case STRING -> 2;
                case BLOB -> 4;
                default -> 1;
            };
            case Expr.Binary b when b.op() == Expr.BinaryOp.CONCAT -> 6;
            case Expr.Variable v -> 7;
            case Expr.Function f -> 7;
            case Expr.Column c -> ofAffinity(typeOf(c, sources).affinity());
            case Expr.Cast c -> ofAffinity(Affinity.ofDeclaredType(c.type().name()));
            case Expr.Case c -> {
                int m = c.otherwise() == null ? 0 : dataType(c.otherwise(), sources);
                for (Expr.When w : c.whens()) {
                    m |= dataType(w.then(), sources);
                }
                yield m;
            }
            default -> 1;
        };
    }

    private static int ofAffinity(Affinity a) {
        return switch (a) {
            case NUMERIC, INTEGER, REAL -> 5;
            case TEXT -> 6;
            default -> 7;
        };
    }

    private static Typed typeOf(Expr e, List<Source> sources) {
        return switch (e) {
            case Expr.Column c -> typeOf(c, sources);
            case Expr.Cast c -> new Typed(null, Affinity.ofDeclaredType(c.type().name()));
            case Expr.Collate c -> new Typed(null, typeOf(c.expr(), sources).affinity());
            default -> Typed.NONE;
        };
    }

    private static Typed typeOf(Expr.Column c, List<Source> sources) {
        for (Source src : sources) {
            if (c.table() != null && !src.name().equalsIgnoreCase(c.table())) {
                continue;
            }
            for (int i = 0; i < src.columns().size(); i++) {
                if (src.columns().get(i).equalsIgnoreCase(c.column())) {
                    return i < src.types().size() ? src.types().get(i) : Typed.NONE;
                }
            }
        }
        return Typed.NONE;
    }

    private static void addSource(List<Source> sources, Select.TableRef ref, Schema schema, int depth) {
        switch (ref) {
            case Select.Table t -> {
                String name = t.alias() != null ? t.alias() : t.name().name();
                Table table = schema.table(t.name().name());
                View view = table == null ? schema.view(t.name().name()) : null;
                if (table != null) {
                    sources.add(new Source(name, table.columns().stream().map(Column::name).toList(),
                            table.columns().stream()
                                    .map(col -> new Typed(col.type().isEmpty() ? null : col.type(), col.affinity())).toList()));
                } else if (view != null) {
                    List<String> names = view.columns().isEmpty() ? outputNames(select(view)) : view.columns();
                    sources.add(new Source(name, names, types(select(view), schema, depth + 1)));
                }
            }
            case Select.SubqueryTable s -> sources.add(new Source(s.alias() != null ? s.alias() : "",
                    outputNames(s.select()), types(s.select(), schema, depth + 1)));
            default -> {
            }
        }
    }

    /** The names a SELECT's directly named columns get (an alias, else a column's name); others are blank. */
    private static List<String> outputNames(Select select) {
        Select.Body body = select.body();
        while (body instanceof Select.Compound c) {
            body = c.left();
        }
        List<String> names = new ArrayList<>();
        if (body instanceof Select.Core core) {
            for (Select.ResultColumn rc : core.columns()) {
                if (rc instanceof Select.ExprColumn ec) {
                    names.add(ec.alias() != null ? ec.alias() : ec.expr() instanceof Expr.Column c ? c.column() : "");
                }
            }
        }
        return names;
    }
}
