package io.turso4j.translate;

import io.turso4j.schema.Index;
import io.turso4j.schema.IndexColumn;
import io.turso4j.schema.IndexStats;
import io.turso4j.schema.Schema;
import io.turso4j.schema.Table;
import io.turso4j.sql.ast.Expr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the order of a FROM clause's nested loops and each source's {@link AccessPath}, as
 * SQLite's query solver does (wherePathSolver): a breadth-limited search over join orders in
 * which each step adds one source, with its cheapest path given the sources already placed
 * (their columns are then constants a lookup can use), and the cost of a step is its path's
 * cost times the rows the loops outside it yield ({@link JoinExtensions} keeps a step's
 * cheapest orders).
 *
 * <p>Estimates: a table has its sqlite_stat1 row count, else SQLite's default of 1,048,576 rows;
 * an index equality on k columns finds stat1's k-th average, else 10, 9, 8… rows (1 for a whole
 * unique key), an automatic index's 20 (built at 7·N·log N); an IN looks up each value of its
 * list (an IN subquery's guessed at 25, as SQLite guesses); a range bound keeps a quarter of
 * the rows; a term tested but not used for the lookup keeps about 93% of them (an equality caps
 * them at a quarter of the table's), as SQLite guesses — so a scan no index narrows is placed
 * where the fewest outer rows run it. Of two index paths where one uses more terms than the
 * other, the one using more is preferred (SQLite's whereLoopAdjustCost). The right side of a
 * LEFT or CROSS JOIN stays after every source to its left. One planner plans one FROM clause
 * (it caches each source's candidate paths); one thread.
 */
final class JoinPlanner {
    /** SQLite's row estimate for a table without statistics. */
    static final double DEFAULT_ROWS = 1_048_576;
    /** How many partial orders each step keeps (SQLite keeps 5 to 10 for joins). */
    static final int BEAM = 8;

    /**
     * One source as the planner sees it.
     *
     * @param table the stored table, or null for a co-routine (or a single row)
     * @param rows the estimated rows of a full scan
     * @param singleRow a row already in registers: no loop, no path to choose
     * @param prereq the sources that must be placed before this one
     * @param leftJoin the right side of a LEFT JOIN: only its own ON terms may narrow it
     * @param used the columns the query reads (by readable column number), or null for all
     * @param indexedBy the index INDEXED BY names (only it is considered), the empty string for
     *                  NOT INDEXED (no index is), or null
     */
    record Item(Table table, double rows, boolean singleRow, long prereq, boolean leftJoin, boolean[] used,
                String indexedBy) {}

    /** The chosen order (source numbers, outermost first) and each source's path (by source number). */
    record Plan(int[] order, AccessPath[] paths) {}

    /**
     * A partial order: {@code parent}'s sources, then {@code source} by {@code path}. Kept as a
     * chain so that extending one costs no copying; the arrays are built once for the winner.
     */
    record Partial(Partial parent, int source, AccessPath path, long placed, int depth, double cost,
                   double rows) {}

    private final List<Item> items;
    private final Schema schema;
    /** The ORDER BY the loops should yield if they can (null: none wanted). */
    private final IndexOrder.Wanted order;
    /** Only the first row in {@link #order} is wanted (min/max): a path that yields it stops there. */
    private final boolean firstOnly;
    /** Per source: the constraints on it that its loop may use (a LEFT JOIN's right side: its own ON terms). */
    private final List<List<WhereTerm.Constraint>> constraints = new ArrayList<>();
    /** Per source: the terms (not reading every source) that read it, tested in its loop or an inner one. */
    private final List<List<WhereTerm>> tested = new ArrayList<>();
    /** Per source: the sources whose placement outside it can change its paths. */
    private final long[] relevant;
    /**
     * Per source and set of relevant sources placed outside it: its candidate paths, each with
     * its rows after the terms it tests and its cost including a sort it leaves to be done
     * (SQLite's WhereLoop list: built once, then only combined by the search).
     */
    private final List<Map<Long, AccessPath[]>> choices = new ArrayList<>();
    /** Per source: its candidates when it is the outermost loop (the ORDER BY may then be yielded). */
    private final AccessPath[][] unplacedChoices;
    /** Whether a MULTI-INDEX OR path may be chosen. */
    private final boolean multiOr;

    /** Plans a statement's single source (an UPDATE's or DELETE's): a MULTI-INDEX OR is not considered. */
    JoinPlanner(List<Item> items, List<WhereTerm> terms, Schema schema) {
        this(items, terms, schema, null, false, false);
    }

    /**
     * @param order the ORDER BY as source columns, or null; an outermost path that yields it is
     *     preferred by the cost of the sort it saves (SQLite's estimate: N log N for N rows)
     */
    JoinPlanner(List<Item> items, List<WhereTerm> terms, Schema schema, IndexOrder.Wanted order,
                boolean firstOnly) {
        this(items, terms, schema, order, firstOnly, true);
    }

    private JoinPlanner(List<Item> items, List<WhereTerm> terms, Schema schema, IndexOrder.Wanted order,
                        boolean firstOnly, boolean multiOr) {
        this.items = items;
        this.schema = schema;
        this.order = order;
        this.firstOnly = firstOnly;
        int n = items.size();
        this.relevant = new long[n];
        this.unplacedChoices = new AccessPath[n][];
        for (int s = 0; s < n; s++) {
            constraints.add(new ArrayList<>());
            tested.add(new ArrayList<>());
            choices.add(new HashMap<>());
        }
        // IS NULL holds for a row an outer join adds with NULLs: narrowing a loop by it would change
        // which rows go unmatched, so with an outer join it is only tested.
        boolean outer = false;
        for (int s = 0; s < n; s++) {
            outer |= items.get(s).leftJoin();
        }
        // Kept to inner joins: an outer join's unmatched rows would need the branches' ON handling too.
        this.multiOr = multiOr && !outer;
        for (WhereTerm t : derivedLast(terms)) {
            for (WhereTerm.Constraint c : t.constraints()) {
                int s = c.source();
                if (s >= 0 && s < n && (items.get(s).leftJoin() ? t.on() == s : t.on() < 0)
                        && !(outer && c.op() == WhereTerm.Op.ISNULL)) {
                    constraints.get(s).add(c);
                    relevant[s] |= c.valueMask();
                }
            }
            if (t.mask() != WhereTerm.ALL) {
                for (int s = 0; s < n; s++) {
                    if ((t.mask() & (1L << s)) != 0) {
                        tested.get(s).add(t);
                        relevant[s] |= t.mask();
                    }
                }
            } else if (n == 1 && !t.disjuncts().isEmpty()) {
                // An OR holding a subquery, over a lone source: whatever the subquery reads is
                // fixed while this loop runs, so a MULTI-INDEX OR may still look its disjuncts up.
                tested.getFirst().add(t);
            }
        }
        if (!outer) {
            transitive(terms);
        }
    }

    /**
     * SQLite's transitive constraints: given {@code x = y} between columns of two sources (of one
     * affinity class, compared in BINARY), a constant equality or IN list on {@code y} narrows
     * {@code x} too, so a lookup on {@code x} may use it before {@code y}'s source is placed. The
     * terms themselves are still tested where they are.
     */
    private void transitive(List<WhereTerm> terms) {
        for (WhereTerm t : terms) {
            if (!(t.expr() instanceof Expr.Binary b) || b.op() != Expr.BinaryOp.EQ || t.on() >= 0
                    || t.constraints().size() != 2) {
                continue;
            }
            WhereTerm.Constraint x = t.constraints().get(0);
            WhereTerm.Constraint y = t.constraints().get(1);
            if (x.op() != WhereTerm.Op.EQ || y.op() != WhereTerm.Op.EQ || x.source() == y.source()
                    || x.valueMask() != 1L << y.source() || y.valueMask() != 1L << x.source()
                    || !binary(x) || !sameClass(x, y)) {
                continue;
            }
            derive(x, y);
            derive(y, x);
        }
    }

    /** Adds to {@code to}'s source the constant EQ and IN constraints on {@code from}'s column, as on {@code to}'s. */
    private void derive(WhereTerm.Constraint to, WhereTerm.Constraint from) {
        for (WhereTerm.Constraint k : List.copyOf(constraints.get(from.source()))) {
            // A subquery's list is coded where its own term's source is looked up, not twice.
            if (k.column() == from.column() && k.valueMask() == 0 && binary(k) && k.subquery() == null
                    && (k.op() == WhereTerm.Op.EQ || k.op() == WhereTerm.Op.IN)) {
                constraints.get(to.source()).add(new WhereTerm.Constraint(k.term(), to.source(), to.column(), k.op(),
                        k.values(), 0, k.probe(), k.collation()));
            }
        }
    }

    private static boolean binary(WhereTerm.Constraint c) {
        return c.collation() == null || c.collation().name().equalsIgnoreCase("BINARY");
    }

    /** Whether the two constrained columns have one affinity, or both a numeric one (SQLite's termIsEquivalence). */
    private boolean sameClass(WhereTerm.Constraint x, WhereTerm.Constraint y) {
        io.turso4j.value.Affinity a = affinity(x);
        io.turso4j.value.Affinity b = affinity(y);
        return a != null && b != null && (a == b || a.isNumeric() && b.isNumeric());
    }

    private io.turso4j.value.Affinity affinity(WhereTerm.Constraint c) {
        Table table = items.get(c.source()).table();
        if (table == null) {
            return null;
        }
        return c.column() >= table.columns().size() ? io.turso4j.value.Affinity.INTEGER
                : table.columns().get(c.column()).affinity();
    }

    /**
     * {@code terms} with those whose constraints SQLite derives as virtual terms (a BETWEEN's two
     * bounds, an OR's IN or combined bound), which it appends to the WHERE clause, after the
     * others: a path then takes, of two bounds on one column, the one SQLite takes (a written
     * {@code x > 8981} before a {@code x BETWEEN 2518 AND 9557}'s lower bound).
     */
    private static List<WhereTerm> derivedLast(List<WhereTerm> terms) {
        List<WhereTerm> out = new ArrayList<>(terms.size());
        for (int pass = 0; pass < 2; pass++) {
            for (WhereTerm t : terms) {
                boolean derived = t.expr() instanceof Expr.Between
                        || t.expr() instanceof Expr.Binary b && b.op() == Expr.BinaryOp.OR;
                if (derived == (pass == 1)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    Plan plan() {
        int n = items.size();
        Partial[] beam = {new Partial(null, -1, null, 0, 0, 0, 1)};
        // A step extends at most BEAM orders, and no more than there are sets of sources (2^n).
        JoinExtensions next = new JoinExtensions(n * (n < 3 ? 1 << n : BEAM));
        for (int step = 0; step < n; step++) {
            next.clear();
            for (int b = 0; b < beam.length; b++) {
                Partial p = beam[b];
                for (int s = 0; s < n; s++) {
                    Item item = items.get(s);
                    if ((p.placed & (1L << s)) != 0 || (item.prereq() & ~p.placed) != 0) {
                        continue;
                    }
                    AccessPath path = best(s, p.placed, p.rows);
                    next.offer(b, s, path, p.placed | (1L << s), p.cost + p.rows * path.cost() + path.setup(),
                            Math.max(1, p.rows * path.rows()));
                }
            }
            beam = next.cheapest(beam, step + 1);
        }
        int[] order = new int[n];
        AccessPath[] paths = new AccessPath[n];
        for (Partial p = beam[0]; p.parent != null; p = p.parent) {
            order[p.depth - 1] = p.source;
            paths[p.source] = p.path;
        }
        return new Plan(order, paths);
    }

    /**
     * {@code set} made a good hash key: a Long's hash folds bit i onto bit i + 32, so the sets of
     * a wide join collide by the dozen; multiplying by an odd constant is one-to-one and mixes them.
     */
    static long spread(long set) {
        return set * 0x9E3779B97F4A7C15L;
    }

    /**
     * The cheapest path for source {@code s} when the sources in {@code available} are placed
     * outside it and yield {@code outerRows} rows (its loop runs once per row; a setup once).
     */
    AccessPath best(int s, long available, double outerRows) {
        AccessPath[] candidates;
        if (available == 0) {
            if (unplacedChoices[s] == null) {
                unplacedChoices[s] = candidates(s, 0, true);
            }
            candidates = unplacedChoices[s];
        } else {
            // Only the relevant sources change the candidates, so orders that differ elsewhere share them.
            // Looked up, then put: a computeIfAbsent would make a capturing lambda every call.
            Map<Long, AccessPath[]> byPlaced = choices.get(s);
            Long key = spread(available & relevant[s]);
            candidates = byPlaced.get(key);
            if (candidates == null) {
                candidates = candidates(s, available & relevant[s], false);
                byPlaced.put(key, candidates);
            }
        }
        AccessPath best = null;
        for (AccessPath c : candidates) {
            double total = outerRows * c.cost() + c.setup();
            double bestTotal = best == null ? 0 : outerRows * best.cost() + best.setup();
            // Of two as dear, the one yielding fewer rows (as SQLite's solver compares them).
            if (best == null || total < bestTotal || (total == bestTotal && c.rows() < best.rows())) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Source {@code s}'s candidate paths when the sources in {@code available} are placed outside
     * it ({@code outermost}: none is), each with its rows after the terms tested in its loop and
     * its cost with the sort it leaves to be done (when it is the outermost loop).
     */
    private AccessPath[] candidates(int s, long available, boolean outermost) {
        Item item = items.get(s);
        if (item.singleRow()) {
            return new AccessPath[] {new AccessPath(AccessPath.Kind.ROW, null, List.of(), null, null, false, 1, 1, 0)};
        }
        List<WhereTerm.Constraint> usable = new ArrayList<>();
        for (WhereTerm.Constraint c : constraints.get(s)) {
            if ((c.valueMask() & ~available) == 0) {
                usable.add(c);
            }
        }
        double n = Math.max(1, item.rows());
        double log = Math.max(1, Math.log(n) / Math.log(2));
        List<AccessPath> candidates = new ArrayList<>();
        candidates.add(new AccessPath(AccessPath.Kind.SCAN, null, List.of(), null, null, false, n, n, 0));
        Table table = item.table();
        boolean ordering = order != null && outermost;
        if (table != null) {
            rowidPaths(table, usable, n, log, candidates);
            boolean indexedBy = item.indexedBy() != null && !item.indexedBy().isEmpty();
            int before = candidates.size();
            for (Index index : table.indexes()) {
                if (item.indexedBy() == null || index.name().equalsIgnoreCase(item.indexedBy())) {
                    indexPath(item, index, usable, n, log, ordering || indexedBy, candidates);
                }
            }
            if (indexedBy && candidates.size() > before) {
                candidates.subList(0, before).clear(); // INDEXED BY: only the named index, as in SQLite
            }
        }
        if (!outermost && item.indexedBy() == null) {
            autoIndexPath(item, usable, n, log, candidates);
        }
        if (multiOr && table != null && table.hasRowid() && item.indexedBy() == null) {
            multiOrPaths(s, available, item, n, log, candidates);
        }
        AccessPath[] out = new AccessPath[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            AccessPath c = candidates.get(i);
            out[i] = c.withEstimates(c.cost(), filtered(s, available, c));
        }
        preferSupersets(out);
        for (int i = 0; i < out.length; i++) {
            AccessPath c = out[i];
            double rows = c.rows();
            double cost = c.cost();
            if (ordering && IndexOrder.of(order, s, c, table) == IndexOrder.Direction.NONE) {
                // SQLite weighs a sort at about three times N log N (whereSortingCost).
                cost += 3 * rows * Math.max(1, Math.log(rows) / Math.log(2));
            } else if (ordering && firstOnly) {
                // It stops at the first row that passes: a seek and a few steps, through the
                // narrowest index of those that serve (as SQLite's cost, which weighs entry size).
                cost = Math.min(cost, 4 * log) + (c.index() != null ? 0.001 * SqliteCosts.entrySize(c.index(), table) : 0);
            }
            out[i] = c.withEstimates(cost, rows);
        }
        return out;
    }

    /**
     * SQLite's whereLoopAdjustCost: of two index paths of a source where one uses a proper
     * subset of the other's terms and is not dearer in both cost and rows, the one using more
     * terms is made no dearer and to yield fewer rows (and the other no cheaper, yielding more),
     * so that it wins: a lookup on more columns is trusted over the guesses that price it.
     */
    private static void preferSupersets(AccessPath[] paths) {
        AccessPath[] original = paths.clone();
        for (int y = 0; y < paths.length; y++) {
            for (int x = 0; x < paths.length; x++) {
                if (x == y || !cheaperProperSubset(original[x], original[y])) {
                    continue;
                }
                AccessPath a = paths[y];
                paths[y] = a.withEstimates(Math.min(original[x].cost(), a.cost()),
                        Math.min(original[x].rows() * STEP, a.rows()));
                AccessPath b = paths[x];
                paths[x] = b.withEstimates(Math.max(original[y].cost(), b.cost()),
                        Math.max(original[y].rows() / STEP, b.rows()));
            }
        }
    }

    /** SQLite's whereLoopCheaperProperSubset for index paths (stored or automatic). */
    private static boolean cheaperProperSubset(AccessPath x, AccessPath y) {
        if (!indexed(x) || !indexed(y)) {
            return false;
        }
        List<WhereTerm> xs = usedTerms(x);
        List<WhereTerm> ys = usedTerms(y);
        if (xs.size() >= ys.size() || (x.cost() > y.cost() && x.rows() > y.rows())) {
            return false;
        }
        for (WhereTerm t : xs) {
            if (!ys.contains(t)) {
                return false;
            }
        }
        return !(x.covering() && !y.covering());
    }

    private static boolean indexed(AccessPath p) {
        return p.kind() == AccessPath.Kind.INDEX || p.kind() == AccessPath.Kind.AUTO_INDEX;
    }

    /** The terms a path's lookup uses, each once. */
    private static List<WhereTerm> usedTerms(AccessPath p) {
        List<WhereTerm> out = new ArrayList<>();
        for (WhereTerm.Constraint c : p.eq()) {
            if (!out.contains(c.term())) {
                out.add(c.term());
            }
        }
        for (WhereTerm.Constraint c : new WhereTerm.Constraint[] {p.lower(), p.upper()}) {
            if (c != null && !out.contains(c.term())) {
                out.add(c.term());
            }
        }
        return out;
    }

    /**
     * The path's rows after the terms tested in its loop that the lookup does not use, as
     * SQLite's whereLoopOutputAdjust guesses them: each such term keeps about 93% of the rows
     * (a LogEst step), and an equality among them caps the rows at a quarter of the table's
     * (half when it compares with -1, 0 or 1).
     */
    private double filtered(int s, long available, AccessPath path) {
        double rows = path.rows();
        double reduce = 1;
        long here = available | (1L << s);
        for (WhereTerm t : tested.get(s)) {
            if ((t.mask() & ~here) == 0 && !uses(path, t)) {
                rows *= STEP;
                if (t.expr() instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.EQ || b.op() == Expr.BinaryOp.IS)) {
                    reduce = Math.max(reduce, isSmallInteger(b.right()) ? 2 : 4);
                }
            }
        }
        return Math.max(1, Math.min(rows, Math.max(1, items.get(s).rows()) / reduce));
    }

    /** One LogEst step down: the share of rows SQLite guesses a term it only tests keeps. */
    private static final double STEP = Math.pow(2, -0.1);

    /** Whether {@code e} is an integer literal from -1 to 1 (SQLite guesses such a test less selective). */
    private static boolean isSmallInteger(Expr e) {
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE && u.operand() instanceof Expr.Literal l) {
            return l.kind() == Expr.LiteralKind.INTEGER && l.text().equals("1");
        }
        return e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER
                && (l.text().equals("0") || l.text().equals("1"));
    }

    private static boolean uses(AccessPath path, WhereTerm t) {
        for (WhereTerm.Constraint c : path.eq()) {
            if (c.term() == t) {
                return true;
            }
        }
        return path.or() == t || (path.lower() != null && path.lower().term() == t) || (path.upper() != null && path.upper().term() == t);
    }

    private static boolean isRowid(Table table, int column) {
        return column == table.columns().size() || column == table.rowidAlias();
    }

    private static void rowidPaths(Table table, List<WhereTerm.Constraint> usable, double n, double log,
                                   List<AccessPath> out) {
        WhereTerm.Constraint lower = null;
        WhereTerm.Constraint upper = null;
        for (WhereTerm.Constraint c : usable) {
            if (!isRowid(table, c.column())) {
                continue;
            }
            switch (c.op()) {
                case EQ -> out.add(new AccessPath(AccessPath.Kind.ROWID_EQ, null, List.of(c), null, null, false, log, 1, 0));
                case IN -> {
                    if (c.width() == 1) { // a row value's list holds more than rowids
                        out.add(new AccessPath(AccessPath.Kind.ROWID_EQ, null, List.of(c), null, null, false,
                                c.listSize() * log, c.listSize(), 0));
                    }
                }
                case GT, GE -> lower = lower == null ? c : lower;
                case LT, LE -> upper = upper == null ? c : upper;
                case ISNULL -> {
                    // A rowid is never NULL: SQLite uses no lookup for it either.
                }
            }
        }
        if (lower != null || upper != null) {
            double rows = lower != null && upper != null ? n / 64 : n / 4;
            out.add(new AccessPath(AccessPath.Kind.ROWID_RANGE, null, List.of(), lower, upper, false, log + rows, rows, 0));
        }
    }

    /**
     * A MULTI-INDEX OR path per OR term tested in source {@code s}'s loop each of whose disjuncts
     * has a rowid or index lookup (the cheapest; the table's row is always read): its rows are
     * the sum of its branches' and its cost theirs as SQLite prices them (whereLoopAddOr), so
     * that it wins over a full scan exactly when SQLite's does (see {@link SqliteCosts#branch}).
     */
    private void multiOrPaths(int s, long available, Item item, double n, double log, List<AccessPath> out) {
        long here = available | (1L << s);
        // A branch's index is priced (and shown) as covering when it holds every column the
        // query reads, as SQLite's is; the loop code still reads each row found by its rowid.
        Item reading = new Item(item.table(), item.rows(), false, item.prereq(), false, item.used(), null);
        for (WhereTerm t : tested.get(s)) {
            if (t.on() >= 0 || t.disjuncts().isEmpty() || (t.mask() != WhereTerm.ALL && (t.mask() & ~here) != 0)) {
                continue;
            }
            List<AccessPath> branches = new ArrayList<>();
            double cost = 0;
            double rows = 0;
            boolean first = true;
            for (WhereTerm.Disjunct d : t.disjuncts()) {
                List<WhereTerm.Constraint> usable = new ArrayList<>();
                for (WhereTerm conjunct : d.conjuncts()) {
                    for (WhereTerm.Constraint c : conjunct.constraints()) {
                        if (c.source() == s && (c.valueMask() & ~available) == 0) {
                            usable.add(c);
                        }
                    }
                }
                // The terms ANDed with the OR narrow each branch too (SQLite's sub-WHERE sees the
                // outer clause): a row they reject is rejected by their own tests anyway.
                for (WhereTerm.Constraint c : constraints.get(s)) {
                    if (c.term() != t && (c.valueMask() & ~available) == 0) {
                        usable.add(c);
                    }
                }
                List<AccessPath> paths = new ArrayList<>();
                rowidPaths(item.table(), usable, n, log, paths);
                for (Index index : item.table().indexes()) {
                    indexPath(reading, index, usable, n, log, false, paths);
                }
                AccessPath branch = paths.stream()
                        .filter(p -> !p.eq().isEmpty() || p.lower() != null || p.upper() != null)
                        .min(Comparator.comparingDouble(AccessPath::cost)).orElse(null);
                if (branch == null) {
                    branches = null;
                    break;
                }
                branches.add(branch);
                double c = SqliteCosts.branch(branch, item.table(), log);
                cost = first ? c : SqliteCosts.logEstAdd(cost, c);
                first = false;
                rows += branch.rows();
            }
            if (branches != null) {
                // SQLite adds one to the sum; its full scan costs LogEst(n) + 16, ours n.
                double scaled = Math.pow(2, (cost + 1 - 16) / 10);
                out.add(new AccessPath(AccessPath.Kind.MULTI_OR, null, List.of(), null, null, false, scaled,
                        Math.min(n, rows), 0, t, List.copyOf(branches)));
            }
        }
    }

    /** An index's path; {@code fullScan}: also when nothing narrows it (it may yield the ORDER BY). */
    private void indexPath(Item item, Index index, List<WhereTerm.Constraint> usable, double n, double log,
                           boolean fullScan, List<AccessPath> out) {
        if (index.isPartial() || index.rootPage() <= 0) {
            return;
        }
        List<IndexColumn> keys = index.keyColumns();
        List<WhereTerm.Constraint> eq = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            WhereTerm.Constraint c = find(keys.get(k), usable, true, item.table());
            if (c == null) {
                break;
            }
            eq.add(c);
        }
        int k = eq.size();
        double seeks = 1;
        List<WhereTerm> lists = new ArrayList<>();
        for (WhereTerm.Constraint c : eq) {
            // A row value's list is run through once for all its columns.
            if (c.op() == WhereTerm.Op.IN && !lists.contains(c.term())) {
                lists.add(c.term());
                seeks *= c.listSize();
            }
        }
        WhereTerm.Constraint lower = null;
        WhereTerm.Constraint upper = null;
        if (k < keys.size()) {
            for (WhereTerm.Constraint c : usable) {
                if (matches(keys.get(k), c, item.table())) {
                    switch (c.op()) {
                        case GT, GE -> lower = lower == null ? c : lower;
                        case LT, LE -> upper = upper == null ? c : upper;
                        default -> {
                        }
                    }
                }
            }
        }
        boolean covering = covers(index, item);
        if (eq.isEmpty() && lower == null && upper == null && !item.table().hasRowid() && index.isPrimaryKey()) {
            return; // a WITHOUT ROWID table's primary key index is its table: the SCAN path already
        }
        if (eq.isEmpty() && lower == null && upper == null && !fullScan
                && (!covering || item.table().hasRowid() && SqliteCosts.entrySize(index, item.table()) >= SqliteCosts.rowSize(item.table()))) {
            // SQLite scans a whole index instead of the table only when it covers the query
            // with narrower entries (or may yield the ORDER BY): rows then come in table order.
            return;
        }
        double rows = perKey(index, k, n) * seeks;
        if (lower != null && upper != null) {
            rows /= 64;
        } else if (lower != null || upper != null) {
            rows /= 4;
        }
        rows = Math.max(1, rows);
        // Per row, relative to a full scan's step: a covering index reads narrower entries
        // (slightly cheaper); any other also seeks the table's row, which SQLite prices at
        // about a third of a scan step more (its 3N full scan against N + 3N·⅓ lookups).
        double perRow = covering ? 0.9 : 4.0 / 3;
        if (covering && eq.isEmpty() && lower == null && upper == null && item.table().hasRowid()) {
            // A whole covering index read for its order: as SQLite weighs it against the table
            // (rSize + 1 + 15·szIdxRow/szTabRow against rSize + 16), no cheaper unless narrower.
            perRow = Math.pow(2, (1 + 15 * SqliteCosts.entrySize(index, item.table()) / SqliteCosts.rowSize(item.table()) - 16) / 10.0);
        }
        // Of two indexes that serve equally, the one with narrower entries.
        // A seek weighs a third of log N: costs here are SQLite's divided by three (its scan
        // step is 3), but its seek costs log N.
        double cost = seeks * log / 3 + rows * (perRow + 0.01 * width(index, item.table()));
        out.add(new AccessPath(AccessPath.Kind.INDEX, index, List.copyOf(eq), lower, upper, covering, cost, rows, 0));
    }

    /**
     * A guess at the width of an index entry, as SQLite guesses one from the declared types: a
     * numeric column (or the rowid) as one unit, any other as two. Only a tie-break between
     * indexes that serve alike; SQLite's own size guess ({@link SqliteCosts#entrySize}) in its
     * place changes plans that match sqlite3's now.
     */
    private static int width(Index index, Table table) {
        int width = 0;
        for (IndexColumn c : index.columns()) {
            width += c.column() < 0 || table.columns().get(c.column()).affinity().isNumeric() ? 1 : 2;
        }
        return width;
    }

    /** Rows per distinct value of the first {@code k} key columns. */
    private double perKey(Index index, int k, double n) {
        if (k == 0) {
            return n;
        }
        IndexStats stats = schema.indexStats(index.name());
        long[] estimates = stats == null ? null : stats.estimates();
        if (estimates != null && estimates.length > k) {
            return Math.max(1, estimates[k]);
        }
        if (index.unique() && k >= index.keyCount()) {
            return 1;
        }
        return Math.min(n, Math.max(1, 11 - k));
    }

    /**
     * The first of {@code usable} that constrains {@code key} by equality (or, when not
     * {@code equality}, by a range) — by a single value before an IN list, whose several seeks
     * SQLite's costs would not choose over one.
     */
    private static WhereTerm.Constraint find(IndexColumn key, List<WhereTerm.Constraint> usable, boolean equality, Table table) {
        WhereTerm.Constraint in = null;
        for (WhereTerm.Constraint c : usable) {
            boolean eq = c.op() == WhereTerm.Op.EQ || c.op() == WhereTerm.Op.IN || c.op() == WhereTerm.Op.ISNULL;
            if (eq == equality && matches(key, c, table)) {
                if (c.op() != WhereTerm.Op.IN) {
                    return c;
                }
                in = in == null ? c : in;
            }
        }
        return in;
    }

    /** Whether {@code c} constrains the index column {@code key} under the index's collation. */
    private static boolean matches(IndexColumn key, WhereTerm.Constraint c, Table table) {
        int column = key.column() == IndexColumn.ROWID ? table.columns().size() : key.column();
        if (key.column() == IndexColumn.EXPRESSION || (column != c.column()
                && !(column == table.rowidAlias() && c.column() == table.columns().size()))) {
            return false;
        }
        if (c.op() == WhereTerm.Op.ISNULL) {
            return true;
        }
        String want = key.collation() == null ? "BINARY" : key.collation();
        String have = c.collation() == null ? "BINARY" : c.collation().name();
        return want.equalsIgnoreCase(have);
    }

    /** Whether the entries of {@code index} hold every column the query reads of the source. */
    static boolean covers(Index index, Item item) {
        if (item.used() == null) {
            return false;
        }
        int[] fields = fields(index, item.table());
        for (int i = 0; i < item.used().length; i++) {
            if (item.used()[i] && fields[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Per readable column of {@code table} (the rowid last): its field in an entry of {@code index}, or -1. */
    static int[] fields(Index index, Table table) {
        int width = table.columns().size();
        int[] fields = new int[width + 1];
        java.util.Arrays.fill(fields, -1);
        for (int p = 0; p < index.columns().size(); p++) {
            int c = index.columns().get(p).column();
            if (c == IndexColumn.ROWID) {
                fields[width] = p;
                if (table.rowidAlias() >= 0) {
                    fields[table.rowidAlias()] = p;
                }
            } else if (c >= 0 && fields[c] < 0) {
                fields[c] = p;
            }
        }
        return fields;
    }

    /**
     * An automatic index on the columns that EQ constraints tie to outer loops: built once by
     * scanning the source, then looked up once per outer row (SQLite's automatic indexing).
     */
    private static void autoIndexPath(Item item, List<WhereTerm.Constraint> usable, double n, double log,
                                      List<AccessPath> out) {
        List<WhereTerm.Constraint> eq = new ArrayList<>();
        for (WhereTerm.Constraint c : usable) {
            if (c.op() == WhereTerm.Op.EQ && c.valueMask() != 0
                    && eq.stream().noneMatch(e -> e.column() == c.column())) {
                eq.add(c);
            }
        }
        if (eq.isEmpty()) {
            return;
        }
        // SQLite's guesses (over three, as every cost here): building costs 7·N·log N, and a
        // lookup finds 20 rows (it cannot know how selective the columns are).
        double rows = Math.min(n, 20);
        out.add(new AccessPath(AccessPath.Kind.AUTO_INDEX, null, List.copyOf(eq), null, null, true,
                log / 3 + rows * 0.9, rows, 7 * n * log / 3));
    }
}
