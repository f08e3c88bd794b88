package io.mqchat.service;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The feeds of one worker process as its metrics and readiness see them: a gauge of each feed's lag
 * ({@value #LAG}, label {@code feed}) and a readiness condition per feed that fails while the feed is
 * {@linkplain StallWatch stalled}. Made before the worker exists (the endpoint serves from the start) and told the
 * worker's feeds once they are running; until then a feed counts as not stalled.
 */
public final class FeedHealth {

    /** Scraped as a gauge with the label {@code feed}. */
    public static final String LAG = "mqchat_feed_lag_seconds";
    /** Scraped as {@code mqchat_feed_dead_letters_total} with the label {@code feed}. */
    public static final String DEAD_LETTERS = "mqchat_feed_dead_letters";

    private final List<String> feeds;
    private final Duration stallAfter;
    private final Map<String, StallWatch> watches = new ConcurrentHashMap<>();

    /**
     * @param feeds      the feed topics the process consumes, e.g. {@code svc/groups/messages}
     * @param stallAfter how long work may wait before the feed counts as stalled ({@code worker.stall-after})
     */
    public FeedHealth(List<String> feeds, Duration stallAfter) {
        this.feeds = List.copyOf(feeds);
        this.stallAfter = Objects.requireNonNull(stallAfter);
    }

    /** Starts watching {@code running}, the worker's feeds. */
    public void watch(List<FeedLanes> running) {
        for (FeedLanes feed : running) {
            watches.put(feed.feed(), new StallWatch(feed, stallAfter));
        }
    }

    /** A readiness condition per feed, named {@code feed {topic}}: true while it is not stalled. */
    public Map<String, BooleanSupplier> checks() {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        for (String feed : feeds) {
            checks.put("feed " + feed, () -> {
                StallWatch watch = watches.get(feed);
                return watch == null || !watch.stalled();
            });
        }
        return checks;
    }

    /** Registers the lag gauge and the dead-letter counter in {@code registry}. */
    public void register(PrometheusRegistry registry) {
        CounterWithCallback.builder().name(DEAD_LETTERS).labelNames("feed")
                .help("Messages a feed dropped because they could not be handled at all (logged as errors)")
                .callback(callback -> watches.values().forEach(watch ->
                        callback.call(watch.feed().deadLetters(), watch.feed().feed())))
                .register(registry);
        GaugeWithCallback.builder().name(LAG).labelNames("feed")
                .help("Age of the oldest work a feed has not done yet (a message not handled, a probe not back)")
                .callback(callback -> watches.values().forEach(watch ->
                        callback.call(watch.feed().lag().toMillis() / 1000.0, watch.feed().feed())))
                .register(registry);
    }
}
