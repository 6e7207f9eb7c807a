package io.turso4j.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellOptionsTest {

    @Test
    void noArgumentsMeansAnInMemoryDatabaseAndStdin() throws Exception {
        ShellOptions o = ShellOptions.parse(new String[0]);
        assertEquals(":memory:", o.file());
        assertEquals(List.of(), o.commands());
        assertNull(o.io());
        assertNull(o.interactive());
    }

    @Test
    void firstWordIsTheFileTheRestAreCommands() throws Exception {
        ShellOptions o = ShellOptions.parse(new String[] {"--io", "nio", "-bail", "db", "select 1", ".tables"});
        assertEquals("db", o.file());
        assertEquals(List.of("select 1", ".tables"), o.commands());
        assertEquals("nio", o.io());
        assertTrue(o.bail());
    }

    @Test
    void optionsTakeOneOrTwoDashesAndValuesLiterally() throws Exception {
        ShellOptions o = ShellOptions.parse(new String[] {"--csv", "-separator", "\\t", "-batch", "-noheader", "-cmd", "x"});
        assertEquals(List.of(new ShellOptions.Setup.Mode("csv"), new ShellOptions.Setup.Separator("\\t"),
                new ShellOptions.Setup.Header(false), new ShellOptions.Setup.Command("x")), o.setup());
        assertEquals(false, o.interactive());
    }

    @Test
    void badCommandLinesSayWhy() {
        assertEquals("tursodb: Error: unknown option: -frobnicate\nUse -help for a list of options.",
                assertThrows(ShellOptions.UsageException.class,
                        () -> ShellOptions.parse(new String[] {"-frobnicate"})).getMessage());
        assertTrue(assertThrows(ShellOptions.UsageException.class,
                () -> ShellOptions.parse(new String[] {"--io", "floppy"})).getMessage().contains("floppy"));
        assertTrue(assertThrows(ShellOptions.UsageException.class,
                () -> ShellOptions.parse(new String[] {"-cmd"})).getMessage().contains("missing argument"));
    }
}
