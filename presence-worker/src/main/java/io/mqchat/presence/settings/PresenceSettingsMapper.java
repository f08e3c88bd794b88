package io.mqchat.presence.settings;

import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.presence.notify.WebhookSink.WebhookSettings;
import io.mqchat.protocol.UserIds;
import io.mqchat.service.FeedSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns validated keys into the worker's settings, checking the rules that span keys. */
public final class PresenceSettingsMapper {

    private PresenceSettingsMapper() {
    }

    /**
     * @param config a configuration whose schema includes {@link PresenceKeys#SCHEMA}
     * @throws ConfigException listing every problem
     */
    public static PresenceSettings map(Config config) {
        List<String> problems = new ArrayList<>();
        Optional<WebhookSettings> webhook = Optional.empty();
        boolean wantsWebhook = config.get(PresenceKeys.NOTIFY_SINK).equals(PresenceKeys.SINK_WEBHOOK);
        if (wantsWebhook && config.find(PresenceKeys.NOTIFY_WEBHOOK_URL).isEmpty()) {
            problems.add("notify.sink is webhook but notify.webhook-url is not set");
        } else if (wantsWebhook) {
            webhook = Optional.of(new WebhookSettings(config.get(PresenceKeys.NOTIFY_WEBHOOK_URL),
                    config.get(PresenceKeys.NOTIFY_WEBHOOK_ATTEMPTS), config.get(PresenceKeys.NOTIFY_WEBHOOK_BACKOFF),
                    config.get(PresenceKeys.NOTIFY_WEBHOOK_TIMEOUT)));
        } else if (config.isSet(PresenceKeys.NOTIFY_WEBHOOK_URL)) {
            problems.add("notify.webhook-url is set but notify.sink is log: set notify.sink=webhook to use it");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new PresenceSettings(config.find(PresenceKeys.REDIS_ADDRESS),
                new NotifySettings(webhook, config.get(PresenceKeys.NOTIFY_COALESCE_WINDOW)));
    }

    /**
     * The settings of a standalone worker, which has no embedded Redis to fall back on.
     *
     * @param config a configuration of {@link PresenceKeys#STANDALONE_SCHEMA}
     * @throws ConfigException listing every problem
     */
    public static StandaloneSettings mapStandalone(Config config) {
        List<String> problems = new ArrayList<>();
        PresenceSettings presence = null;
        try {
            presence = map(config);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (config.find(PresenceKeys.REDIS_ADDRESS).isEmpty()) {
            problems.add("redis.address is required: a standalone presence-worker needs a Redis server");
        }
        if (!UserIds.isValidDeviceId(config.get(PresenceKeys.WORKER_INSTANCE))) {
            problems.add("worker.instance must be 1-64 characters without : / + # $, whitespace or control characters");
        }
        if (config.find(PresenceKeys.SERVICE_TOKEN).isEmpty()) {
            problems.add("service.token is required: the worker logs in to the broker with a service token");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new StandaloneSettings(presence, new BrokerConnectionSettings(config.get(PresenceKeys.BROKER_HOST),
                config.get(PresenceKeys.BROKER_PORT), config.get(PresenceKeys.SERVICE_TOKEN),
                config.get(PresenceKeys.WORKER_INSTANCE), FeedSettings.of(config)));
    }

    /**
     * Everything the standalone process needs.
     *
     * @param presence the worker's settings, with a Redis address
     * @param broker   how to reach the broker
     */
    public record StandaloneSettings(PresenceSettings presence, BrokerConnectionSettings broker) {
    }
}
