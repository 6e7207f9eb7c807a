package io.turso4j.translate;

import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The EXPLAIN QUERY PLAN line of one loop, in sqlite3 3.40's words (sqlite3WhereExplainOneScan):
 * {@code SCAN t}, {@code SCAN t USING COVERING INDEX i}, {@code SEARCH t USING INDEX i (a=? AND
 * b>?)}, {@code SEARCH t USING INTEGER PRIMARY KEY (rowid=?)}, {@code SEARCH t USING AUTOMATIC
 * COVERING INDEX (x=?)} ({@code AUTOMATIC PARTIAL COVERING INDEX} when it keeps only the rows some
 * terms accept), followed by {@code LEFT-JOIN} for a LEFT JOIN's right side; a MULTI-INDEX
 * OR is {@code MULTI-INDEX OR} followed by {@code INDEX n} and its line for each branch. Stateless.
 */
final class PlanText {
    private PlanText() {}

    /** One line of the plan, {@code depth} levels below the loop's own line (sqlite3 draws a tree). */
    record Line(String detail, int depth) {}

    /** sqlite3's line for {@code n} rows computed without a table (a SELECT without FROM, VALUES). */
    static String constantRows(int n) {
        return n == 1 ? "SCAN CONSTANT ROW" : "SCAN " + n + " CONSTANT ROWS";
    }

    /**
     * The loop's lines: one, or a MULTI-INDEX OR's heading with each branch's {@code INDEX n} and line below it.
     *
     * @param partial an automatic index holds only the rows some terms accept
     */
    static List<Line> lines(Scope.Source source, AccessPath path, Table table, boolean leftJoin, boolean search,
                            boolean partial) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(describe(source, path, table, leftJoin, search, partial), 0));
        for (int i = 0; i < path.branches().size(); i++) {
            lines.add(new Line("INDEX " + (i + 1), 1));
            lines.add(new Line(describe(source, path.branches().get(i), table, false, false, false), 2));
        }
        return lines;
    }

    /** @param search the loop stops at its first row (min/max): a scan reads as a SEARCH */
    static String describe(Scope.Source source, AccessPath path, Table table, boolean leftJoin, boolean search,
                           boolean partial) {
        String name = source.name();
        String text = switch (path.kind()) {
            case MULTI_OR -> "MULTI-INDEX OR";
            case ROW, SCAN -> (search ? "SEARCH " : "SCAN ") + name + FunctionSources.planSuffix(source);
            case ROWID_EQ -> "SEARCH " + name + " USING INTEGER PRIMARY KEY (rowid=?)";
            case ROWID_RANGE -> "SEARCH " + name + " USING INTEGER PRIMARY KEY (" + range("rowid", path) + ")";
            case AUTO_INDEX -> {
                List<String> terms = new ArrayList<>();
                for (WhereTerm.Constraint c : path.eq()) {
                    terms.add((c.column() < source.columns().size() ? source.columns().get(c.column()) : "rowid") + "=?");
                }
                yield "SEARCH " + name + " USING AUTOMATIC " + (partial ? "PARTIAL " : "") + "COVERING INDEX ("
                        + String.join(" AND ", terms) + ")";
            }
            case INDEX -> {
                String line = index(name, path, table);
                yield search && line.startsWith("SCAN ") ? "SEARCH " + line.substring(5) : line;
            }
        };
        return leftJoin ? text + " LEFT-JOIN" : text;
    }

    private static String index(String name, AccessPath path, Table table) {
        String using = !table.hasRowid() && path.index().isPrimaryKey() ? "PRIMARY KEY"
                : (path.covering() ? "COVERING INDEX " : "INDEX ") + path.index().name();
        List<String> terms = new ArrayList<>();
        List<IndexColumn> keys = path.index().keyColumns();
        for (int i = 0; i < path.eq().size(); i++) {
            terms.add(keyName(table, keys.get(i)) + "=?");
        }
        if (path.lower() != null || path.upper() != null) {
            terms.add(range(keyName(table, keys.get(path.eq().size())), path));
        }
        if (terms.isEmpty()) {
            return "SCAN " + name + " USING " + using;
        }
        return "SEARCH " + name + " USING " + using + " (" + String.join(" AND ", terms) + ")";
    }

    /** sqlite3 3.40 writes a lower bound as {@code >?} and an upper one as {@code <?}, inclusive or not. */
    private static String range(String column, AccessPath path) {
        List<String> parts = new ArrayList<>();
        if (path.lower() != null) {
            parts.add(column + ">?");
        }
        if (path.upper() != null) {
            parts.add(column + "<?");
        }
        return String.join(" AND ", parts);
    }

    private static String keyName(Table table, IndexColumn key) {
        return key.column() >= 0 ? table.columns().get(key.column()).name() : key.column() == IndexColumn.ROWID ? "rowid" : "<expr>";
    }
}
