package io.turso4j.completion;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CompletionGroupTest {

    @Test
    void doneOnlyWhenSealedAndAllMembersDone() {
        Completion a = new Completion();
        Completion b = new Completion();
        CompletionGroup g = new CompletionGroup().add(a).add(b);
        a.complete(10);
        b.complete(20);
        assertFalse(g.completion().isDone(), "unsealed group must not finish");
        g.seal();
        assertTrue(g.completion().isDone());
        assertEquals(30, g.completion().result());
    }

    @Test
    void membersCompletingAfterSeal() {
        Completion a = new Completion();
        Completion b = new Completion();
        CompletionGroup g = CompletionGroup.of(a, b);
        assertEquals(2, g.pending());
        a.complete(1);
        assertFalse(g.completion().isDone());
        b.complete(2);
        assertEquals(3, g.completion().result());
    }

    @Test
    void alreadyDoneMembersCount() {
        CompletionGroup g = CompletionGroup.of(Completion.succeeded(4), Completion.succeeded(5));
        assertEquals(9, g.completion().result());
    }

    @Test
    void emptySealedGroupSucceedsWithZero() {
        assertEquals(0, new CompletionGroup().seal().completion().result());
    }

    @Test
    void firstErrorWinsButGroupWaitsForAll() {
        Completion a = new Completion();
        Completion b = new Completion();
        Completion c = new Completion();
        CompletionGroup g = CompletionGroup.of(a, b, c);
        b.fail(new IoFailure("first", IoFailure.EIO));
        a.fail(new IoFailure("second", 28));
        assertFalse(g.completion().isDone(), "a member is still in flight");
        c.complete(1);
        assertEquals(IoFailure.EIO, g.completion().failure().errno());
    }

    @Test
    void addAfterSealRefusedAndSealIdempotent() {
        CompletionGroup g = new CompletionGroup();
        Completion a = new Completion();
        g.add(a).seal().seal();
        assertThrows(IllegalStateException.class, () -> g.add(new Completion()));
        assertTrue(g.isSealed());
        a.complete(1);
        assertEquals(1, g.completion().result());
    }
}
