package io.mqchat.extension.metrics;

import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The broker's metrics as Prometheus sees them: HiveMQ's Dropwizard registry, which holds the broker's own
 * figures ({@code com.hivemq.*}) and mqchat's ({@code mqchat.*}, see {@link ChatMetrics}), exported live on every
 * scrape. Dots become underscores and counters gain {@code _total}: {@code mqchat.messages.routed} is scraped as
 * {@code mqchat_messages_routed_total}.
 */
public final class BrokerMetrics {

    private BrokerMetrics() {
    }

    /** A Prometheus registry that reads {@code hivemq} on every scrape; register more collectors on it freely. */
    public static PrometheusRegistry of(MetricRegistry hivemq) {
        PrometheusRegistry registry = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(hivemq).register(registry);
        return registry;
    }
}
