package io.turso4j.vdbe;

import io.turso4j.completion.Completion;
import io.turso4j.storage.IoPending;
import io.turso4j.storage.btree.BTree;
import io.turso4j.storage.btree.BTreeCursor;
import io.turso4j.storage.btree.SeekOp;
import io.turso4j.storage.format.RecordReader;
import io.turso4j.storage.format.StorageClass;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A test double for {@link BTree}: each tree a {@link TreeMap} (rowid → record for tables,
 * record → record for indexes, ordered by the index's {@link IndexKeyComparator}).
 *
 * <p>With {@code pageSize > 0} entries are grouped into "pages" of that many entries by
 * position, and the first time a cursor lands on a page it throws {@link IoPending} instead of
 * moving (changing nothing); the page counts as resident once the completion is done — the
 * test completes it, as an I/O backend would. {@link #pendingCompletions()} lists them.
 */
final class FakeBTree implements BTree {
    private final Map<Integer, TreeMap<Object, byte[]>> trees = new HashMap<>();
    private final int pageSize;
    private final Set<String> resident = new HashSet<>();
    private final Map<String, Completion> loading = new HashMap<>();
    private int nextRoot = 2;
    int ioCount;

    FakeBTree(int pageSize) {
        this.pageSize = pageSize;
    }

    List<Completion> pendingCompletions() {
        return loading.values().stream().filter(c -> !c.isDone()).toList();
    }

    @Override
    public int createTable() {
        trees.put(nextRoot, new TreeMap<>());
        return nextRoot++;
    }

    @Override
    public int createIndex() {
        return createTable();
    }

    /** An index tree is created empty and typed by its first cursor's comparator. */
    private TreeMap<Object, byte[]> tree(int root, IndexKeyComparator key) {
        TreeMap<Object, byte[]> t = trees.get(root);
        if (key != null && t.comparator() == null) {
            t = new TreeMap<>(recordOrder(key));
            trees.put(root, t);
        }
        return t;
    }

    @Override
    public int drop(int root) {
        trees.remove(root);
        return 0;
    }

    @Override
    public long clear(int root) {
        long n = trees.get(root).size();
        trees.get(root).clear();
        return n;
    }

    @Override
    public BTreeCursor openTable(int root, boolean writable) {
        return new Cursor(root, tree(root, null), null);
    }

    @Override
    public BTreeCursor openIndex(int root, IndexKeyComparator key, boolean writable) {
        return new Cursor(root, tree(root, key), key);
    }

    @Override
    public int meta(int index) {
        return 0;
    }

    @Override
    public void setMeta(int index, int value) {
    }

    @Override
    public int incrementalVacuum(int pages) {
        return 0;
    }

    static Register[] decode(byte[] record) {
        RecordReader r = new RecordReader().reset(MemorySegment.ofArray(record), 0);
        Register[] out = new Register[r.columnCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Register();
            StorageClass c = r.typeOf(i);
            switch (c) {
                case NULL -> out[i].setNull();
                case INTEGER -> out[i].setInt(r.getLong(i));
                case REAL -> out[i].setReal(r.getDouble(i));
                case TEXT -> out[i].setText(r.getText(i));
                case BLOB -> out[i].setBlob(r.getBlob(i));
            }
        }
        return out;
    }

    private static Comparator<Object> recordOrder(IndexKeyComparator key) {
        return (a, b) -> {
            Register[] x = decode((byte[]) a);
            Register[] y = decode((byte[]) b);
            int n = Math.min(key.fieldCount(), Math.min(x.length, y.length));
            int c = key.compare(x, 0, y, 0, n);
            if (c != 0 || x.length == n || y.length == n) {
                return c != 0 ? c : Integer.compare(x.length, y.length);
            }
            return Long.compare(x[x.length - 1].toLong(), y[y.length - 1].toLong()); // the rowid
        };
    }

    /** A cursor over a snapshot of keys taken at each move, positioned by index. */
    private final class Cursor implements BTreeCursor {
        private final int root;
        private final TreeMap<Object, byte[]> tree;
        private final IndexKeyComparator key;
        private Object current;
        /** The key just deleted: next and prev move relative to it. */
        private Object deleted;

        Cursor(int root, TreeMap<Object, byte[]> tree, IndexKeyComparator key) {
            this.root = root;
            this.tree = tree;
            this.key = key;
        }

        /** Throws IoPending the first time the page holding {@code k} is needed. */
        private Object land(Object k) {
            if (k == null || pageSize <= 0) {
                return k;
            }
            int page = tree.headMap(k, false).size() / pageSize;
            String id = root + ":" + page;
            if (resident.contains(id)) {
                return k;
            }
            Completion c = loading.get(id);
            if (c != null && c.isDone()) {
                resident.add(id);
                loading.remove(id);
                return k;
            }
            if (c == null) {
                c = new Completion();
                loading.put(id, c);
                ioCount++;
            }
            throw new IoPending(c);
        }

        private boolean move(Object k) {
            current = land(k);
            deleted = null;
            return current != null;
        }

        @Override
        public boolean first() {
            return move(tree.isEmpty() ? null : tree.firstKey());
        }

        @Override
        public boolean last() {
            return move(tree.isEmpty() ? null : tree.lastKey());
        }

        @Override
        public boolean next() {
            Object from = deleted != null ? deleted : current;
            return move(from == null ? null : tree.higherKey(from));
        }

        @Override
        public boolean prev() {
            Object from = deleted != null ? deleted : current;
            return move(from == null ? null : tree.lowerKey(from));
        }

        @Override
        public boolean isValid() {
            return current != null;
        }

        @Override
        public boolean seekRowid(long rowid) {
            if (tree.containsKey(rowid)) {
                move(rowid);
                return true;
            }
            Object near = tree.ceilingKey(rowid);
            move(near != null ? near : (tree.isEmpty() ? null : tree.lastKey()));
            return false;
        }

        @Override
        public boolean seek(SeekOp op, Register[] regs, int start, int count) {
            List<Object> keys = new ArrayList<>(tree.keySet());
            Object found = null;
            switch (op) {
                case GE, GT -> {
                    for (Object k : keys) {
                        int c = compare(k, regs, start, count);
                        if (op == SeekOp.GE ? c >= 0 : c > 0) {
                            found = k;
                            break;
                        }
                    }
                }
                case LE, LT -> {
                    for (Object k : keys.reversed()) {
                        int c = compare(k, regs, start, count);
                        if (op == SeekOp.LE ? c <= 0 : c < 0) {
                            found = k;
                            break;
                        }
                    }
                }
            }
            return move(found);
        }

        private int compare(Object entry, Register[] regs, int start, int count) {
            return key.compare(decode((byte[]) entry), 0, regs, start, count);
        }

        @Override
        public long rowid() {
            return (Long) current;
        }

        @Override
        public RecordReader record() {
            return new RecordReader().reset(MemorySegment.ofArray(tree.get(current)), 0);
        }

        @Override
        public void insert(long rowid, byte[] record) {
            tree.put(rowid, record);
            current = rowid;
        }

        @Override
        public void insert(byte[] record) {
            tree.put(record, record);
            current = record;
        }

        @Override
        public void delete() {
            tree.remove(current);
            deleted = current;
            current = null;
        }

        @Override
        public void close() {
        }
    }
}
