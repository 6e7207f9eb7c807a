package io.turso4j.io.nio;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second process for {@link NioLockAcrossProcessesTest}: locks the whole file named by its
 * argument, says "locked" on stdout, and holds the lock until its stdin closes.
 */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            System.out.println("locked " + lock.isValid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}
