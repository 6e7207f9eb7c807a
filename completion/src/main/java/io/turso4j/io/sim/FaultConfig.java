package io.turso4j.io.sim;

/**
 * How often {@link SimulatedIO} misbehaves. Each probability is drawn from the simulator's
 * seeded fault stream when an operation completes, so the same seed injects the same faults.
 *
 * @param readError chance a read fails with EIO (nothing read)
 * @param writeError chance a write fails with EIO (nothing written)
 * @param syncError chance a sync fails with EIO (nothing made durable; the writes stay
 *     unsynced and a later sync may still cover them)
 * @param shortWrite chance a write of more than one byte completes with fewer bytes than
 *     asked, only that prefix applied
 * @param tornWrite chance that {@link SimulatedIO#crash()} keeps a sector-aligned prefix of
 *     each file's last unsynced write instead of none of it
 * @param sectorSize the unit a torn write is cut at, e.g. 512
 */
public record FaultConfig(double readError, double writeError, double syncError, double shortWrite,
        double tornWrite, int sectorSize) {

    /** No faults: operations only complete out of order. */
    public static final FaultConfig NONE = new FaultConfig(0, 0, 0, 0, 0, 512);

    public FaultConfig {
        for (double p : new double[] {readError, writeError, syncError, shortWrite, tornWrite}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("fault probabilities must lie in [0, 1]: " + p);
            }
        }
        if (sectorSize <= 0) {
            throw new IllegalArgumentException("sector size must be positive: " + sectorSize);
        }
    }

    public FaultConfig withReadError(double p) {
        return new FaultConfig(p, writeError, syncError, shortWrite, tornWrite, sectorSize);
    }

    public FaultConfig withWriteError(double p) {
        return new FaultConfig(readError, p, syncError, shortWrite, tornWrite, sectorSize);
    }

    public FaultConfig withSyncError(double p) {
        return new FaultConfig(readError, writeError, p, shortWrite, tornWrite, sectorSize);
    }

    public FaultConfig withShortWrite(double p) {
        return new FaultConfig(readError, writeError, syncError, p, tornWrite, sectorSize);
    }

    public FaultConfig withTornWrite(double p) {
        return new FaultConfig(readError, writeError, syncError, shortWrite, p, sectorSize);
    }
}
