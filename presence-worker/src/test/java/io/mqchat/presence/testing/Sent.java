package io.mqchat.presence.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waits for a notification sink's (or handler's) answer: did it go out. */
public final class Sent {

    private Sent() {
    }

    /** The answer, waiting at most 15 s for it; fails the test if none comes. */
    public static boolean of(CompletableFuture<Boolean> answer) {
        try {
            return answer.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer on whether the notification went out", e);
        }
    }
}
