package io.mqchat.extension.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    private final ManualClock clock = new ManualClock(0);

    @Test
    void aUserGetsItsBurstThenTheSustainedRate() {
        RequestRateLimiter limiter = new RequestRateLimiter(new RateLimit(10, 3), clock);
        assertTrue(limiter.tryAcquire("alice"));
        assertTrue(limiter.tryAcquire("alice"));
        assertTrue(limiter.tryAcquire("alice"));
        assertFalse(limiter.tryAcquire("alice"), "the burst is spent");
        assertTrue(limiter.tryAcquire("bob"), "each user has a bucket of its own");

        clock.advance(Duration.ofMillis(100));
        assertTrue(limiter.tryAcquire("alice"), "10 per second refill one in 100 ms");
        assertFalse(limiter.tryAcquire("alice"));

        clock.advance(Duration.ofMillis(10_000));
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("alice"), "a quiet spell refills up to the burst, no further");
        }
        assertFalse(limiter.tryAcquire("alice"));
    }
}
