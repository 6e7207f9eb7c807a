package io.turso4j;

import io.turso4j.schema.Schema;
import io.turso4j.schema.SystemTables;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.btree.BTreeCursor;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.StorageClass;
import io.turso4j.storage.pager.Pager;
import io.turso4j.translate.schema.SchemaLoader;
import io.turso4j.translate.schema.SchemaRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the schema of a connection's database from sqlite_schema (the table rooted at page 1),
 * as SQLite's {@code sqlite3InitOne}: the schema cookie (meta 1), then every row in rowid order,
 * handed to {@link SchemaLoader}. Runs inside the caller's read transaction.
 *
 * <p>Never blocks inside the engine: on {@link IoPending} the read is started over once the
 * page arrives (the pages read so far stay cached, so each attempt gets further). Called from
 * the connection's thread only, at prepare time, which is a blocking call of the API.
 */
final class SchemaReader {
    private SchemaReader() {
    }

    /** The schema cookie as the current read transaction sees it (0 for an empty file). */
    static int cookie(BTree btree, Database db) {
        for (;;) {
            try {
                return btree.meta(1);
            } catch (IoPending p) {
                Database.await(db.io(), p.completion());
            }
        }
    }

    /** Loads the schema at {@code cookie}. */
    static Schema load(BTree btree, Pager pager, Database db, int cookie) {
        return load(btree, pager, db, cookie, null);
    }

    /** Loads the schema at {@code cookie}; its triggers may watch tables of {@code others} (the temp database's). */
    static Schema load(BTree btree, Pager pager, Database db, int cookie, io.turso4j.schema.SchemaLookup others) {
        if (pager.pageCount() == 0) {
            return SchemaLoader.bootstrap(cookie);
        }
        for (;;) {
            try {
                Schema schema = SchemaLoader.load(rows(btree), cookie, pager.pageCount(), others);
                return schema.stat1Table() == null ? schema : schema.withStat1(stat1(btree, schema.stat1Table()));
            } catch (IoPending p) {
                Database.await(db.io(), p.completion());
            }
        }
    }

    private static List<SchemaRow> rows(BTree btree) {
        List<SchemaRow> rows = new ArrayList<>();
        BTreeCursor c = btree.openTable(SystemTables.SCHEMA_ROOT_PAGE, false);
        try {
            for (boolean more = c.first(); more; more = c.next()) {
                RecordReader r = c.record();
                rows.add(new SchemaRow(text(r, 0), text(r, 1), text(r, 2),
                        r.columnCount() > 3 && r.typeOf(3) == StorageClass.INTEGER ? r.getLong(3) : null, text(r, 4)));
            }
        } finally {
            c.close();
        }
        return rows;
    }

    /** sqlite_stat1's rows (tbl, idx, stat), a numeric stat read as its text. */
    private static List<Schema.Stat1Row> stat1(BTree btree, io.turso4j.schema.Table stat1) {
        List<Schema.Stat1Row> rows = new ArrayList<>();
        BTreeCursor c = btree.openTable(stat1.rootPage(), false);
        try {
            for (boolean more = c.first(); more; more = c.next()) {
                RecordReader r = c.record();
                String stat = r.columnCount() > 2 && r.typeOf(2) == StorageClass.INTEGER
                        ? Long.toString(r.getLong(2)) : text(r, 2);
                rows.add(new Schema.Stat1Row(text(r, 0), text(r, 1), stat));
            }
        } finally {
            c.close();
        }
        return rows;
    }

    private static String text(RecordReader r, int i) {
        return i < r.columnCount() && r.typeOf(i) == StorageClass.TEXT ? r.getText(i) : null;
    }
}
