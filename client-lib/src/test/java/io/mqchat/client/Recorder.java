package io.mqchat.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A listener that keeps what it was given, for tests to take in arrival order. */
final class Recorder<T> implements Consumer<T> {

    /** Only an upper bound for a broken build; a working one takes milliseconds. */
    static final long PATIENCE_SECONDS = 30;

    private final String name;
    private final BlockingQueue<T> events = new LinkedBlockingQueue<>();

    Recorder(String name) {
        this.name = name;
    }

    @Override
    public void accept(T event) {
        events.add(event);
    }

    /** The next event, waiting for it if necessary. */
    T next() {
        try {
            T event = events.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (event == null) {
                fail(name + ": nothing arrived within " + PATIENCE_SECONDS + " s");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** True when nothing arrived that was not taken yet. */
    boolean isEmpty() {
        return events.isEmpty();
    }

    List<T> next(int count) {
        List<T> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            taken.add(next());
        }
        return taken;
    }
}
