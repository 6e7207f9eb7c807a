package io.turso4j.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reads databases written by the real sqlite3 with the storage.format classes alone and checks
 * every header field, every row of every table and index, the freelist and the pointer maps
 * against what sqlite3 itself reports.
 */
class SqliteFileFormatTest {
    @TempDir
    Path dir;

    static String script() throws IOException {
        try (InputStream in = SqliteFileFormatTest.class.getResourceAsStream("/storage/mixed.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Creates a database with sqlite3: the settings, then storage/mixed.sql. */
    static Path create(Path dir, int pageSize, int autoVacuum, int reservedBytes) throws Exception {
        Path db = dir.resolve("p" + pageSize + "-av" + autoVacuum + "-r" + reservedBytes + ".db");
        String settings = "PRAGMA page_size=" + pageSize + ";\n"
                + (reservedBytes > 0 ? ".filectrl reserve_bytes " + reservedBytes + "\n" : "")
                + "PRAGMA auto_vacuum=" + autoVacuum + ";\n";
        Sqlite3.run(db, settings + edgeRows(pageSize - reservedBytes) + script());
        return db;
    }

    /**
     * Rows whose payloads straddle the spill thresholds of table leaves (U-35) and index pages
     * (((U-12)*64/255)-23), where an off-by-one in the local size would misplace the overflow
     * pointer.
     */
    static String edgeRows(int usable) {
        int tableMax = LocalPayload.maxLocal(PageType.LEAF_TABLE, usable);
        int indexMax = LocalPayload.maxLocal(PageType.LEAF_INDEX, usable);
        String insert = "WITH RECURSIVE n(i) AS (SELECT %d UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
                + " INSERT INTO edge SELECT randomblob(i) FROM n;\n";
        return "CREATE TABLE edge(x);\nCREATE INDEX edge_x ON edge(x);\n"
                + String.format(insert, tableMax - 8, tableMax + 2)
                + String.format(insert, indexMax - 10, indexMax + 2);
    }

    @ParameterizedTest(name = "page size {0}, auto_vacuum {1}, reserved {2}")
    @CsvSource({
        "512, 0, 0", "512, 1, 0", "512, 2, 20",
        "4096, 0, 32", "4096, 1, 0", "4096, 2, 0",
        "65536, 0, 0", "65536, 1, 0", "65536, 2, 100",
    })
    void readsWhatSqlite3Wrote(int pageSize, int autoVacuum, int reservedBytes) throws Exception {
        Path db = create(dir, pageSize, autoVacuum, reservedBytes);
        byte[] image = Files.readAllBytes(db);
        DatabaseWalker walker = new DatabaseWalker(image).walkAll();

        checkHeader(db, walker.header, image.length);
        assertEquals(pageSize - reservedBytes, walker.usableSize);
        assertEquals(walker.header.freelistCount(), walker.freelistPages);
        assertEquals(autoVacuum == 1, walker.freelistPages == 0, "FULL auto_vacuum truncates; the others keep a freelist");

        Map<String, List<String>> contents = walker.contents;
        assertEquals(expectedSchema(db), contents.get("sqlite_schema"));
        for (String table : Sqlite3.query(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
            assertEquals(expectedTable(db, table), contents.get(table), "rows of " + table);
        }
        for (String index : Sqlite3.query(db, "SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name")) {
            assertEquals(expectedIndex(db, index), contents.get(index), "keys of " + index);
        }
        assertTrue(contents.get("t").size() > 200 && contents.get("big").size() == 3);
        checkPageKinds(walker, autoVacuum != 0);
        checkCopyRoundTrip(image, walker);
    }

    private static void checkHeader(Path db, DatabaseHeader h, long fileSize) throws Exception {
        assertEquals(Integer.parseInt(Sqlite3.scalar(db, "PRAGMA page_size")), h.pageSize());
        assertEquals(Long.parseLong(Sqlite3.scalar(db, "PRAGMA page_count")), h.databaseSize());
        assertTrue(h.databaseSizeValid());
        assertEquals(fileSize, h.databaseSize() * h.pageSize());
        assertEquals(Long.parseLong(Sqlite3.scalar(db, "PRAGMA freelist_count")), h.freelistCount());
        assertEquals(Long.parseLong(Sqlite3.scalar(db, "PRAGMA schema_version")), h.schemaCookie());
        assertEquals(Integer.parseInt(Sqlite3.scalar(db, "PRAGMA user_version")), h.userVersion());
        assertEquals(Integer.parseInt(Sqlite3.scalar(db, "PRAGMA application_id")), h.applicationId());
        int autoVacuum = Integer.parseInt(Sqlite3.scalar(db, "PRAGMA auto_vacuum"));
        assertEquals(autoVacuum != 0, h.autoVacuum());
        assertEquals(autoVacuum == 2, h.incrementalVacuumMode());
        assertEquals("UTF-8", Sqlite3.scalar(db, "PRAGMA encoding"));
        assertEquals(DatabaseHeader.ENCODING_UTF8, h.textEncoding());
        assertEquals(DatabaseHeader.VERSION_LEGACY, h.writeVersion());
        assertEquals(4, h.schemaFormat());
        String[] v = Sqlite3.scalar(db, "SELECT sqlite_version()").split("\\.");
        int version = Integer.parseInt(v[0]) * 1_000_000 + Integer.parseInt(v[1]) * 1000 + Integer.parseInt(v[2]);
        assertEquals(version, h.sqliteVersion());
        if (h.autoVacuum()) {
            long maxRoot = Long.parseLong(Sqlite3.scalar(db, "SELECT max(rootpage) FROM sqlite_schema"));
            assertEquals(maxRoot, h.largestRootPage());
        }
    }

    private static List<String> normalized(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(Render.normalizeSqliteLine(line));
        }
        return out;
    }

    private static List<String> expectedSchema(Path db) throws Exception {
        return normalized(Sqlite3.query(db, "SELECT " + Sqlite3.render("rowid") + ", " + Sqlite3.render("type") + ", "
                + Sqlite3.render("name") + ", " + Sqlite3.render("tbl_name") + ", " + Sqlite3.render("rootpage") + ", "
                + Sqlite3.render("sql") + " FROM sqlite_schema ORDER BY rowid"));
    }

    private static List<String> expectedTable(Path db, String table) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT ").append(Sqlite3.render("rowid"));
        for (String column : Sqlite3.query(db, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid")) {
            sql.append(", ").append(Sqlite3.render(column));
        }
        return normalized(Sqlite3.query(db, sql.append(" FROM ").append(table).append(" ORDER BY rowid").toString()));
    }

    private static List<String> expectedIndex(Path db, String index) throws Exception {
        String table = Sqlite3.scalar(db, "SELECT tbl_name FROM sqlite_schema WHERE name = '" + index + "'");
        List<String> columns = Sqlite3.query(db, "SELECT name FROM pragma_index_info('" + index + "') ORDER BY seqno");
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder order = new StringBuilder(" ORDER BY ");
        for (String column : columns) {
            select.append(Sqlite3.render(column)).append(", ");
            order.append(column).append(", ");
        }
        select.append(Sqlite3.render("rowid")).append(" FROM ").append(table);
        order.append("rowid");
        return normalized(Sqlite3.query(db, select.toString() + order));
    }

    /** The walk met every kind of page the contents imply, and pointer maps only when expected. */
    private static void checkPageKinds(DatabaseWalker walker, boolean autoVacuum) {
        int overflow = 0;
        int overflowLater = 0;
        int maps = 0;
        for (long p = 1; p <= walker.pageCount; p++) {
            switch (walker.use(p)) {
                case "overflow" -> {
                    overflow++;
                    overflowLater += walker.expectedPointerType(p) == PointerMap.OVERFLOW2 ? 1 : 0;
                }
                case "ptrmap" -> maps++;
                default -> { }
            }
        }
        assertTrue(overflow > 0 && overflowLater > 0, "overflow chains of several pages");
        assertEquals(autoVacuum, maps > 0);
        if (autoVacuum) {
            assertEquals("ptrmap", walker.use(2));
            assertEquals(PointerMap.ROOTPAGE, walker.expectedPointerType(3), "first root is page 3");
        }
    }

    /** Decoding then re-encoding the header and every record reproduces sqlite3's bytes. */
    private static void checkCopyRoundTrip(byte[] image, DatabaseWalker walker) {
        MemorySegment file = MemorySegment.ofArray(image);
        byte[] header = walker.header.toByteArray();
        assertEquals(-1, MemorySegment.ofArray(header).mismatch(file.asSlice(0, DatabaseHeader.SIZE)));
        RecordReader reader = new RecordReader();
        RecordWriter writer = new RecordWriter();
        Cell cell = new Cell();
        int records = 0;
        for (long p = 1; p <= walker.pageCount; p++) {
            if (!walker.use(p).equals("btree")) {
                continue;
            }
            MemorySegment seg = file.asSlice((p - 1) * walker.pageSize, walker.pageSize);
            BTreePage page = BTreePage.of(seg, p, walker.usableSize);
            for (int i = 0; page.type().hasPayload() && i < page.cellCount(); i++) {
                page.cell(i, cell);
                if (cell.spills()) {
                    continue;
                }
                MemorySegment record = cell.localPayload(seg);
                reader.reset(record, p);
                copy(reader, writer.clear());
                assertEquals(-1, MemorySegment.ofArray(writer.toByteArray()).mismatch(record),
                        "re-encoded record of page " + p + " cell " + i);
                records++;
            }
        }
        assertTrue(records > 100);
    }

    private static void copy(RecordReader r, RecordWriter w) {
        for (int i = 0, n = r.columnCount(); i < n; i++) {
            switch (r.typeOf(i)) {
                case NULL -> w.addNull();
                case INTEGER -> w.addLong(r.getLong(i));
                case REAL -> w.addDouble(r.getDouble(i));
                case TEXT -> w.addText(r.bytes(i));
                case BLOB -> w.addBlob(r.bytes(i));
            }
        }
    }
}
