package io.turso4j.tests.slt;

import java.util.List;

/**
 * The counts for one test file (FORMAT.md §8): each executed statement or query record is one
 * test, passed or failed; records skipped by skipif/onlyif are counted apart. {@code failures}
 * lists every failed record in file order. Immutable.
 */
public record FileResult(String file, int passed, int failed, int skipped, long nanos,
                         List<Failure> failures) {

    public FileResult {
        failures = List.copyOf(failures);
    }

    public double seconds() {
        return nanos / 1e9;
    }
}
