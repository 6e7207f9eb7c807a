package io.turso4j.value;

/**
 * {@code CAST(x AS type)} (<a href="https://www.sqlite.org/lang_expr.html#castexpr">CAST
 * expressions</a>): the type name is mapped to an affinity by
 * {@link Affinity#ofDeclaredType} (so {@code CAST(x AS "FOO")} is NUMERIC and
 * {@code CAST(x AS "")} is BLOB), then:
 * <ul>
 *   <li>NULL stays NULL whatever the type.</li>
 *   <li>TEXT: numbers render as text (17 significant digits for REAL), a BLOB's bytes are
 *       read as text.</li>
 *   <li>BLOB: a BLOB stays; anything else becomes the bytes of its text.</li>
 *   <li>INTEGER: the longest integer prefix of text ({@code '12.9e3'} → 12), saturating;
 *       a REAL truncates toward zero, saturating.</li>
 *   <li>REAL: the longest real prefix of text; an INTEGER converts.</li>
 *   <li>NUMERIC: text becomes INTEGER when its prefix reads as an integer (or a whole real
 *       within ±2^51), else REAL; {@code '9223372036854775808'} is a REAL. Numbers stay.</li>
 * </ul>
 * Mutates only the register passed in. Stateless; any thread.
 */
public final class Cast {
    private Cast() {
    }

    /** Casts {@code r} in place to the type named {@code typeName}. */
    public static void apply(Register r, String typeName) {
        apply(r, Affinity.ofDeclaredType(typeName));
    }

    /** Casts {@code r} in place to the storage class of {@code affinity} (NONE acts as BLOB). */
    public static void apply(Register r, Affinity affinity) {
        if (r.isNull()) {
            return;
        }
        switch (affinity) {
            case TEXT -> {
                if (r.type() != ValueType.TEXT) {
                    if (r.type() == ValueType.BLOB) {
                        r.setText(r.bytes(), 0, r.length());
                    } else {
                        r.setText(r.toText());
                    }
                }
            }
            case BLOB, NONE -> {
                if (r.type() != ValueType.BLOB) {
                    if (r.type() != ValueType.TEXT) {
                        r.setText(r.toText());
                    }
                    r.setBlob(r.bytes(), 0, r.length());
                }
            }
            case INTEGER -> r.setInt(r.toLong());
            case REAL -> r.setReal(r.toDouble());
            case NUMERIC -> numerify(r);
        }
    }

    /** sqlite3VdbeMemNumerify: TEXT/BLOB to INTEGER or REAL; numbers are left alone. */
    private static void numerify(Register r) {
        if (r.type() != ValueType.TEXT && r.type() != ValueType.BLOB) {
            return;
        }
        byte[] z = r.bytes();
        int n = r.length();
        int kind = NumericText.realKind(z, 0, n);
        double value = NumericText.parseReal(z, 0, n);
        if ((kind == NumericText.NOT_NUMERIC || kind == NumericText.WHOLE_INTEGER)
                && NumericText.integerKind(z, 0, n) <= NumericText.INT_TRAILING_TEXT) {
            r.setInt(NumericText.parseInteger(z, 0, n));
            return;
        }
        long i = Int64.realToI64(value);
        if (Int64.realSameAsInt(value, i)) {
            r.setInt(i);
        } else {
            r.setReal(value);
        }
    }
}
