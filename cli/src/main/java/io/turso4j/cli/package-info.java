/** The tursodb shell. */
package io.turso4j.cli;
