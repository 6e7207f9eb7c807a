package io.turso4j.io.uring;

import io.turso4j.buffer.Buffer;
import io.turso4j.io.DbFile;
import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.OpenMode;

import java.time.Duration;

/**
 * Run in a child JVM by {@link UringIoProviderTest}: a normal life of the backend (selected
 * the way the engine selects it), whose output must be exactly the one line it prints itself.
 * Arguments: a file path. Deliberately leaves one IO unclosed: the daemon loop thread must not
 * keep the JVM from exiting.
 */
final class QuietRunMain {
    public static void main(String[] args) throws Exception {
        Duration timeout = Duration.ofSeconds(30);
        try (IO io = IoBackends.open(null)) {
            DbFile f = io.open(args[0], OpenMode.CREATE);
            Buffer b = Buffer.allocate(4096);
            for (int i = 0; i < 64; i++) {
                f.write(i * 4096L, b).await(timeout);
            }
            f.write(0, b, b, b).await(timeout);
            f.read(0, b).await(timeout);
            f.sync().await(timeout);
            f.truncate(8192).await(timeout);
            f.size().await(timeout);
            f.lock().await(timeout);
            f.unlock().await(timeout);
            f.close().await(timeout);
            System.out.println("backend " + io.name());
        }
        IO leftOpen = new UringIO();
        leftOpen.open(args[0], OpenMode.READ_ONLY).size().await(timeout);
    }
}
