package io.mqchat.service;

import java.time.Duration;

/** Exponential backoff between retries: doubles from {@code initial} up to {@code max}. */
record Backoff(Duration initial, Duration max) {

    static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    Duration after(int failures) {
        long millis = initial.toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(Math.max(millis, initial.toMillis()), max.toMillis()));
    }
}
