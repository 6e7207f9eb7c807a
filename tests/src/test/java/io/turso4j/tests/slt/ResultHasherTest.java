package io.turso4j.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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

    @Test
    void valuesLongerThanTheHashersBufferHashAsTheirBytes() throws Exception {
        List<String> values = List.of("x".repeat(63), "y".repeat(64), "z".repeat(300), "", "caf\u00e9");
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update((String.join("\n", values) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(HexFormat.of().formatHex(md5.digest()), ResultHasher.md5(values));
    }
}
