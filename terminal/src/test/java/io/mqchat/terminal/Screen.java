package io.mqchat.terminal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The terminal's output as a test sees it: the lines printed so far, and a wait for one to appear. */
final class Screen extends OutputStream {

    /** Only an upper bound for a broken build; a working one shows a line in milliseconds. */
    static final long PATIENCE_SECONDS = 30;

    private final String name;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Screen(String name) {
        this.name = name;
    }

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        notifyAll();
    }

    synchronized List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The first line equal to {@code line}, waiting for it if necessary. */
    String shows(String line) {
        return awaitLine(line::equals, "'" + line + "'");
    }

    /** The first line that starts with {@code start}, waiting for it if necessary. */
    String showsLineStartingWith(String start) {
        return awaitLine(candidate -> candidate.startsWith(start), "a line starting with '" + start + "'");
    }

    /** True when a line equal to {@code line} is shown, after waiting up to {@code seconds} for it. */
    synchronized boolean showsWithin(String line, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!lines().contains(line)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            waitNanos(left);
        }
        return true;
    }

    private synchronized String awaitLine(Predicate<String> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (true) {
            for (String line : lines()) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail(name + " never showed " + what + "; it shows:\n" + String.join("\n", lines()));
            }
            waitNanos(left);
        }
    }

    private void waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
