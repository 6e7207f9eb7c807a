package io.turso4j.storage.integrity;

import io.turso4j.storage.CorruptDatabaseException;
import io.turso4j.storage.format.BTreePage;
import io.turso4j.storage.format.BigEndian;
import io.turso4j.storage.format.Cell;
import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.OverflowChain;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.StorageClass;
import io.turso4j.storage.pager.Page;
import io.turso4j.storage.pager.Pager;
import java.lang.foreign.MemorySegment;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Reads the rows of sqlite_schema (a table B-tree rooted at page 1, records of type, name,
 * tbl_name, rootpage, sql) straight from the pages, for callers that want to check a database
 * without loading its schema, and turns them into the root list {@link IntegrityCheck} takes.
 *
 * <p>Unlike the integrity check this is strict: damage it meets (a bad page, a cycle in the
 * tree, a broken overflow chain, a malformed record) is a {@link CorruptDatabaseException}
 * naming the page, as loading the schema would be. Every tree page is visited at most once,
 * so it ends on any input.
 *
 * <p>Resumable: {@link #read} may throw {@link io.turso4j.storage.IoPending}; call it again
 * and it continues from the cell it was on (a cell whose overflow chain was being gathered is
 * gathered again; its pages are cached by then). The caller holds a read transaction. One
 * thread.
 */
public final class SchemaRoots {
    /** One row of sqlite_schema. A column that is not TEXT (or INTEGER for rootpage) reads as null (0). */
    public record Entry(String type, String name, String tableName, long rootPage, String sql) {}

    private static final int TYPE = 0;
    private static final int NAME = 1;
    private static final int TABLE_NAME = 2;
    private static final int ROOT_PAGE = 3;
    private static final int SQL = 4;

    private final Pager pager;
    private final Deque<long[]> stack = new ArrayDeque<>();
    private final BitSet visited = new BitSet();
    private final List<Entry> entries = new ArrayList<>();
    private final Cell cell = new Cell();
    private final OverflowChain chain = new OverflowChain();
    private final RecordReader reader = new RecordReader();
    private Charset charset;
    private boolean done;

    public SchemaRoots(Pager pager) {
        this.pager = pager;
    }

    /**
     * The rows of sqlite_schema in rowid order.
     *
     * @throws io.turso4j.storage.IoPending when a page must be read first; call again later
     * @throws CorruptDatabaseException if the schema tree is damaged
     */
    public List<Entry> read() {
        if (pager.pageCount() == 0) {
            return List.of();
        }
        if (charset == null) {
            charset = encoding();
            stack.push(new long[] {1, 0});
            visited.set(1);
        }
        while (!stack.isEmpty()) {
            visitNext(stack.peek());
        }
        done = true;
        return List.copyOf(entries);
    }

    /**
     * The roots to check for the schema {@code entries}: 1 (sqlite_schema itself) and the
     * root page of every table and index, in schema order; views and virtual tables have
     * none.
     */
    public static List<Long> roots(List<Entry> entries) {
        List<Long> roots = new ArrayList<>();
        roots.add(1L);
        for (Entry e : entries) {
            if (("table".equals(e.type()) || "index".equals(e.type())) && e.rootPage() > 0) {
                roots.add(e.rootPage());
            }
        }
        return roots;
    }

    /** Whether {@link #read} has finished. */
    public boolean isDone() {
        return done;
    }

    private Charset encoding() {
        Page page1 = pager.get(1);
        try {
            return switch (BigEndian.i32(page1.buffer().segment(), DatabaseHeader.TEXT_ENCODING_OFFSET)) {
                case DatabaseHeader.ENCODING_UTF16LE -> StandardCharsets.UTF_16LE;
                case DatabaseHeader.ENCODING_UTF16BE -> StandardCharsets.UTF_16BE;
                default -> StandardCharsets.UTF_8;
            };
        } finally {
            pager.unpin(page1);
        }
    }

    /**
     * One step on the page at the top of the stack ({page, next cell index}): descend into the
     * next child, or read the next leaf cell, or pop the finished page. Mutates only after
     * every page it needs has been read.
     */
    private void visitNext(long[] frame) {
        long number = frame[0];
        int index = (int) frame[1];
        Page page = pager.get((int) number);
        try {
            BTreePage tree = BTreePage.of(page.buffer().segment(), number, pager.usableSize());
            if (!tree.type().isTable()) {
                throw new CorruptDatabaseException(number, "sqlite_schema page is not a table page");
            }
            if (tree.type().isLeaf()) {
                if (index == tree.cellCount()) {
                    stack.pop();
                    return;
                }
                tree.cell(index, cell);
                Entry entry = entry(readPayload(tree, number), number);
                entries.add(entry);
                frame[1]++;
                return;
            }
            if (index > tree.cellCount()) {
                stack.pop();
                return;
            }
            long child = index == tree.cellCount() ? tree.rightChild() : tree.leftChild(index);
            if (child < 2 || child > pager.pageCount() || visited.get((int) child)) {
                throw new CorruptDatabaseException(number, "sqlite_schema child page " + child
                        + " is out of range or already visited");
            }
            visited.set((int) child);
            frame[1]++;
            stack.push(new long[] {child, 0});
        } finally {
            pager.unpin(page);
        }
    }

    /** The whole payload of {@link #cell}, reading its overflow pages (may pend). */
    private MemorySegment readPayload(BTreePage tree, long number) {
        chain.start(cell, number, pager.usableSize(), pager.pageCount());
        MemorySegment payload = MemorySegment.ofArray(new byte[(int) cell.payloadSize()]);
        chain.copyLocal(cell, tree.segment(), payload);
        while (chain.nextPage() != 0) {
            Page overflow = pager.get((int) chain.nextPage());
            try {
                chain.accept(overflow.buffer().segment());
            } finally {
                pager.unpin(overflow);
            }
        }
        return payload;
    }

    private Entry entry(MemorySegment record, long pageNumber) {
        reader.reset(record, pageNumber);
        return new Entry(text(TYPE), text(NAME), text(TABLE_NAME),
                reader.typeOf(ROOT_PAGE) == StorageClass.INTEGER ? reader.getLong(ROOT_PAGE) : 0, text(SQL));
    }

    private String text(int column) {
        return reader.typeOf(column) == StorageClass.TEXT ? reader.getText(column, charset) : null;
    }
}
