/**
 * The io_uring backend ({@link io.turso4j.io.uring.UringIO}): file operations submitted as
 * io_uring entries through Netty's io_uring transport ({@code IoUringIoHandler}, with this
 * package's own {@code IoUringIoHandle}), completed on one event-loop thread; plus the few
 * libc calls io_uring does not cover, through the FFM linker.
 *
 * <p>Cached reads skip the loop. A read first tries {@code preadv2(..., RWF_NOWAIT)} on the
 * caller's thread: the kernel copies the bytes if the OS page cache holds the whole range and
 * otherwise fails at once with EAGAIN, never waiting for the disk, so the "no thread blocks on
 * disk I/O" rule holds. On success the read's {@code Completion} is already done when {@code
 * read} returns; on EAGAIN, a short read or an error the read goes to io_uring as before. This
 * saves a point lookup the queue hop, eventfd wake-up and completion hand-back per page that
 * SQLite pays as one pread. Writes, syncs and truncations always go through the ring; a
 * durable write ({@code DbFile.writeDurably}, a WAL commit of one frame) is one write entry
 * with {@code RWF_DSYNC}, not a write entry and then an fsync entry.
 *
 * <p>Depends on {@code completion} ({@code io.turso4j.io}, {@code io.turso4j.buffer}, {@code
 * io.turso4j.completion}) and Netty's io_uring transport.
 *
 * <p>JVM flags. {@code --enable-native-access=ALL-UNNAMED} is needed (FFM downcalls here, and
 * Netty's {@code System.loadLibrary}; without it JDK 25 prints a restricted-method warning).
 * Nothing else: Netty 4.2.18 leaves {@code sun.misc.Unsafe} alone on Java 25+ ({@code
 * io.netty.noUnsafe} defaults to true there), so JDK 25's Unsafe deprecation warning does not
 * appear; do not set {@code -Dio.netty.noUnsafe=false}. Netty logs through JUL and, in normal
 * use, only below INFO. JCTools' Unsafe-based queues do trigger that warning (its {@code
 * atomic} variants do not), which is why this package queues with the JDK's own.
 */
package io.turso4j.io.uring;
