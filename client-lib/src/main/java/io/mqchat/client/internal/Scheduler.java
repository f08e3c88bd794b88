package io.mqchat.client.internal;

/** Runs a task after a delay: the client's timer thread in production, nothing (or the test itself) in tests. */
@FunctionalInterface
public interface Scheduler {

    void schedule(Runnable task, long delayMillis);
}
