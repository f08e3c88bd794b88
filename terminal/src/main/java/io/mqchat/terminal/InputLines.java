package io.mqchat.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The lines typed, read on a thread of their own: a read from a terminal cannot be interrupted, and the session must
 * be able to end while nobody types (when the server refuses the token on a reconnect).
 */
final class InputLines {

    /** The end of the input, or of the session. */
    private static final Optional<String> END = Optional.empty();

    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private volatile boolean stopped;

    /** Starts reading {@code in}. */
    InputLines(Reader in) {
        Thread reader = new Thread(() -> read(in), "mqchat terminal input");
        // Blocked on a terminal nobody types into any more, it must not keep the process alive.
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Reader in) {
        BufferedReader reader = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            // The input is gone (a closed pipe): end the session as at its end.
        }
        lines.add(END);
    }

    /** The next line typed, waiting for it; empty at the end of the input or once {@link #stop()}ped. */
    Optional<String> next() {
        try {
            Optional<String> line = stopped ? END : lines.take();
            return stopped ? END : line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    /** Ends the session from another thread: {@link #next()} answers empty, also for lines already typed. */
    void stop() {
        stopped = true;
        lines.add(END);
    }
}
