package io.turso4j.storage.format;

import io.turso4j.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only reader of a whole database image built from the storage.format classes alone:
 * it walks sqlite_schema and every B-tree it names (following overflow chains), the freelist,
 * and the pointer maps, claiming each page exactly once — a small integrity check. Contents
 * come out rendered by {@link Render}, ready to compare with sqlite3's output.
 *
 * <p>Everything it finds wrong is a {@link CorruptDatabaseException} with a page number, as the
 * real B-tree layer must report it; the fuzz test relies on that.
 */
final class DatabaseWalker {
    /** SQLite's cursor depth limit: deeper trees are corrupt. */
    private static final int MAX_DEPTH = 20;

    final DatabaseHeader header;
    final int pageSize;
    final int usableSize;
    final long pageCount;
    private final MemorySegment file;
    private final String[] pageUse;
    private final int[] pointerType;
    private final long[] pointerParent;
    private final OverflowChain chain = new OverflowChain();
    private final RecordReader record = new RecordReader();
    /** Rendered rows per schema object name, "sqlite_schema" included, in B-tree order. */
    final Map<String, List<String>> contents = new LinkedHashMap<>();
    long freelistPages;

    DatabaseWalker(byte[] image) {
        this.file = MemorySegment.ofArray(image);
        this.header = DatabaseHeader.decode(file);
        this.pageSize = header.pageSize();
        this.usableSize = header.usableSize();
        this.pageCount = header.databaseSizeValid() ? header.databaseSize() : image.length / pageSize;
        if (pageCount * pageSize > image.length || pageCount > 1_000_000) {
            throw new CorruptDatabaseException(1, "database size " + pageCount + " exceeds the file");
        }
        this.pageUse = new String[(int) pageCount + 1];
        this.pointerType = new int[(int) pageCount + 1];
        this.pointerParent = new long[(int) pageCount + 1];
    }

    /** Walks everything and checks that every page is used exactly once. */
    DatabaseWalker walkAll() {
        claimSpecialPages();
        List<String[]> schema = new ArrayList<>();
        contents.put("sqlite_schema", walkTree(1, true, schema));
        for (String[] object : schema) {
            String type = object[0];
            if (type.equals("table") || type.equals("index")) {
                contents.put(object[1], walkTree(Long.parseLong(object[3]), type.equals("table"), null));
            }
        }
        walkFreelist();
        for (int p = 1; p <= pageCount; p++) {
            if (pageUse[p] == null) {
                throw new CorruptDatabaseException(p, "page never used");
            }
        }
        if (header.autoVacuum()) {
            checkPointerMaps();
        }
        return this;
    }

    /** What page {@code n} was found to be ("btree", "overflow", "freelist", ...). */
    String use(long n) {
        return pageUse[(int) n];
    }

    private void claimSpecialPages() {
        long lockByte = LockBytePage.pageNumber(pageSize);
        if (lockByte <= pageCount) {
            claim(lockByte, "lock-byte", 0, 0, lockByte);
        }
        if (header.autoVacuum()) {
            for (long p = PointerMap.FIRST_PAGE; p <= pageCount; p++) {
                if (PointerMap.isPointerMapPage(p, pageSize, usableSize)) {
                    claim(p, "ptrmap", 0, 0, p);
                }
            }
        }
    }

    private List<String> walkTree(long root, boolean table, List<String[]> schemaOut) {
        List<String> rows = new ArrayList<>();
        walk(root, 0, 0, table, rows, schemaOut);
        return rows;
    }

    private void walk(long pageNo, long parent, int depth, boolean table, List<String> rows, List<String[]> schemaOut) {
        if (depth > MAX_DEPTH) {
            throw new CorruptDatabaseException(pageNo, "B-tree deeper than " + MAX_DEPTH);
        }
        claim(pageNo, "btree", depth == 0 ? PointerMap.ROOTPAGE : PointerMap.BTREE, parent, parent == 0 ? pageNo : parent);
        BTreePage page = BTreePage.of(page(pageNo, parent), pageNo, usableSize);
        if (page.type().isTable() != table) {
            throw new CorruptDatabaseException(pageNo, "page type " + page.type() + " in the wrong kind of B-tree");
        }
        page.freeSpace();
        Cell cell = new Cell();
        for (int i = 0; i < page.cellCount(); i++) {
            page.cell(i, cell);
            if (!page.type().isLeaf()) {
                walk(cell.leftChild(), pageNo, depth + 1, table, rows, schemaOut);
            }
            if (page.type().hasPayload()) {
                record.reset(payload(page, cell), pageNo);
                StringBuilder row = new StringBuilder();
                if (table) {
                    row.append("integer:").append(cell.rowid()).append('|');
                }
                int n = record.columnCount();
                for (int c = 0; c < n; c++) {
                    row.append(c == 0 ? "" : "|").append(Render.column(record, c));
                }
                rows.add(row.toString());
                if (schemaOut != null) {
                    schemaOut.add(schemaRow(pageNo, n));
                }
            }
        }
        if (!page.type().isLeaf()) {
            walk(page.rightChild(), pageNo, depth + 1, table, rows, schemaOut);
        }
    }

