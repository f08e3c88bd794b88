package io.mqchat.media.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class ReceivedBodyTest {

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** A stream that hands out at most 1000 bytes per read, as a network stream does. */
    private static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
    }

    @Test
    void theHashIsTheSha256OfEveryByteAndTheBytesReadBackUnchanged() throws Exception {
        byte[] bytes = randomBytes(200_003);
        ReceivedBody body = ReceivedBody.read(trickling(bytes), 1_000_000);
        assertEquals(200_003, body.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), body.sha256());
        assertArrayEquals(bytes, body.stream().readAllBytes());
        assertArrayEquals(bytes, body.stream().readAllBytes(), "the bytes can be read again");
    }

    @Test
    void anImageStreamSeeksAnywhere() throws Exception {
        byte[] bytes = randomBytes(150_000);
        ImageInputStream in = ReceivedBody.of(bytes).imageStream();
        assertEquals(150_000, in.length());
        in.seek(140_000);
        byte[] tail = new byte[10_000];
        in.readFully(tail);
        assertArrayEquals(Arrays.copyOfRange(bytes, 140_000, 150_000), tail);
        assertEquals(-1, in.read());
        in.seek(65_535);
        assertEquals(bytes[65_535] & 0xff, in.read());
        assertEquals(bytes[65_536] & 0xff, in.read(), "across a chunk boundary");
    }

    @Test
    void exactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws Exception {
        assertEquals(70_000, ReceivedBody.read(trickling(randomBytes(70_000)), 70_000).size());
        assertThrows(BodyTooLargeException.class, () -> ReceivedBody.read(trickling(randomBytes(70_001)), 70_000));
    }

    @Test
    void anEmptyBodyHasTheHashOfNothing() throws Exception {
        ReceivedBody body = ReceivedBody.read(new ByteArrayInputStream(new byte[0]), 10);
        assertEquals(0, body.size());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", body.sha256());
        assertEquals(-1, body.stream().read());
    }
}
