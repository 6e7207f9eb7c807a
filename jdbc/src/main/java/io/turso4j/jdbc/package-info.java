/** java.sql driver over the engine (jdbc:turso4j:&lt;path&gt;). */
package io.turso4j.jdbc;
