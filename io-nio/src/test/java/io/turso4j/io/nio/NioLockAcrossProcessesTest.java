package io.turso4j.io.nio;

import io.turso4j.completion.Completion;
import io.turso4j.io.DbFile;
import io.turso4j.io.OpenMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lock is refused, at once and with EAGAIN, while another process holds it, and granted
 * once that process lets go: the one-owner-per-database rule across processes.
 */
class NioLockAcrossProcessesTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void lockHeldByAnotherProcessIsRefusedWithEagain() throws Exception {
        Path file = dir.resolve("shared.db");
        try (NioIO io = new NioIO(1)) {
            DbFile f = io.open(file.toString(), OpenMode.CREATE);
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    LockHolder.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("locked true", out.readLine(), "the other process did not take the lock");

                Completion refused = f.lock();
                refused.await(Duration.ofSeconds(30));
                assertTrue(refused.isFailed(), () -> "lock granted while another process holds it: " + refused);
                assertEquals(NioFailures.EAGAIN, refused.failure().errno());
                assertTrue(refused.failure().getMessage().contains("another process"), refused.failure().getMessage());
            } finally {
                holder.getOutputStream().close();
                assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "lock holder did not exit");
            }
            Completion granted = f.lock();
            granted.await(Duration.ofSeconds(30));
            assertTrue(granted.isSucceeded(), () -> "lock refused after the other process exited: " + granted);
            f.close().await();
        }
    }
}
