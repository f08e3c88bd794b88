package io.mqchat.media.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An upload's bytes, read once from the request and held once in memory (in fixed-size chunks, so a growing body is
 * never copied), with their SHA-256 computed while reading. The image checks and the store read them from here.
 */
public final class ReceivedBody {

    private static final int CHUNK = 64 * 1024;

    private final List<byte[]> chunks;
    private final long size;
    private final String sha256;

    private ReceivedBody(List<byte[]> chunks, long size, String sha256) {
        this.chunks = chunks;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * Reads {@code in} to its end.
     *
     * @throws BodyTooLargeException as soon as more than {@code maxBytes} arrived; the rest is not read
     */
    public static ReceivedBody read(InputStream in, long maxBytes) throws IOException, BodyTooLargeException {
        MessageDigest digest = sha256Digest();
        List<byte[]> chunks = new ArrayList<>();
        long size = 0;
        while (true) {
            byte[] chunk = new byte[CHUNK];
            int filled = 0;
            int read = 0;
            while (filled < CHUNK && (read = in.read(chunk, filled, CHUNK - filled)) >= 0) {
                filled += read;
                if (size + filled > maxBytes) {
                    throw new BodyTooLargeException(maxBytes);
                }
            }
            if (filled > 0) {
                digest.update(chunk, 0, filled);
                chunks.add(chunk);
                size += filled;
            }
            if (read < 0) {
                return new ReceivedBody(List.copyOf(chunks), size, HexFormat.of().formatHex(digest.digest()));
            }
        }
    }

    /** Holds {@code bytes} (tests, and callers that already have them in memory). */
    public static ReceivedBody of(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException | BodyTooLargeException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    public long size() {
        return size;
    }

    /** Lowercase hex SHA-256 of the bytes. */
    public String sha256() {
        return sha256;
    }

    /** The bytes from the start, for the store. */
    public InputStream stream() {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                return chunks.get((int) (position / CHUNK))[(int) (position++ % CHUNK)] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                int copied = copy(position, target, offset, length);
                if (copied > 0) {
                    position += copied;
                }
                return copied;
            }
        };
    }

    /** The bytes as a seekable stream, for ImageIO (which would otherwise cache a copy of them). */
    public ImageInputStream imageStream() {
        return imageStream(() -> false);
    }

    /**
     * The bytes as a seekable stream whose reads fail once {@code stop} says so: a decoder that reads on after its
     * time budget is spent fails at its next read.
     */
    public ImageInputStream imageStream(BooleanSupplier stop) {
        return new ImageInputStreamImpl() {
            @Override
            public int read() throws IOException {
                checkStop();
                bitOffset = 0;
                if (streamPos >= size) {
                    return -1;
                }
                int value = chunks.get((int) (streamPos / CHUNK))[(int) (streamPos % CHUNK)] & 0xff;
                streamPos++;
                return value;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                checkStop();
                bitOffset = 0;
                int copied = copy(streamPos, target, offset, length);
                if (copied > 0) {
                    streamPos += copied;
                }
                return copied;
            }

            @Override
            public long length() {
                return size;
            }

            @Override
            public void flushBefore(long position) {
                // The bytes stay in memory anyway: every reader of the same upload may seek back to its start.
            }

            private void checkStop() throws IOException {
                if (stop.getAsBoolean()) {
                    throw new IOException("reading stopped: the time budget is spent");
                }
            }
        };
    }

    /** Copies up to {@code length} bytes from {@code position}; -1 at the end, as InputStream.read does. */
    private int copy(long position, byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int copied = 0;
        long at = position;
        while (copied < length && at < size) {
            int inChunk = (int) (at % CHUNK);
            int n = (int) Math.min(Math.min(length - copied, CHUNK - inChunk), size - at);
            System.arraycopy(chunks.get((int) (at / CHUNK)), inChunk, target, offset + copied, n);
            copied += n;
            at += n;
        }
        return copied;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
