package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link SqliteFloatFormat} with SQLite's own printf on random doubles. Seeded: the seed
 * is printed, and {@code -Dturso4j.seed=N} replays a run.
 *
 * <p>The formatter follows SQLite 3.43–3.51 (the corpus's expected values came from 3.47): digits
 * are the exact expansion <em>truncated</em> to 19 (or 18) significant digits, then rounded
 * half-up once. sqlite-jdbc bundles 3.54, whose decoder first <em>rounds</em> to 16–18 digits and
 * then rounds again, so the two differ exactly when the digit at the rounding position is 4 and
 * the pre-rounding carries into it (e.g. 7795585810464618496 at 16 digits: 3.47 keeps ...618,
 * 3.54 gives ...619), and when the digit is a 5 followed by zeros (an exact tie at 19 digits,
 * which 3.54's approximate decoding may place either side). Such near-ties are left out of the
 * comparison, counted, and must stay rare; the fixed examples in ValueRendererTest pin the
 * 3.47 behaviour on them.
 */
class SqliteFloatFormatOracleTest {

    private static final int CASES = 20_000;

    private static Connection sqlite;
    private static PreparedStatement printf;

    @BeforeAll
    static void open() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        printf = sqlite.prepareStatement("SELECT printf('%.3f', ?1), printf('%!.15g', ?1)");
    }

    @AfterAll
    static void close() throws SQLException {
        printf.close();
        sqlite.close();
    }

    @Test
    void matchesSqlitePrintfOnRandomDoubles() throws SQLException {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("SqliteFloatFormatOracleTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        int nearTies = 0;
        for (int i = 0; i < CASES; i++) {
            double d = randomDouble(random);
            if (nearTie(d, Math.min(pointPosition(d) + 3, 16)) || nearTie(d, 15)) {
                nearTies++;
                continue;
            }
            printf.setDouble(1, d);
            try (ResultSet rs = printf.executeQuery()) {
                rs.next();
                String context = "value " + d + " (bits 0x" + Long.toHexString(Double.doubleToRawLongBits(d))
                        + "), seed " + seed;
                assertEquals(rs.getString(1), SqliteFloatFormat.fixed3(d), "%.3f of " + context);
                assertEquals(rs.getString(2), SqliteFloatFormat.generic15(d), "%!.15g of " + context);
            }
        }
        System.out.println("SqliteFloatFormatOracleTest: " + nearTies + " of " + CASES + " near-ties left out");
        assertTrue(nearTies < CASES / 10, "too many values left out: " + nearTies);
    }

    /** The exact significant digits of |d|, padded with zeros to at least 20. */
    private static String exactDigits(double d) {
        String digits = new BigDecimal(Math.abs(d)).unscaledValue().toString();
        return digits.length() >= 20 ? digits : digits + "0".repeat(20 - digits.length());
    }

    /** How many digits |d| has before the decimal point (negative: zeros after it). */
    private static int pointPosition(double d) {
        BigDecimal exact = new BigDecimal(Math.abs(d));
        return exact.unscaledValue().toString().length() - exact.scale();
    }

    /**
     * Whether rounding at significant digit {@code k} (0-based) is a near-tie where the two
     * versions may part: a 4 followed by 5 or more (3.54 rounds twice), or a 5 followed by zeros
     * up to the 19th digit and more digits after it, a tie at 3.47's precision that 3.54's
     * approximate decoding can put just below (6.071317564636195000022e151: 3.47 ...62, 3.54
     * ...619). Exact ties such as 2.0625 are still compared.
     */
    private static boolean nearTie(double d, int k) {
        if (d == 0 || k < 0) {
            return false;
        }
        String z = exactDigits(d);
        boolean fourThenHalf = z.charAt(k) == '4' && z.charAt(k + 1) >= '5';
        boolean halfAt19 = z.charAt(k) == '5' && z.substring(k + 1, Math.max(k + 1, 19)).chars().allMatch(c -> c == '0')
                && z.substring(19).chars().anyMatch(c -> c != '0');
        return fourThenHalf || halfAt19;
    }

    /** A mix that hits ties, carries, tiny and huge magnitudes and arbitrary bit patterns. */
    private static double randomDouble(Random random) {
        double sign = random.nextBoolean() ? 1 : -1;
        return switch (random.nextInt(6)) {
            // Decimal ties such as 2.0625 or 910.3375, whose binary value falls either side of the tie.
            case 0 -> sign * (random.nextInt(100_000) + 5 * Math.pow(10, -(1 + random.nextInt(5)))) ;
            case 1 -> sign * random.nextInt(1_000_000) / 10_000.0;
            case 2 -> sign * random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 3 -> sign * (double) random.nextLong();
            case 4 -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(d) || Double.isInfinite(d));
                yield d;
            }
            default -> sign * (Math.pow(10, random.nextInt(19)) - random.nextInt(3) * Math.ulp(1.0));
        };
    }
}
