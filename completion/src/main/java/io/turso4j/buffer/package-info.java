/**
 * Off-heap, aligned page buffers and their pool. Depends on the JDK and JCTools only.
 */
package io.turso4j.buffer;
