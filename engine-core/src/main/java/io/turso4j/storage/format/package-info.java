/**
 * SQLite 3's on-disk structures as pure encoders and decoders — no I/O, no caching, no
 * threads. Each class covers one structure of <a
 * href="https://www.sqlite.org/fileformat2.html">the database file format</a> and opens with
 * its byte table:
 *
 * <pre>
 * Database     --> Page^N                          page 1 starts with {@link DatabaseHeader}
 * Page         --> BTreePage | OverflowPage | FreelistTrunkPage | freelist leaf
 *                  | PointerMap page | LockBytePage
 * BTreePage    --> PageHeader, CellPointer^CellCount, free space, Cell^CellCount
 * Cell         --> [LeftChild], [PayloadSize], [Rowid], LocalPayload, [FirstOverflow]
 * Payload      --> Record  (spilled per {@link LocalPayload}, chained by {@link OverflowChain})
 * Record       --> HeaderSize, SerialType^Columns, Value^Columns        ({@link RecordReader})
 * WAL          --> {@link WalHeader}, ({@link WalFrameHeader}, Page)^Frames ({@link WalFrameChain})
 * </pre>
 *
 * <p>Everything works on {@link java.lang.foreign.MemorySegment}s (the engine's page buffers
 * are off-heap segments; tests wrap byte arrays) in big-endian order. Reading untrusted bytes
 * never throws {@link IndexOutOfBoundsException} or loops: every offset taken from the file is
 * checked first, and a bad one raises {@link io.turso4j.storage.CorruptDatabaseException} with
 * the page number. Decoders that fill caller-owned holders ({@link Cell}, {@link RecordReader})
 * let the VM read columns without boxing.
 *
 * <p>Depends on the JDK and {@code io.turso4j.storage} (for the exception) only. The pager,
 * WAL and B-tree layers above use it; it uses none of them.
 */
package io.turso4j.storage.format;
