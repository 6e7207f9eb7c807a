/**
 * Table and index B-trees over the pager: cursors, insert and delete with balancing, overflow
 * chains, the freelist, pointer maps and auto-vacuum. {@link io.turso4j.storage.btree.BTree} and
 * {@link io.turso4j.storage.btree.BTreeCursor} are the seam the VM uses; {@link
 * io.turso4j.storage.btree.PagerBTree} implements it.
 *
 * <p>How "load, then mutate" is kept: every operation runs in a {@code PageEdit}, which pins the
 * pages it reads and changes only private copies; the pager sees the changes only when the
 * operation has run to its end. An operation interrupted by {@code IoPending} therefore has
 * changed nothing, and its retry runs again from the start with the pages now resident.
 *
 * <pre>
 * class        knows
 * PagerBTree   tree-level operations, page 1 of a new database, meta values
 * PagerCursor  positions and moves; re-finding its entry after other changes
 * CursorSeek   where a cursor's seeks and steps go: descents by key, to an edge, to a neighbour
 * CursorChanges a cursor's inserts and deletes, each one tree operation
 * TreeWriter   descending to the place of a change and making it
 * Balancer     splitting, merging and redistributing pages; root growth and shrink
 * Node         a page decoded into cell bodies, and laid out again
 * CellBody     a cell without its child pointer: the unit the balancer moves
 * Overflow     overflow chains: gather, write, free
 * FreeList     the freelist trunks and leaves
 * PointerMaps  pointer-map entries
 * Vacuum       auto-vacuum: root placement, moving pages, truncation
 * IndexKey     index records as registers, and their order
 * </pre>
 *
 * <p>May depend on {@code storage.pager}, {@code storage.format}, {@code storage}'s root
 * package, {@code value} (key comparison) and {@code error}; never on the layers above.
 */
package io.turso4j.storage.btree;
