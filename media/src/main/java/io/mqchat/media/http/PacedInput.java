package io.mqchat.media.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * A request body that must arrive at a minimum average rate once a grace period has passed. A client that sends
 * nothing at all is ended by the connection's idle timeout; this ends one that sends a byte now and then, which
 * would otherwise hold a thread and an upload slot for as long as it likes.
 */
final class PacedInput extends FilterInputStream {

    private final long minBytesPerSecond;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private long startedAt = -1;
    private long received;

    PacedInput(InputStream in, long minBytesPerSecond, long graceNanos, LongSupplier nanoTime) {
        super(in);
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = graceNanos;
        this.nanoTime = nanoTime;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (startedAt < 0) {
            startedAt = nanoTime.getAsLong();
        }
        int n = super.read(target, offset, length);
        if (n > 0) {
            received += n;
            checkPace();
        }
        return n;
    }

    private void checkPace() throws TooSlowException {
        long elapsed = nanoTime.getAsLong() - startedAt;
        if (minBytesPerSecond > 0 && elapsed > graceNanos && received * 1_000_000_000.0 / elapsed < minBytesPerSecond) {
            throw new TooSlowException(minBytesPerSecond);
        }
    }

    /** The body arrived slower than the minimum rate. */
    static final class TooSlowException extends IOException {

        TooSlowException(long minBytesPerSecond) {
            super("the body arrived slower than " + minBytesPerSecond + " bytes per second");
        }
    }
}
