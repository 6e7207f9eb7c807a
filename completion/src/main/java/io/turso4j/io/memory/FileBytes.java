package io.turso4j.io.memory;

import io.turso4j.completion.IoFailure;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The bytes of one in-memory file: a growable array with a length. Bytes past the length
 * are always zero, so growing a file (by a write past its end or a truncate upwards) exposes
 * zeros, as a sparse file on disk does.
 *
 * <p>Not thread-safe: {@link MemoryIO} and the simulator guard each instance with a lock.
 */
public final class FileBytes {
    /** The largest Java array bounds an in-memory file. */
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

    private byte[] data = new byte[0];
    private int length;

    public FileBytes() {}

    private FileBytes(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    public long length() {
        return length;
    }

    /**
     * Copies up to {@code len} bytes at {@code pos} into {@code dst[dstOff, dstOff+len)} and
     * zero-fills the part of that range past the end of the file.
     *
     * @return how many bytes came from the file
     */
    public int read(long pos, MemorySegment dst, long dstOff, int len) {
        int n = (int) Math.max(0, Math.min(len, length - Math.min(pos, length)));
        if (n > 0) {
            MemorySegment.copy(data, (int) pos, dst, ValueLayout.JAVA_BYTE, dstOff, n);
        }
        if (n < len) {
            dst.asSlice(dstOff + n, len - n).fill((byte) 0);
        }
        return n;
    }

    /** Writes {@code src[srcOff, srcOff+len)} at {@code pos}, growing the file as needed. */
    public void write(long pos, MemorySegment src, long srcOff, int len) {
        int end = ensure(pos, len);
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, srcOff, data, (int) pos, len);
        length = Math.max(length, end);
    }

    /** Writes {@code src[off, off+len)} at {@code pos}, growing the file as needed. */
    public void write(long pos, byte[] src, int off, int len) {
        int end = ensure(pos, len);
        System.arraycopy(src, off, data, (int) pos, len);
        length = Math.max(length, end);
    }

    /** Cuts the file to {@code newLength} or extends it with zeros. */
    public void truncate(long newLength) {
        if (newLength < length) {
            Arrays.fill(data, (int) newLength, length, (byte) 0);
            length = (int) newLength;
        } else {
            int end = ensure(newLength, 0);
            length = end;
        }
    }

    /** A copy of the file's bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, length);
    }

    /** An independent copy. */
    public FileBytes copy() {
        return new FileBytes(Arrays.copyOf(data, length), length);
    }

    /** Grows the array to hold {@code [pos, pos+len)}; returns {@code pos+len}. */
    private int ensure(long pos, int len) {
        if (pos < 0 || len < 0 || pos > MAX_LENGTH - (long) len) {
            throw new IoFailure("in-memory file cannot reach " + pos + "+" + len + " bytes", IoFailure.EFBIG);
        }
        int end = (int) (pos + len);
        if (end > data.length) {
            int grown = (int) Math.min(MAX_LENGTH, Math.max(end, Math.max(4096L, data.length * 2L)));
            data = Arrays.copyOf(data, grown);
        }
        return end;
    }
}
