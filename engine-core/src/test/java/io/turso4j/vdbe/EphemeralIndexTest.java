package io.turso4j.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.turso4j.storage.btree.SeekOp;
import io.turso4j.storage.format.RecordWriter;
import io.turso4j.value.Collation;
import io.turso4j.value.IndexKeyComparator;
import io.turso4j.value.Register;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link EphemeralIndex} as a set of records (key, payload) ordered by the key alone, moved
 * through by random first/last, next/prev, seeks, inserts and deletes (also in the middle of a
 * scan, as a recursive CTE's queue and a DISTINCT probe do), each position compared with a
 * {@link TreeMap} from key to the newest payload. Some rounds first insert many records before
 * any read, as an IN list or subquery fills the set (the array the index sorts once), then go
 * on at random (in-order inserts keep the array, others move it to a tree). The seed is printed
 * and replays with {@code -Dturso4j.seed=N}.
 */
class EphemeralIndexTest {
    @Test
    void navigationMatchesASortedMap() {
        long seed = Long.getLong("turso4j.seed", System.nanoTime());
        System.out.println("EphemeralIndexTest seed: " + seed + " (replay with -Dturso4j.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int round = 0; round < 100; round++) {
            EphemeralIndex index = new EphemeralIndex(new IndexKeyComparator(new Collation[1], new boolean[1]), false);
            TreeMap<Long, Long> model = new TreeMap<>();
            int keys = 5 + random.nextInt(random.nextBoolean() ? 60 : 400);
            long payload = 0;
            Long at = null; // the model's position; null when the cursor is off the end
            Long deletedAt = null; // where the last delete left the cursor
            int bulk = round % 2 == 0 ? random.nextInt(500) : 0;
            boolean ascending = random.nextInt(4) == 0;
            for (int i = 0; i < bulk; i++) {
                long k = ascending ? i / 2 : random.nextInt(keys);
                index.insert(record(k, ++payload));
                model.put(k, payload);
            }
            for (int op = 0; op < 400; op++) {
                long k = random.nextInt(keys);
                String what;
                switch (random.nextInt(9)) {
                    case 0, 1 -> {
                        if (random.nextBoolean() && !model.isEmpty()) {
                            k = model.lastKey() + random.nextInt(2); // in order, or equal to the last
                        }
                        index.insert(record(k, ++payload));
                        model.put(k, payload);
                        at = k;
                        deletedAt = null;
                        what = "insert " + k;
                    }
                    case 2 -> {
                        at = index.first() ? model.firstKey() : null;
                        deletedAt = null;
                        what = "first";
                    }
                    case 3 -> {
                        at = index.last() ? model.lastKey() : null;
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
                        at = forward ? model.higherKey(from) : model.lowerKey(from);
                        deletedAt = null;
                        what = forward ? "next" : "prev";
                    }
                    case 6, 7 -> {
                        SeekOp seek = SeekOp.values()[random.nextInt(SeekOp.values().length)];
                        index.seek(seek, new Register[] {Register.of(k)}, 0, 1);
                        at = switch (seek) {
                            case GE -> model.ceilingKey(k);
                            case GT -> model.higherKey(k);
                            case LE -> model.floorKey(k);
                            case LT -> model.lowerKey(k);
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
                    Register[] fields = Records.decode(index.currentRecord());
                    assertEquals(at.longValue(), fields[0].intValue(), where);
                    // A seek or step lands on the newest of equal records; an insert on its own.
                    assertEquals(model.get(at).longValue(), fields[1].intValue(), where);
                }
            }
        }
    }

    private static byte[] record(long k, long payload) {
        return new RecordWriter().addLong(k).addLong(payload).toByteArray();
    }
}
