package io.turso4j.tests.slt;

/**
 * How long one query took in the engine (prepare and every step), for the slowest-queries
 * report: wall-clock time; the CPU time of the thread that ran it, which leaves out the time
 * the thread was not running (a GC pause, a JIT compiler or another process holding the CPU);
 * and how much of the wall-clock time the collectors spent ({@link GcPauses}, to the
 * millisecond, and also counting a collection that overlapped the query only in part).
 */
public record QueryTiming(String file, int line, String sql, long nanos, long cpuNanos, long gcNanos) {}
