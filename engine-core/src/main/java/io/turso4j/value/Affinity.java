package io.turso4j.value;

import java.util.Locale;

/**
 * Column affinity (<a href="https://www.sqlite.org/datatype3.html">Datatypes In SQLite</a>,
 * §3): the type a column prefers, applied to values stored into it, to operands before a
 * comparison (§4.2) and by CAST.
 *
 * <p>{@link #BLOB} is the affinity of a column declared BLOB or with no type; {@link #NONE} is
 * the "no affinity" of an expression that is not a column (a literal, an arithmetic result).
 * Both leave values unchanged; they differ only in {@link #forComparison}.
 *
 * <p>Stateless; any thread. The {@code apply} methods mutate only the register passed in.
 */
public enum Affinity {
    TEXT,
    NUMERIC,
    INTEGER,
    REAL,
    BLOB,
    NONE;

    /**
     * The affinity of a declared column type, by the rules of §3.1, in order: contains "INT" →
     * INTEGER; else "CHAR", "CLOB" or "TEXT" → TEXT; else "BLOB" or no type → BLOB; else
     * "REAL", "FLOA" or "DOUB" → REAL; else NUMERIC. Case-insensitive; {@code null} and the
     * empty string are "no type". CAST uses the same rules for its type name.
     */
    public static Affinity ofDeclaredType(String declaredType) {
        if (declaredType == null || declaredType.isEmpty()) {
            return BLOB;
        }
        String t = declaredType.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.contains("BLOB")) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    /** True for NUMERIC, INTEGER and REAL. */
    public boolean isNumeric() {
        return this == NUMERIC || this == INTEGER || this == REAL;
    }

    /**
     * The affinity to apply to both operands of a comparison whose left operand has affinity
     * {@code left} and right operand {@code right} (§4.2): NUMERIC if either side is a numeric
     * column and the other is a column of any other affinity or has none; TEXT if one side has
     * TEXT affinity and the other none; otherwise {@link #NONE} (compare as they are).
     */
    public static Affinity forComparison(Affinity left, Affinity right) {
        if (left != NONE && right != NONE) {
            return left.isNumeric() || right.isNumeric() ? NUMERIC : NONE;
        }
        Affinity column = left == NONE ? right : left;
        if (column.isNumeric()) {
            return NUMERIC;
        }
        return column == TEXT ? TEXT : NONE;
    }

    /**
     * Applies this affinity to a value being stored into a column: TEXT renders numbers as
     * text; NUMERIC and INTEGER turn well-formed numeric text into an INTEGER (or a REAL when
     * it has no exact 64-bit integer value) and a REAL that is a whole number into an INTEGER;
     * REAL does the same and then makes any INTEGER a REAL. BLOB and NONE change nothing, and
     * no affinity touches a BLOB or NULL.
     */
    public void apply(Register r) {
        switch (this) {
            case TEXT -> toText(r);
            case NUMERIC, INTEGER -> {
                if (r.type() == ValueType.TEXT) {
                    textToNumber(r, true);
                } else if (r.type() == ValueType.REAL) {
                    realToIntegerIfExact(r);
                }
            }
            case REAL -> {
                // As SQLite stores it: like NUMERIC (so -0.0 is stored as the integer 0), then
                // read back as a REAL.
                if (r.type() == ValueType.TEXT) {
                    textToNumber(r, true);
                } else if (r.type() == ValueType.REAL) {
                    realToIntegerIfExact(r);
                }
                if (r.type() == ValueType.INTEGER) {
                    r.setReal((double) r.intValue());
                }
            }
            case BLOB, NONE -> {
            }
        }
    }

    /**
     * Applies this affinity (a result of {@link #forComparison}) to a comparison operand:
     * numeric affinities turn numeric-looking TEXT into a number (a REAL stays a REAL); TEXT
     * renders numbers as text; NONE and BLOB change nothing.
     */
    public void applyForComparison(Register r) {
        if (isNumeric()) {
            if (r.type() == ValueType.TEXT) {
                int nul = indexOfNul(r.bytes(), r.length());
                if (nul >= 0) {
                    nulEndedToReal(r, nul);
                } else {
                    textToNumber(r, false);
                }
            }
        } else if (this == TEXT) {
            toText(r);
        }
    }

    private static int indexOfNul(byte[] z, int n) {
        for (int i = 0; i < n; i++) {
            if (z[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A comparison operand with a NUL byte: SQLite 3.54 reads the text before the NUL, and when
     * that is entirely a number compares it as a REAL ('1' || x'00' || 'a' = 1 holds);
     * otherwise the text stays. Found by differential tests against sqlite-jdbc.
     */
    private static void nulEndedToReal(Register r, int nul) {
        byte[] z = r.bytes();
        if (NumericText.realKind(z, 0, nul) > 0) {
            r.setReal(NumericText.parseReal(z, 0, nul));
        }
    }

    private static void toText(Register r) {
        ValueType t = r.type();
        if (t == ValueType.INTEGER || t == ValueType.REAL) {
            r.setText(r.toText());
        }
    }

    /**
     * SQLite's applyNumericAffinity: only text that is entirely a number (spaces aside)
     * converts. An integer literal that fits 64 bits becomes INTEGER; otherwise the REAL,
     * which {@code tryForInt} then narrows to INTEGER when it is a whole number in range.
     */
    static void textToNumber(Register r, boolean tryForInt) {
        byte[] z = r.bytes();
        int n = r.length();
        int kind = NumericText.realKind(z, 0, n);
        if (kind <= 0) {
            return;
        }
        double value = NumericText.parseReal(z, 0, n);
        if (kind == NumericText.WHOLE_INTEGER) {
            long i = Int64.realToI64(value);
            if (Int64.realSameAsInt(value, i)) {
                r.setInt(i);
                return;
            }
            if (NumericText.integerKind(z, 0, n) == NumericText.INT_OK) {
                r.setInt(NumericText.parseInteger(z, 0, n));
                return;
            }
        }
        r.setReal(value);
        if (tryForInt) {
            realToIntegerIfExact(r);
        }
    }

    /**
     * sqlite3VdbeIntegerAffinity: a REAL that equals a {@code long} becomes that INTEGER,
     * except at the two ends of the range (where the conversion saturated).
     */
    static void realToIntegerIfExact(Register r) {
        double v = r.realValue();
        long i = Int64.realToI64(v);
        if (v == (double) i && i > Long.MIN_VALUE && i < Long.MAX_VALUE) {
            r.setInt(i);
        }
    }
}
