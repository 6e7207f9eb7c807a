package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultHasherTest {

    @Test
    void emptyResultHashesTheEmptyString() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", ResultHasher.md5(List.of()));
        assertEquals(ResultHasher.EMPTY_MD5, ResultHasher.md5(List.of()));
    }

    @Test
    void everyValueIsFollowedByANewline() {
        // md5sum of the bytes "1\n2\n" and "a\n", computed with coreutils.
        assertEquals("6ddb4095eb719e2a9f0a3f95677d24e0", ResultHasher.md5(List.of("1", "2")));
        assertEquals("60b725f10c9c85c70d97880dfe8191b3", ResultHasher.md5(List.of("a")));
        assertEquals("3 values hashing to abc", ResultHasher.hashLine(3, "abc"));
    }
}
