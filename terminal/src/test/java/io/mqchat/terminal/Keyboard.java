package io.mqchat.terminal;

import java.io.Reader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The terminal's input, typed by a test line by line; {@link #close()} is the end of the input (Ctrl-D). */
final class Keyboard extends Reader {

    private static final String END = "\u0000end";

    private final BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    private String pending = "";
    private boolean ended;

    void type(String line) {
        typed.add(line + "\n");
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (ended) {
            return -1;
        }
        if (pending.isEmpty()) {
            try {
                pending = typed.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            if (pending.equals(END)) {
                ended = true;
                return -1;
            }
        }
        int count = Math.min(length, pending.length());
        pending.getChars(0, count, buffer, offset);
        pending = pending.substring(count);
        return count;
    }

    @Override
    public void close() {
        typed.add(END);
    }
}
