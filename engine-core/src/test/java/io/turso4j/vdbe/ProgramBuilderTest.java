package io.turso4j.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The builder grows its arrays as instructions come and gives the program copies at their exact
 * size: a program of more instructions than the initial capacity keeps every one, in order, with
 * its labels resolved, and its size is the number emitted, not the capacity. The builder's own
 * arrays serve the next builder, which must not change a program built before.
 */
class ProgramBuilderTest {

    @Test
    void aProgramLongerThanTheInitialCapacityKeepsEveryInstructionAndResolvesItsLabels() {
        int n = 300; // past the initial 64, so the arrays grow three times
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        int end = b.newLabel();
        int jump = b.emit(Opcode.Goto, 0, end);
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.Integer, i, b.allocRegister(), 0, i % 7 == 0 ? "p4-" + i : null, i % 3);
        }
        b.resolve(end);
        int halt = b.emit(Opcode.Halt, 0, 0);
        Program p = b.build();

        assertEquals(n + 3, p.size());
        assertEquals(halt, p.p2(jump));
        for (int i = 0; i < n; i++) {
            int addr = jump + 1 + i;
            assertEquals(Opcode.Integer, p.opcode(addr));
            assertEquals(i, p.p1(addr));
            assertEquals(i + 1, p.p2(addr));
            assertEquals(i % 3, p.p5(addr));
            if (i % 7 == 0) {
                assertEquals("p4-" + i, p.p4(addr));
            } else {
                assertNull(p.p4(addr));
            }
        }
        assertEquals(Opcode.Halt, p.opcode(p.size() - 1));
    }

    @Test
    void theRunOnceBlockIsAppendedBehindALongProgram() {
        ProgramBuilder b = new ProgramBuilder();
        b.emit(Opcode.Init, 0, 1);
        int constant = b.allocRegister();
        b.codeOnce(() -> b.emit(Opcode.Integer, 42, constant));
        for (int i = 0; i < 100; i++) {
            b.emit(Opcode.Noop, i, 0);
        }
        int halt = b.emit(Opcode.Halt, 0, 0);
        Program p = b.build();

        assertEquals(halt + 3, p.size()); // the block's Integer and its Goto back come last
        assertEquals(halt + 1, p.p2(0));
        assertEquals(Opcode.Integer, p.opcode(halt + 1));
        assertEquals(42, p.p1(halt + 1));
        assertEquals(Opcode.Goto, p.opcode(halt + 2));
        assertEquals(1, p.p2(halt + 2));
    }

    @Test
    void aBuiltProgramIsExactlySizedAndUntouchedByTheBuildersAfterIt() {
        ProgramBuilder first = new ProgramBuilder();
        first.emit(Opcode.Init, 0, 1);
        first.emit(Opcode.String8, 0, first.allocRegister(), 0, "kept", 0);
        first.emit(Opcode.Halt, 0, 0);
        Program p = first.build();
        assertEquals(3 * Program.WIDTH, p.code.length);
        assertEquals(3, p.p4.length);

        for (int round = 0; round < 3; round++) { // the next builders start from the first's arrays
            ProgramBuilder next = new ProgramBuilder();
            for (int i = 0; i < 200; i++) {
                next.emit(Opcode.Integer, 7, 8, 9, "other", 1);
            }
            Program q = next.build();
            assertEquals(200, q.size());
            for (int i = 0; i < 200; i++) { // a recycled P4 array was cleared, not left to leak into a program
                assertEquals("other", q.p4(i));
            }
        }

        assertEquals(Opcode.Init, p.opcode(0));
        assertEquals(Opcode.String8, p.opcode(1));
        assertEquals("kept", p.p4(1));
        assertEquals(1, p.p2(1));
        assertEquals(Opcode.Halt, p.opcode(2));
        ProgramBuilder empty = new ProgramBuilder();
        empty.emit(Opcode.Halt, 0, 0);
        Program r = empty.build();
        assertEquals(1, r.size());
        assertTrue(r.p4(0) == null, "a recycled P4 slot comes back empty");
    }
}
