package io.turso4j.value;

import java.util.Arrays;

/**
 * SQLite's three built-in collations. All compare bytes, never characters: BINARY is memcmp
 * then length; NOCASE folds only ASCII A–Z to a–z (and, like SQLite, stops at a NUL byte in
 * the left operand); RTRIM is BINARY with trailing spaces (0x20 only) ignored.
 *
 * <p>Stateless; any thread.
 */
public enum BuiltinCollation implements Collation {
    BINARY {
        @Override
        public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
            return binary(a, aOff, aLen, b, bOff, bLen);
        }
    },
    NOCASE {
        @Override
        public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
            int n = Math.min(aLen, bLen);
            for (int i = 0; i < n; i++) {
                int ca = a[aOff + i] & 0xff;
                int cb = b[bOff + i] & 0xff;
                if (ca == 0 || lower(ca) != lower(cb)) {
                    // sqlite3StrNICmp stops at a NUL on the left and reports the difference.
                    int d = lower(ca) - lower(cb);
                    return d != 0 ? d : aLen - bLen;
                }
            }
            return aLen - bLen;
        }
    },
    RTRIM {
        @Override
        public int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
            while (aLen > 0 && a[aOff + aLen - 1] == ' ') {
                aLen--;
            }
            while (bLen > 0 && b[bOff + bLen - 1] == ' ') {
                bLen--;
            }
            return binary(a, aOff, aLen, b, bOff, bLen);
        }
    };

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    static int binary(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        int c = Arrays.compareUnsigned(a, aOff, aOff + Math.min(aLen, bLen),
                b, bOff, bOff + Math.min(aLen, bLen));
        return c != 0 ? c : aLen - bLen;
    }
}
