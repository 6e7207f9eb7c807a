package io.turso4j.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a new index goes in a table's index list, by SQLite's rule (sqlite3CreateIndex): it is
 * put first, unless its ON CONFLICT is REPLACE and the first index's is not — then it goes just
 * before the first REPLACE index (or last), so REPLACE indexes are checked after all others.
 * The order matters: it is the order of {@code PRAGMA index_list}, of constraint checks, and of
 * autoindex numbering. Stateless.
 */
public final class IndexOrder {
    private IndexOrder() {
    }

    /** {@code indexes} with {@code index} linked in; neither argument is changed. */
    public static List<Index> link(List<Index> indexes, Index index) {
        List<Index> out = new ArrayList<>(indexes.size() + 1);
        boolean replace = index.onConflict() == Conflict.REPLACE;
        if (!replace || indexes.isEmpty() || indexes.getFirst().onConflict() == Conflict.REPLACE) {
            out.add(index);
            out.addAll(indexes);
            return out;
        }
        int at = 1;
        while (at < indexes.size() && indexes.get(at).onConflict() != Conflict.REPLACE) {
            at++;
        }
        out.addAll(indexes.subList(0, at));
        out.add(index);
        out.addAll(indexes.subList(at, indexes.size()));
        return out;
    }
}
