package io.turso4j;

import io.turso4j.schema.Schema;
import io.turso4j.schema.SchemaLookup;
import io.turso4j.schema.SystemTables;
import io.turso4j.schema.Table;
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
import java.util.function.Function;

/**
 * Reads the schema of a connection's database from sqlite_schema (the table rooted at page 1),
 * as SQLite's {@code sqlite3InitOne}: every row in rowid order, handed to {@link SchemaLoader},
 * then sqlite_stat1's rows when that table exists. Runs inside the caller's read transaction.
 *
 * <p>Resumable, never waiting: {@link #step()} throws {@link IoPending} when a page is not
 * there yet and, called again once it is, continues where it stopped (its cursor keeps its
 * place, so a page cache of one page still makes progress). One reader per load; used by the
 * connection's thread only.
 */
final class SchemaReader {
    private final BTree btree;
    private final Pager pager;
    private final int cookie;
    /** Where the triggers of this schema may find the tables they watch besides it (temp's: main), or null. */
    private final SchemaLookup others;
    private Scan<SchemaRow> schemaRows;
    private Schema schema;
    private Scan<Schema.Stat1Row> stat1Rows;

    /** A reader of the schema whose cookie (meta 1) the read transaction sees as {@code cookie}. */
    SchemaReader(BTree btree, Pager pager, int cookie) {
        this(btree, pager, cookie, null);
    }

    /** As the three-argument constructor; the schema's triggers may watch tables of {@code others}. */
    SchemaReader(BTree btree, Pager pager, int cookie, SchemaLookup others) {
        this.btree = btree;
        this.pager = pager;
        this.cookie = cookie;
        this.others = others;
    }

    /**
     * The schema cookie of a temp or attached database, awaiting its I/O on the caller's thread:
     * those are read by blocking calls (ATTACH, the first statement naming temp).
     */
    static int cookieAwaiting(BTree btree, Database db) {
        for (;;) {
            try {
                return btree.meta(1);
            } catch (IoPending p) {
                Database.await(db.io(), p.completion());
            }
        }
    }

    /** The schema of a temp or attached database at {@code cookie}, awaiting its I/O as {@link #cookieAwaiting}. */
    static Schema loadAwaiting(BTree btree, Pager pager, Database db, int cookie, SchemaLookup others) {
        SchemaReader reader = new SchemaReader(btree, pager, cookie, others);
        for (;;) {
            try {
                return reader.step();
            } catch (IoPending p) {
                Database.await(db.io(), p.completion());
            }
        }
    }

    /** The cookie of the schema this reader loads. */
    int cookie() {
        return cookie;
    }

    /**
     * Reads on; returns the schema when it is complete.
     *
     * @throws IoPending while a page is in flight; call again once it is done
     */
    Schema step() {
        if (schema == null) {
            if (pager.pageCount() == 0) {
                return SchemaLoader.bootstrap(cookie);
            }
            if (schemaRows == null) {
                schemaRows = new Scan<>(btree, SystemTables.SCHEMA_ROOT_PAGE, SchemaReader::schemaRow);
            }
            schema = SchemaLoader.load(schemaRows.all(), cookie, pager.pageCount(), others);
        }
        Table stat1 = schema.stat1Table();
        if (stat1 == null) {
            return schema;
        }
        if (stat1Rows == null) {
            stat1Rows = new Scan<>(btree, stat1.rootPage(), SchemaReader::stat1Row);
        }
        return schema.withStat1(stat1Rows.all());
    }

    /** Closes a cursor left open by a read that will not be resumed. */
    void abandon() {
        if (schemaRows != null) {
            schemaRows.close();
        }
        if (stat1Rows != null) {
            stat1Rows.close();
        }
    }

    private static SchemaRow schemaRow(RecordReader r) {
        return new SchemaRow(text(r, 0), text(r, 1), text(r, 2),
                r.columnCount() > 3 && r.typeOf(3) == StorageClass.INTEGER ? r.getLong(3) : null, text(r, 4));
    }

    /** sqlite_stat1's row (tbl, idx, stat), a numeric stat read as its text. */
    private static Schema.Stat1Row stat1Row(RecordReader r) {
        String stat = r.columnCount() > 2 && r.typeOf(2) == StorageClass.INTEGER
                ? Long.toString(r.getLong(2)) : text(r, 2);
        return new Schema.Stat1Row(text(r, 0), text(r, 1), stat);
    }

    private static String text(RecordReader r, int i) {
        return i < r.columnCount() && r.typeOf(i) == StorageClass.TEXT ? r.getText(i) : null;
    }

    /**
     * Every row of one table in rowid order, read resumably: a move or a record read that
     * throws {@link IoPending} is repeated on the next call, the rows read so far are kept.
     */
    private static final class Scan<T> {
        private final BTreeCursor cursor;
        private final Function<RecordReader, T> row;
        private final List<T> rows = new ArrayList<>();
        private boolean begun;
        private boolean onRow;
        private boolean done;

        Scan(BTree btree, int root, Function<RecordReader, T> row) {
            this.cursor = btree.openTable(root, false);
            this.row = row;
        }

        List<T> all() {
            while (!done) {
                if (!onRow) {
                    boolean more = begun ? cursor.next() : cursor.first();
                    begun = true;
                    if (!more) {
                        done = true;
                        cursor.close();
                        break;
                    }
                    onRow = true;
                }
                rows.add(row.apply(cursor.record()));
                onRow = false;
            }
            return rows;
        }

        void close() {
            if (!done) {
                done = true;
                cursor.close();
            }
        }
    }
}
