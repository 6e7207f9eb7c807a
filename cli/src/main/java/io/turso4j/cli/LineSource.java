package io.turso4j.cli;

/** Where the input loop's lines come from: a script (stdin, a {@code .read} file) or the terminal. */
interface LineSource {

    /**
     * The next line without its line terminator, or null at the end of input.
     *
     * @param continuation true while a statement is unfinished (the terminal shows the
     *     continuation prompt)
     */
    String readLine(boolean continuation);
}
