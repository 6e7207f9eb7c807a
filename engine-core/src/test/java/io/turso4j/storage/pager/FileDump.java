package io.turso4j.storage.pager;

import io.turso4j.storage.format.DatabaseHeader;
import io.turso4j.storage.format.WalFrameChain;
import io.turso4j.storage.format.WalFrameHeader;
import io.turso4j.storage.format.WalHeader;

import java.lang.foreign.MemorySegment;

/** One-line descriptions of database and WAL files, for the traces of failed simulations. */
final class FileDump {
    private FileDump() {}

    static String database(byte[] file, int pageSize) {
        if (file.length < DatabaseHeader.SIZE) {
            return "db " + file.length + " bytes";
        }
        return "db " + file.length / pageSize + " pages, header size " + DatabaseHeader.decode(file).databaseSize();
    }

    /** The header, then per frame its page number, 'c' for a commit, '!' where the chain breaks. */
    static String wal(byte[] file) {
        if (file.length < WalHeader.SIZE) {
            return "wal " + file.length + " bytes";
        }
        WalHeader h = WalHeader.decode(file);
        MemorySegment s = MemorySegment.ofArray(file);
        WalFrameChain chain = new WalFrameChain(h);
        StringBuilder out = new StringBuilder("wal " + h + (h.checksumValid() ? "" : " (bad checksum)") + ":");
        for (long at = WalHeader.SIZE; at + h.frameSize() <= file.length; at += h.frameSize()) {
            WalFrameHeader frame = WalFrameHeader.decode(s, at);
            boolean valid = chain.verify(s, at, s.asSlice(at + WalFrameHeader.SIZE, h.pageSize()));
            out.append(' ').append(frame.pageNumber()).append(frame.isCommit() ? "c" : "").append(valid ? "" : "!");
        }
        return out.toString();
    }
}
