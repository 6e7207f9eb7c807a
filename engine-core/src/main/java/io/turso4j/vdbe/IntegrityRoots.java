package io.turso4j.vdbe;

import java.util.List;

/**
 * P4 of {@link Opcode#IntegrityCk}: the root pages to check, in the order their problems are
 * reported, and whether only these trees are checked ({@code PRAGMA integrity_check(table)}).
 */
public record IntegrityRoots(List<Long> roots, boolean partial) {
    public IntegrityRoots {
        roots = List.copyOf(roots);
    }

    @Override
    public String toString() {
        return roots.toString();
    }
}
