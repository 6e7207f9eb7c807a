package io.turso4j.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The builder grows its arrays as instructions come and hands them to the program untrimmed:
 * a program of more instructions than the initial capacity keeps every one, in order, with its
 * labels resolved, and its size is the number emitted, not the capacity.
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
}
