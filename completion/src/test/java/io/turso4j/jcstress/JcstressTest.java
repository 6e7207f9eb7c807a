package io.turso4j.jcstress;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every jcstress test of this module ({@link CompletionRaces}, {@link
 * CompletionGroupRaces}, {@link BufferRaces}) in a child JVM and fails if jcstress saw a
 * forbidden outcome or an error.
 *
 * <p>The mode comes from {@value #MODE_PROPERTY}: {@code sanity} by default, with a single
 * JVM configuration (no extra compiler-stress forks), which takes about 30 s on 2 cores;
 * {@code -Pjcstress} sets {@code quick}; any jcstress mode ({@code default}, {@code tough})
 * works; {@code off} skips. The report goes to {@code target/jcstress-results}, the console
 * output to {@code target/jcstress.log}.
 */
class JcstressTest {
    static final String MODE_PROPERTY = "turso4j.jcstress.mode";
    /** jcstress's progress line, e.g. "Results: 84 planned; 84 passed, 0 failed, 0 soft errs, 0 hard errs". */
    private static final Pattern RESULTS = Pattern.compile("Results: (\\d+) planned; (\\d+) passed, (\\d+ failed, \\d+ soft errs, \\d+ hard errs)");

    @Test
    void racesHoldUnderJcstress() throws IOException, InterruptedException {
        String mode = System.getProperty(MODE_PROPERTY, "sanity");
        Assumptions.assumeFalse(mode.equals("off"), "jcstress switched off with -D" + MODE_PROPERTY + "=off");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path target = Path.of("target").toAbsolutePath();
        Path log = target.resolve("jcstress.log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath,
                "org.openjdk.jcstress.Main",
                "-m", mode,
                "-r", target.resolve("jcstress-results").toString()));
        if (mode.equals("sanity")) {
            // One JVM configuration instead of jcstress's set of compiler-stress variants.
            cmd.addAll(List.of("-jvmArgs", "--enable-native-access=ALL-UNNAMED"));
        }
        long start = System.nanoTime();
        // jcstress drops its binary results file in the working directory: keep it in target/.
        Process p = new ProcessBuilder(cmd).directory(target.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int rc = p.waitFor();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String out = Files.readString(log);
        System.out.println("jcstress -m " + mode + " took " + seconds + " s; log in " + log.toAbsolutePath());
        String tail = out.substring(Math.max(0, out.length() - 4000));
        assertEquals(0, rc, "jcstress failed:\n" + tail);
        assertTrue(out.contains("Failed tests: No matches.") && out.contains("Error tests: No matches."),
                "jcstress reported failures:\n" + tail);
        String lastLine = null;
        for (Matcher m = RESULTS.matcher(out); m.find(); ) {
            lastLine = m.group();
        }
        assertTrue(lastLine != null, "no jcstress progress line:\n" + tail);
        Matcher last = RESULTS.matcher(lastLine);
        assertTrue(last.matches());
        long planned = Long.parseLong(last.group(1));
        assertTrue(planned > 0 && planned == Long.parseLong(last.group(2)) && last.group(3).equals("0 failed, 0 soft errs, 0 hard errs"),
                "jcstress did not pass every planned run: " + last.group() + "\n" + tail);
    }
}
