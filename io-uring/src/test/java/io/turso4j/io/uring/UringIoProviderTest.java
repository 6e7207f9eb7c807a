package io.turso4j.io.uring;

import io.netty.channel.uring.IoUring;
import io.turso4j.io.IO;
import io.turso4j.io.IoBackends;
import io.turso4j.io.IoProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery of the backend, its availability check, and that it stays quiet. */
class UringIoProviderTest {

    @TempDir
    Path dir;

    @Test
    void isFoundByServiceLoaderAsUringWithPriority20() {
        IoProvider p = IoBackends.providers().stream().filter(x -> x.name().equals("uring")).findFirst().orElseThrow();
        assertInstanceOf(UringIoProvider.class, p);
        assertEquals(20, p.priority());
    }

    @Test
    void availabilityAgreesWithNetty() {
        Optional<String> why = new UringIoProvider().unavailableReason();
        assertEquals(IoUring.isAvailable(), why.isEmpty(), () -> "reason: " + why);
        if (why.isEmpty()) {
            try (IO io = IoBackends.open("uring")) {
                assertInstanceOf(UringIO.class, io);
            }
        }
    }

    @Test
    void explainsWhyWhenNettysNativeTransportIsDisabled() throws Exception {
        // io.netty.transport.noNative makes Netty refuse its native transports, as a missing
        // native library would; the check must say so rather than throw.
        Child run = runChild(List.of("-Dio.netty.transport.noNative=true"), ReasonMain.class.getName());
        assertEquals(0, run.exit, run::toString);
        assertTrue(run.out.startsWith("unavailable: Netty's io_uring is unavailable"), run::toString);
    }

    @Test
    void normalUsePrintsNothingAndAnUnclosedBackendDoesNotHoldTheJvm() throws Exception {
        new UringAvailable().beforeAll(null);
        Child run = runChild(List.of(), QuietRunMain.class.getName(), dir.resolve("quiet.db").toString());
        assertEquals(0, run.exit, run::toString);
        assertEquals("backend uring\n", run.out, run::toString);
        assertEquals("", run.err, run::toString);
    }

    /** Prints the provider's verdict; run in a child JVM. */
    static final class ReasonMain {
        public static void main(String[] args) {
            System.out.println(new UringIoProvider().unavailableReason().map(r -> "unavailable: " + r).orElse("available"));
        }
    }

    private record Child(int exit, String out, String err) {}

    private Child runChild(List<String> jvmArgs, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        // To files, not pipes: a child that never exits must fail the test, not hang a reader.
        Path out = Files.createTempFile(dir, "child", ".out");
        Path err = Files.createTempFile(dir, "child", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not exit within 60 s: " + cmd);
        }
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