    /** type, name, tbl_name, rootpage of the sqlite_schema record in {@link #record}. */
    private String[] schemaRow(long pageNo, int columns) {
        if (columns != 5 || record.typeOf(0) != StorageClass.TEXT || record.typeOf(1) != StorageClass.TEXT) {
            throw new CorruptDatabaseException(pageNo, "malformed sqlite_schema row");
        }
        String type = record.getText(0);
        boolean hasTree = type.equals("table") || type.equals("index");
        if (hasTree && (record.typeOf(3) != StorageClass.INTEGER || record.getLong(3) < 1)) {
            throw new CorruptDatabaseException(pageNo, "malformed sqlite_schema root page");
        }
        return new String[] {type, record.getText(1), "", hasTree ? Long.toString(record.getLong(3)) : "0"};
    }

    private MemorySegment payload(BTreePage page, Cell cell) {
        if (!cell.spills()) {
            return cell.localPayload(page.segment());
        }
        chain.start(cell, page.pageNumber(), usableSize, pageCount);
        MemorySegment whole = MemorySegment.ofArray(new byte[(int) chain.payloadSize()]);
        chain.copyLocal(cell, page.segment(), whole);
        long previous = page.pageNumber();
        boolean first = true;
        for (long next = chain.nextPage(); next != 0; next = chain.nextPage()) {
            claim(next, "overflow", first ? PointerMap.OVERFLOW1 : PointerMap.OVERFLOW2, previous, previous);
            chain.accept(page(next, previous));
            previous = next;
            first = false;
        }
        return whole;
    }

    private void walkFreelist() {
        long trunk = header.firstFreelistTrunk();
        long from = 1;
        while (trunk != 0) {
            claim(trunk, "freelist", PointerMap.FREEPAGE, 0, from);
            MemorySegment t = page(trunk, from);
            int leaves = FreelistTrunkPage.leafCount(t, trunk, usableSize);
            for (int i = 0; i < leaves; i++) {
                long leaf = FreelistTrunkPage.leaf(t, i);
                claim(leaf, "freelist", PointerMap.FREEPAGE, 0, trunk);
            }
            freelistPages += 1 + leaves;
            from = trunk;
            trunk = FreelistTrunkPage.nextTrunk(t);
        }
        if (freelistPages != header.freelistCount()) {
            throw new CorruptDatabaseException(1, "freelist has " + freelistPages + " pages, header says "
                    + header.freelistCount());
        }
    }

    private void checkPointerMaps() {
        for (long p = PointerMap.FIRST_PAGE; p <= pageCount; p++) {
            if (pointerType[(int) p] == 0) {
                continue; // a pointer-map page or the lock-byte page: no entry
            }
            long map = PointerMap.pageFor(p, pageSize, usableSize);
            MemorySegment mapPage = page(map, p);
            int offset = PointerMap.entryOffset(p, map);
            int type = PointerMap.type(mapPage, map, offset);
            long parent = PointerMap.parent(mapPage, offset);
            if (type != pointerType[(int) p] || parent != pointerParent[(int) p]) {
                throw new CorruptDatabaseException(map, "pointer-map entry of page " + p + " is (" + type + ", "
                        + parent + "), expected (" + pointerType[(int) p] + ", " + pointerParent[(int) p] + ")");
            }
        }
    }

    /** Expected pointer-map type of page {@code n}, or 0 for pages without an entry. */
    int expectedPointerType(long n) {
        return pointerType[(int) n];
    }

    long expectedPointerParent(long n) {
        return pointerParent[(int) n];
    }

    private void claim(long n, String use, int ptrType, long ptrParent, long from) {
        if (n < 1 || n > pageCount) {
            throw new CorruptDatabaseException(from, "reference to page " + n + " outside 1.." + pageCount);
        }
        if (pageUse[(int) n] != null) {
            throw new CorruptDatabaseException(from, "page " + n + " used twice (" + pageUse[(int) n] + ", " + use + ")");
        }
        pageUse[(int) n] = use;
        pointerType[(int) n] = ptrType;
        pointerParent[(int) n] = ptrParent;
    }

    private MemorySegment page(long n, long from) {
        if (n < 1 || n > pageCount) {
            throw new CorruptDatabaseException(from, "reference to page " + n + " outside 1.." + pageCount);
        }
        return file.asSlice((n - 1) * pageSize, pageSize);
    }
}
