package io.turso4j.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.btree.SeekOp;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link EphemeralIndex} as a set of one-integer keys, moved through by random first/last,
 * next/prev, seeks, inserts and deletes (also in the middle of a scan, as a recursive CTE's
 * queue and a DISTINCT probe do), each position compared with a {@link TreeSet}. The seed is
 * printed and replays with {@code -Dturso4j.seed=N}.
 */
class EphemeralIndexTest {
    @Test
    void navigationMatchesASortedSet() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("EphemeralIndexTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            EphemeralIndex index = new EphemeralIndex(new IndexKeyComparator(new Collation[1], new boolean[1]), false);
            TreeSet<Long> model = new TreeSet<>();
            Long at = null; // the model's position; null when the cursor is off the end
            Long deletedAt = null; // where the last delete left the cursor
            for (int op = 0; op < 400; op++) {
                long k = random.nextInt(60);
                String what;
                switch (random.nextInt(8)) {
                    case 0, 1 -> {
                        index.insert(record(k));
                        model.add(k);
                        at = k;
                        deletedAt = null;
                        what = "insert " + k;
                    }
                    case 2 -> {
                        at = index.first() ? model.first() : null;
                        deletedAt = null;
                        what = "first";
                    }
                    case 3 -> {
                        at = index.last() ? model.last() : null;
                        deletedAt = null;
                        what = "last";
                    }
                    case 4, 5 -> {
                        if (at == null && deletedAt == null) {
                            continue;
                        }
                        boolean forward = random.nextBoolean();
                        long from = deletedAt != null ? deletedAt : at;
                        if (forward) {
                            index.next();
                        } else {
                            index.prev();
                        }
                        at = forward ? model.higher(from) : model.lower(from);
                        deletedAt = null;
                        what = forward ? "next" : "prev";
                    }
                    case 6 -> {
                        SeekOp seek = SeekOp.values()[random.nextInt(SeekOp.values().length)];
                        index.seek(seek, new Register[] {Register.of(k)}, 0, 1);
                        at = switch (seek) {
                            case GE -> model.ceiling(k);
                            case GT -> model.higher(k);
                            case LE -> model.floor(k);
                            case LT -> model.lower(k);
                        };
                        deletedAt = null;
                        what = "seek " + seek + " " + k;
                    }
                    default -> {
                        if (at == null) {
                            continue;
                        }
                        index.delete();
                        model.remove(at);
                        deletedAt = at;
                        at = null;
                        what = "delete";
                    }
                }
                String where = "seed " + seed + ", round " + round + ", op " + op + " (" + what + ")";
                assertEquals(at != null, index.isValid(), where);
                if (at != null) {
                    assertEquals(at.longValue(), Records.decode(index.currentRecord())[0].intValue(), where);
                }
            }
        }
    }

    private static byte[] record(long k) {
        return new RecordWriter().addLong(k).toByteArray();
    }
}
