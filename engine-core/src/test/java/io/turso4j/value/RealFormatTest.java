package io.turso4j.value;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known renderings of both formats, and {@link RealFormat#FIFTEEN_DIGITS_LEGACY} against the
 * {@code sqlite3} 3.40 command on random doubles (passed bit-exact with ieee754_from_blob).
 */
class RealFormatTest {
    private static final RealFormat NEW = RealFormat.SEVENTEEN_DIGITS;
    private static final RealFormat OLD = RealFormat.FIFTEEN_DIGITS_LEGACY;

    @Test
    void rendersLikeSqlite354() {
        assertEquals("0.1", NEW.format(0.1));
        assertEquals("0.30000000000000004", NEW.format(0.1 + 0.2));
        assertEquals("0.33333333333333332", NEW.format(1.0 / 3));
        assertEquals("100.0", NEW.format(100.0));
        assertEquals("1000000000000000.0", NEW.format(1e15));
        assertEquals("10000000000000000.0", NEW.format(1e16));
        assertEquals("1.0e+17", NEW.format(1e17));
        assertEquals("1.0e-05", NEW.format(1e-5));
        assertEquals("0.0001", NEW.format(1e-4));
        assertEquals("4.9406564584124654e-324", NEW.format(5e-324));
        assertEquals("1.7976931348623157e+308", NEW.format(Double.MAX_VALUE));
        assertEquals("0.0", NEW.format(-0.0));
        assertEquals("-1.5", NEW.format(-1.5));
        assertEquals("Inf", NEW.format(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", NEW.format(Double.NEGATIVE_INFINITY));
        assertEquals("49.47", NEW.format(49.47));
    }

    @Test
    void rendersLikeSqlite340() {
        assertEquals("0.3", OLD.format(0.1 + 0.2));
        assertEquals("0.333333333333333", OLD.format(1.0 / 3));
        assertEquals("1.0e+15", OLD.format(1e15));
        assertEquals("100000000000000.0", OLD.format(1e14));
        assertEquals("1.23456789012346e+17", OLD.format(123456789012345678.0));
        assertEquals("4.94065645841247e-324", OLD.format(5e-324));
        assertEquals("0.0", OLD.format(-0.0));
        assertEquals("-Inf", OLD.format(Double.NEGATIVE_INFINITY));
        assertEquals("1.0e-05", OLD.format(1e-5));
    }

    @Test
    void legacyMatchesTheSqlite340Command() throws Exception {
        long seed = Seeds.seed("render340");
        RandomValues values = new RandomValues(seed);
        List<Double> doubles = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            double d = values.nextReal();
            if (Double.isInfinite(d)) {
                continue;
            }
            doubles.add(d);
            sql.append(String.format("SELECT CAST(ieee754_from_blob(x'%016x') AS TEXT);%n",
                    Double.doubleToRawLongBits(d)));
        }
        Process p = new ProcessBuilder("/usr/bin/sqlite3", ":memory:").redirectErrorStream(true).start();
        Thread writer = Thread.ofVirtual().start(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(sql.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split("\n");
        writer.join();
        assertEquals(0, p.waitFor());
        assertEquals(doubles.size(), lines.length);
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String ours = OLD.format(doubles.get(i));
            if (!lines[i].equals(ours)) {
                bad.add(doubles.get(i) + ": sqlite3=" + lines[i] + " ours=" + ours);
            }
        }
        System.out.println("render340: " + lines.length + " cases checked");
        assertTrue(bad.isEmpty(), bad.size() + " differ (seed " + seed + "): " + bad.subList(0, Math.min(10, bad.size())));
    }
}
