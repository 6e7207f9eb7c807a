package io.turso4j.translate.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The source text of one column definition's parts that SQLite keeps verbatim and the AST does
 * not: the declared type exactly as written (spacing and quotes included), the DEFAULT
 * expression's text (what {@code PRAGMA table_info} shows), and the text of generated and CHECK
 * expressions. Immutable.
 *
 * @param type the declared type's source span, or null when none
 * @param defaults each DEFAULT clause's value, in order (SQLite lets a later one replace an
 *     earlier one)
 * @param generatedText the text inside {@code AS ( … )}, trimmed, or null
 * @param checks the text inside each {@code CHECK ( … )}, trimmed, in order
 * @param referencesToken the parent table's name token after the first REFERENCES, as
 *     written, or null (SQLite quotes it that way in foreign key errors)
 */
record ColumnSource(String type, List<DefaultSource> defaults, String generatedText, List<String> checks,
                    String referencesToken) {

    ColumnSource {
        defaults = List.copyOf(defaults);
        checks = List.copyOf(checks);
    }

    /**
     * One DEFAULT value's source.
     *
     * @param text inside the parentheses (trimmed) for {@code DEFAULT (expr)}, else the literal,
     *     signed literal or identifier as written: what {@code PRAGMA table_info} shows
     * @param parenthesized written {@code DEFAULT (expr)}: only that form can hold a non-constant
     */
    record DefaultSource(String text, boolean parenthesized) {}

    static final class Builder {
        String type;
        final List<DefaultSource> defaults = new ArrayList<>();
        String generatedText;
        final List<String> checks = new ArrayList<>();
        String referencesToken;

        ColumnSource build() {
            return new ColumnSource(type, defaults, generatedText, checks, referencesToken);
        }
    }
}
