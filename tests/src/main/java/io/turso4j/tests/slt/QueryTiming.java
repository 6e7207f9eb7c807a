package io.turso4j.tests.slt;

/** How long one query took in the engine (prepare and every step), for the slowest-queries report. */
public record QueryTiming(String file, int line, String sql, long nanos) {}
