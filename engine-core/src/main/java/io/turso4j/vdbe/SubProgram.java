package io.turso4j.vdbe;

/**
 * A trigger program or foreign key action compiled once into its statement's {@link Program}
 * and run by {@link Opcode#Program} in a frame of its own (SQLite's SubProgram): its code is the
 * range {@code [entry, end)}, ended by a {@code Halt} with P1 0, and it owns the registers
 * {@code [firstRegister, lastRegister]} and cursors {@code [firstCursor, cursorEnd)} (those of
 * sub-programs compiled inside it included). Its arguments arrive in its first {@code
 * argumentCount} registers.
 *
 * <p>Because the code shares the statement's register and cursor numbering, a frame is entered
 * by setting the sub-program's registers, cursors and {@code Once} flags aside and left by
 * putting them back ({@link Frames}); register numbers outside the range (the statement's
 * foreign key counter, say) mean the same in every frame.
 *
 * <p>Built by the code generator: created when its code starts, {@link #finish finished} when
 * it ends, before {@link ProgramBuilder#build}; immutable from then on.
 */
public final class SubProgram {
    private final String name;
    final int entry;
    final int firstRegister;
    final int argumentCount;
    final int firstCursor;
    int end = -1;
    int lastRegister;
    int cursorEnd;

    /** A sub-program whose code starts at {@code entry} and whose registers start with its arguments. */
    public SubProgram(String name, int entry, int firstRegister, int argumentCount, int firstCursor) {
        this.name = name;
        this.entry = entry;
        this.firstRegister = firstRegister;
        this.argumentCount = argumentCount;
        this.firstCursor = firstCursor;
    }

    /** Records where the code ended and the last register and cursor it took. */
    public void finish(int end, int lastRegister, int cursorEnd) {
        this.end = end;
        this.lastRegister = lastRegister;
        this.cursorEnd = cursorEnd;
    }

    /** What the program is, for debugging: "trigger t" or "fk action …". */
    public String name() {
        return name;
    }

    /** EXPLAIN shows P4 of {@code Program} as sqlite3 does. */
    @Override
    public String toString() {
        return "program";
    }
}
