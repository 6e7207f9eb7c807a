package io.turso4j.vdbe;

import io.turso4j.value.IndexKeyComparator;

import java.util.Map;

/**
 * P4 of {@link Opcode#Vacuum}: the comparator of every index tree of the database (indexes and
 * WITHOUT ROWID tables) by root page, which copying an index tree entry by entry needs; every
 * other tree is a table tree.
 */
public record VacuumTrees(Map<Integer, IndexKeyComparator> indexTrees) {
    public VacuumTrees {
        indexTrees = Map.copyOf(indexTrees);
    }

    @Override
    public String toString() {
        return "indexes " + indexTrees.keySet();
    }
}
