package io.mqchat.extension.limits;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per user over all of the user's devices: {@code burst} requests at once, refilled at
 * {@code perSecond}. Every request a user sends ends up queued for someone, so without a limit one user could
 * push everyone else's messages out of a recipient's queue.
 */
public final class RequestRateLimiter {

    private static final long IDLE_MILLIS = 60_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;
    private final double perMilli;
    private final double burst;

    public RequestRateLimiter(RateLimit limit, Clock clock) {
        this.clock = clock;
        this.perMilli = limit.perSecond() / 1000.0;
        this.burst = limit.burst();
    }

    /** Takes one request from {@code user}'s bucket; false when it is empty. */
    public boolean tryAcquire(String user) {
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(user, u -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * perMilli);
            bucket.refilledAt = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** Drops buckets of users idle for a minute, which would be full again anyway. */
    public void sweep() {
        long idleSince = clock.millis() - IDLE_MILLIS;
        buckets.values().removeIf(bucket -> bucket.refilledAt < idleSince);
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
