/**
 * Table and index B-trees over the pager: cursors, insert and delete with balancing, overflow
 * chains, the freelist, pointer maps and auto-vacuum. {@link io.turso4j.storage.btree.BTree} and
 * {@link io.turso4j.storage.btree.BTreeCursor} are the seam the VM uses.
 *
 * <p>May depend on {@code storage.pager}, {@code storage.format}, {@code storage}'s root
 * package, {@code value} (key comparison) and {@code error}; never on the layers above.
 */
package io.turso4j.storage.btree;
