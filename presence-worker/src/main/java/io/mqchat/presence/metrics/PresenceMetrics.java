package io.mqchat.presence.metrics;

import io.mqchat.presence.push.PushOutcomes;
import io.mqchat.presence.worker.PresenceWorker;
import io.mqchat.protocol.PushPlatform;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The presence-worker's figures in Prometheus form, read from the worker at each scrape. The standalone worker serves
 * them on its metrics port; the all-in-one server registers them in its own registry.
 */
public final class PresenceMetrics {

    /** Scraped as {@code mqchat_presence_events_applied_total}. */
    public static final String EVENTS_APPLIED = "mqchat_presence_events_applied";
    /** Scraped as {@code mqchat_push_notifications_total{service,outcome}}. */
    public static final String PUSHES = "mqchat_push_notifications";

    private PresenceMetrics() {
    }

    /** Registers the figures of {@code worker} in {@code registry}. */
    public static void register(PrometheusRegistry registry, PresenceWorker worker) {
        CounterWithCallback.builder().name(EVENTS_APPLIED)
                .help("Presence events the presence-worker applied to Redis")
                .callback(callback -> callback.call(worker.appliedEvents())).register(registry);
        PushOutcomes pushes = worker.pushOutcomes();
        CounterWithCallback.builder().name(PUSHES).labelNames("service", "outcome")
                .help("Pushes to devices through APNs and FCM: sent, token_removed (the service called it gone), "
                        + "refused, gave_up (failed through every try)")
                .callback(callback -> {
                    for (PushPlatform platform : PushPlatform.values()) {
                        for (PushOutcomes.Outcome outcome : PushOutcomes.Outcome.values()) {
                            callback.call(pushes.count(platform, outcome), platform.wireName(), outcome.label());
                        }
                    }
                }).register(registry);
    }
}
