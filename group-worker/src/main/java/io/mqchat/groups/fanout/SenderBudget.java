package io.mqchat.groups.fanout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mqchat.groups.settings.FanoutLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The member deliveries each sender may still cause through this worker instance ({@link FanoutLimit}), shared by
 * all of its lanes: a group message or read marker spends one per member. Also decides when a sender over its
 * budget is told so, at most once per {@value #NOTICE_SECONDS} s: each notice is a queued message, and a flood must
 * not become a flood of notices.
 */
public final class SenderBudget {

    static final int NOTICE_SECONDS = 10;

    private final Clock clock;
    private final double perMilli;
    private final double burst;
    /** A sender's bucket; idle senders are forgotten (their bucket would be full again). */
    private final Cache<String, double[]> buckets;
    private final Cache<String, Boolean> noticed;

    public SenderBudget(FanoutLimit limit, Clock clock) {
        this.clock = clock;
        this.perMilli = limit.perSecond() / 1000.0;
        this.burst = limit.burst();
        Duration refill = Duration.ofMillis((long) Math.ceil(limit.burst() / perMilli));
        this.buckets = Caffeine.newBuilder().expireAfterAccess(refill).ticker(this::nanos).build();
        this.noticed = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(NOTICE_SECONDS)).ticker(this::nanos)
                .build();
    }

    /** Spends {@code deliveries} of {@code sender}'s budget; false, spending nothing, when it has not that many. */
    public boolean spend(String sender, int deliveries) {
        long now = clock.millis();
        // {tokens, refilled at}
        double[] bucket = buckets.get(sender, s -> new double[] {burst, now});
        synchronized (bucket) {
            double available = Math.min(burst, bucket[0] + (now - bucket[1]) * perMilli);
            bucket[1] = now;
            if (available < deliveries) {
                bucket[0] = available;
                return false;
            }
            bucket[0] = available - deliveries;
            return true;
        }
    }

    /** True when {@code sender}, over its budget, should hear of it now (not within the last notice's window). */
    public boolean noticeDue(String sender) {
        return noticed.asMap().putIfAbsent(sender, Boolean.TRUE) == null;
    }

    private long nanos() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }
}
