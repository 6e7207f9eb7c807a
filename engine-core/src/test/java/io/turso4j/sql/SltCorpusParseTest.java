package io.turso4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.turso4j.sql.ast.SqlPrinter;
import io.turso4j.sql.ast.Stmt;
import io.turso4j.sql.parser.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the sqllogictest corpus that applies to sqlite parses
 * (statement ok and query records; statement error ones may fail), and
 * printing each tree and parsing the text again gives an equal tree.
 */
class SltCorpusParseTest {
    @Test
    void wholeCorpusParsesAndRoundTrips() {
        long start = System.nanoTime();
        int records = 0;
        int statements = 0;
        long chars = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : SltCorpus.files()) {
            for (SltCorpus.Record r : SltCorpus.read(file)) {
                if (r.kind() == SltCorpus.Kind.STATEMENT_ERROR) {
                    continue;
                }
                records++;
                chars += r.sql().length();
                try {
                    List<Stmt> parsed = r.kind() == SltCorpus.Kind.QUERY
                            ? List.of(Parser.parse(r.sql())) : Parser.parseAll(r.sql());
                    for (Stmt s : parsed) {
                        statements++;
                        String printed = SqlPrinter.print(s);
                        Stmt again = Parser.parse(printed);
                        if (!s.equals(again)) {
                            failures.add(r.file() + ":" + r.line() + " round trip differs: " + printed);
                        }
                    }
                } catch (RuntimeException e) {
                    failures.add(r.file() + ":" + r.line() + " " + e + "\n" + r.sql());
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("slt corpus: %d records, %d statements, %d chars, %d failures, %d ms%n",
                records, statements, chars, failures.size(), ms);
        failures.stream().limit(20).forEach(System.out::println);
        assertTrue(records > 200_000, "corpus looks truncated: " + records + " records");
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())));
    }
}
