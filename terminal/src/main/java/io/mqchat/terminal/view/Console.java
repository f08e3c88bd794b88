package io.mqchat.terminal.view;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where every line goes. Events arrive on the client library's threads while commands answer on the input thread:
 * one lock keeps each line whole.
 */
public final class Console {

    private final PrintStream out;

    public Console(OutputStream out) {
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    /** Prints one line; {@code line} must not hold text from others that {@link SafeText} has not cleaned. */
    public synchronized void line(String line) {
        out.println(line);
    }
}
