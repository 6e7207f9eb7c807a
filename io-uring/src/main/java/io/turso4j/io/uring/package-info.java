/**
 * The io_uring backend ({@link io.turso4j.io.uring.UringIO}): file operations submitted as
 * io_uring entries through Netty's io_uring transport ({@code IoUringIoHandler}, with this
 * package's own {@code IoUringIoHandle}), completed on one event-loop thread; plus the few
 * libc calls io_uring does not cover, through the FFM linker.
 *
 * <p>Depends on {@code completion} ({@code io.turso4j.io}, {@code io.turso4j.buffer}, {@code
 * io.turso4j.completion}) and Netty's io_uring transport. Needs {@code
 * --enable-native-access=ALL-UNNAMED}.
 */
package io.turso4j.io.uring;
