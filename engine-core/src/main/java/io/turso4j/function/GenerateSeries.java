package io.turso4j.function;

import io.turso4j.value.Register;

/**
 * {@code generate_series(start[, stop[, step]])}, as the series extension built into sqlite3
 * 3.40 runs it: the integers from start to stop by step (columns value, then start, stop and
 * step hidden). The arguments convert as {@code sqlite3_value_int64} does; stop defaults to
 * 4294967295 and step to 1; a step of 0 is 1; a negative step walks down from the last value
 * of the ascending series (so {@code generate_series(1, 10, -3)} is 10, 7, 4, 1); a NULL
 * argument gives no rows. Arithmetic wraps as SQLite's 64-bit integers do. Stateless.
 */
final class GenerateSeries implements TableFunction {
    static final GenerateSeries INSTANCE = new GenerateSeries();
    /** SQLite's default stop when none is given. */
    private static final long DEFAULT_STOP = 0xffffffffL;

    private GenerateSeries() {
    }

    @Override
    public Rows open(Register[] args, int start, int count) {
        long min = count > 0 ? args[start].toLong() : 0;
        long max = count > 1 ? args[start + 1].toLong() : DEFAULT_STOP;
        long step = count > 2 ? args[start + 2].toLong() : 1;
        boolean descending = false;
        if (step == 0) {
            step = 1;
        } else if (step < 0) {
            step = -step;
            descending = true;
        }
        for (int i = 0; i < count; i++) {
            if (args[start + i].isNull()) {
                min = 1;
                max = 0;
                break;
            }
        }
        return new Series(min, max, step, descending);
    }

    /** One walk: before the first row until the first {@link #next}. */
    private static final class Series implements Rows {
        private final long min;
        private final long max;
        private final long step;
        private final boolean descending;
        private long value;
        private boolean started;

        Series(long min, long max, long step, boolean descending) {
            this.min = min;
            this.max = max;
            this.step = step;
            this.descending = descending;
        }

        @Override
        public boolean next() {
            if (!started) {
                started = true;
                value = descending ? max - (max - min) % step : min;
            } else {
                value = descending ? value - step : value + step;
            }
            return descending ? value >= min : value <= max;
        }

        @Override
        public void column(int i, Register out) {
            out.setInt(switch (i) {
                case 1 -> min;
                case 2 -> max;
                case 3 -> step;
                default -> value;
            });
        }
    }
}
