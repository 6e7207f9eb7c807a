/** Public API of the turso4j database: Database, Connection, Statement. */
package io.turso4j;
