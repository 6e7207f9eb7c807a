package io.turso4j.vdbe;

import io.turso4j.value.Register;
import io.turso4j.value.ValueComparator;
import io.turso4j.value.ValueType;
import java.util.List;

/**
 * The bounds {@code <expr> PRECEDING} and {@code <expr> FOLLOWING} of RANGE frames over one
 * partition, found as SQLite's window code finds them: by cursors that only move forward,
 * comparing the one ORDER BY key plus the offset with other rows' keys. The offset moves a key
 * forward in the ORDER BY direction (added for ASC, subtracted for DESC); a NULL key stays NULL
 * and a text or blob key stays itself. Keys compare in the sort's own order, NULL before or
 * after every value as the NULLS placement says (SQLite's BIGNULL handling). So a NULL row's
 * frame is its NULL peers, and the NULL rows at an end of the partition fall into the frames
 * of rows whose bound reaches that end. The offset is read from the partition's first row, as
 * SQLite evaluates it once per partition. Owned by one VM; not thread-safe.
 */
final class RangeSweep {
    private final List<Register[]> rows;
    private final int key;
    private final WindowPlan.Spec spec;

    RangeSweep(WindowPlan.Spec spec, List<Register[]> rows) {
        this.spec = spec;
        this.rows = rows;
        this.key = spec.order()[0];
    }

    /** Whether bound {@code b} of frame {@code f} is swept here. */
    static boolean applies(WindowPlan.Frame f, WindowPlan.Bound b) {
        return f.units() == WindowPlan.Units.RANGE
                && (b.kind() == WindowPlan.BoundKind.PRECEDING || b.kind() == WindowPlan.BoundKind.FOLLOWING);
    }

    /** Fills {@code lo} with each row's first frame row (the partition's size when none). */
    void starts(WindowPlan.Bound b, int[] lo) {
        Register o = offset(b, true);
        int n = rows.size();
        int s = 0;
        for (int k = 0; k < n; k++) {
            Register cur = key(k);
            if (b.kind() == WindowPlan.BoundKind.PRECEDING) {
                while (s < n && compare(plus(key(s), o), cur) < 0) {
                    s++;
                }
            } else {
                while (s < n && compare(plus(cur, o), key(s)) > 0) {
                    s++;
                }
            }
            lo[k] = s;
        }
    }

    /** Fills {@code hi} with each row's last frame row (-1 when none). */
    void ends(WindowPlan.Bound b, int[] hi) {
        Register o = offset(b, false);
        int n = rows.size();
        int e = -1;
        for (int k = 0; k < n; k++) {
            Register cur = key(k);
            if (b.kind() == WindowPlan.BoundKind.PRECEDING) {
                while (e + 1 < n && compare(plus(key(e + 1), o), cur) <= 0) {
                    e++;
                }
            } else {
                while (e + 1 < n && compare(plus(cur, o), key(e + 1)) >= 0) {
                    e++;
                }
            }
            hi[k] = e;
        }
    }

    private Register key(int k) {
        return rows.get(k)[key];
    }

    private Register offset(WindowPlan.Bound b, boolean start) {
        Register r = rows.get(0)[b.offset()];
        WindowRows.rangeOffset(r, start);
        return r;
    }

    /** {@code x} moved {@code o} forward in the sort's direction, as OP_Add / OP_Subtract. */
    private Register plus(Register x, Register o) {
        if (x.type() != ValueType.INTEGER && x.type() != ValueType.REAL) {
            return x;
        }
        boolean desc = spec.descending()[0];
        Register r = new Register();
        if (x.type() == ValueType.INTEGER && o.type() == ValueType.INTEGER) {
            long a = x.intValue();
            long d = o.intValue();
            long sum = desc ? a - d : a + d;
            boolean overflow = desc ? ((a ^ d) & (a ^ sum)) < 0 : ((a ^ sum) & (d ^ sum)) < 0;
            if (!overflow) {
                r.setInt(sum);
                return r;
            }
        }
        r.setReal(desc ? x.toDouble() - o.toDouble() : x.toDouble() + o.toDouble());
        return r;
    }

    /** {@code a} against {@code b} in the sort's order. */
    private int compare(Register a, Register b) {
        if (a.isNull() || b.isNull()) {
            if (a.isNull() && b.isNull()) {
                return 0;
            }
            return a.isNull() == spec.nullsFirst()[0] ? -1 : 1;
        }
        int c = ValueComparator.compare(a, b, spec.orderCollations()[0]);
        return spec.descending()[0] ? -c : c;
    }
}
