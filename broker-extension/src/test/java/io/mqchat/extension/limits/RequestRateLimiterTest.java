package io.mqchat.extension.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    private final AtomicLong now = new AtomicLong(0);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void aUserGetsItsBurstThenTheSustainedRate() {
        RequestRateLimiter limiter = new RequestRateLimiter(new RateLimit(10, 3), clock);
        assertTrue(limiter.tryAcquire("alice"));
        assertTrue(limiter.tryAcquire("alice"));
        assertTrue(limiter.tryAcquire("alice"));
        assertFalse(limiter.tryAcquire("alice"), "the burst is spent");
        assertTrue(limiter.tryAcquire("bob"), "each user has a bucket of its own");

        now.addAndGet(100);
        assertTrue(limiter.tryAcquire("alice"), "10 per second refill one in 100 ms");
        assertFalse(limiter.tryAcquire("alice"));

        now.addAndGet(10_000);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("alice"), "a quiet spell refills up to the burst, no further");
        }
        assertFalse(limiter.tryAcquire("alice"));
    }
}
