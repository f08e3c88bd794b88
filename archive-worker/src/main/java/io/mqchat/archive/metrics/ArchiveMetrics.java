package io.mqchat.archive.metrics;

import io.mqchat.archive.ingest.FeedProgress;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The archive's figures in Prometheus form, read from the worker at each scrape. The standalone archive-worker
 * serves them on its metrics port; a host that runs the worker in process can register them in its own registry.
 */
public final class ArchiveMetrics {

    /** Scraped as {@code mqchat_archive_messages_archived_total}. */
    public static final String ARCHIVED = "mqchat_archive_messages_archived";
    public static final String LAG = "mqchat_archive_lag_seconds";
    public static final String LATEST = "mqchat_archive_latest_message_timestamp_seconds";

    private ArchiveMetrics() {
    }

    /** Registers the figures of {@code progress} (one worker's) in {@code registry}. */
    public static void register(PrometheusRegistry registry, FeedProgress progress) {
        CounterWithCallback.builder().name(ARCHIVED)
                .help("Messages this archive-worker archived from the feed (a redelivered one counts again)")
                .callback(callback -> callback.call(progress.archivedMessages())).register(registry);
        GaugeWithCallback.builder().name(LAG)
                .help("How long after the broker stamped it the latest archived message was archived")
                .callback(callback -> callback.call(progress.lagMillis() / 1000.0)).register(registry);
        // time() minus this is how long nothing was archived: a stalled feed, or a quiet hour.
        GaugeWithCallback.builder().name(LATEST)
                .help("Server time (Unix seconds) of the latest message this archive-worker archived")
                .callback(callback -> progress.latestServerTs().ifPresent(ts -> callback.call(ts / 1000.0)))
                .register(registry);
    }
}
