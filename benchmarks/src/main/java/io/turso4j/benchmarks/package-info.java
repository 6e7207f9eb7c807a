/** JMH benchmarks against SQLite (sqlite-jdbc) and H2. */
package io.turso4j.benchmarks;
