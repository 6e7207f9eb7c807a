package io.turso4j.storage.integrity;

/**
 * The context SQLite puts in front of a message ({@code IntegrityCk.zPfx} with its two
 * arguments {@code v1}, {@code v2}), with the wording of SQLite 3.40, the oracle the tests run.
 *
 * <p>Note that sqlite3 keeps {@link #RIGHT_CHILD} for every cell of an interior page of an
 * auto-vacuum database once it has checked the right child's pointer-map entry, so "On page 3
 * at right child: Rowid 7 out of order" may name any cell; we keep that quirk so that messages
 * compare equal line for line.
 */
enum Prefix {
    NONE,
    MAIN_FREELIST,
    PAGE,
    CELL,
    RIGHT_CHILD;

    /** The prefix text for page {@code v1} and cell {@code v2}. */
    String format(long v1, long v2) {
        return switch (this) {
            case NONE -> "";
            case MAIN_FREELIST -> "Main freelist: ";
            case PAGE -> "Page " + v1 + ": ";
            case CELL -> "On tree page " + v1 + " cell " + (int) v2 + ": ";
            case RIGHT_CHILD -> "On page " + v1 + " at right child: ";
        };
    }
}
