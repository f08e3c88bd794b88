package io.mqchat.presence.settings;

import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.presence.notify.WebhookSigner;
import io.mqchat.presence.push.ApnsSettings;
import io.mqchat.presence.push.FcmSettings;
import io.mqchat.presence.notify.WebhookSink.WebhookSettings;
import io.mqchat.protocol.UserIds;
import io.mqchat.service.FeedSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            URI url = config.get(PresenceKeys.NOTIFY_WEBHOOK_URL);
            Optional<WebhookSigner> signer = signer(config, url, problems);
            webhook = Optional.of(new WebhookSettings(url, config.get(PresenceKeys.NOTIFY_WEBHOOK_ATTEMPTS),
                    config.get(PresenceKeys.NOTIFY_WEBHOOK_BACKOFF), config.get(PresenceKeys.NOTIFY_WEBHOOK_TIMEOUT),
                    signer));
        } else if (config.isSet(PresenceKeys.NOTIFY_WEBHOOK_URL) || config.isSet(PresenceKeys.NOTIFY_WEBHOOK_SECRET)) {
            problems.add("notify.webhook-url / notify.webhook-secret is set but notify.sink is log: "
                    + "set notify.sink=webhook to use it");
        }
        Optional<FcmSettings> fcm = config.find(PresenceKeys.NOTIFY_FCM_CREDENTIALS).map(credentials -> FcmSettings.of(
                credentials, config.find(PresenceKeys.NOTIFY_FCM_ENDPOINT).orElse(FcmSettings.FCM)));
        if (fcm.isEmpty() && config.isSet(PresenceKeys.NOTIFY_FCM_ENDPOINT)) {
            problems.add("notify.fcm-endpoint is set but notify.fcm-credentials is not");
        }
        Optional<ApnsSettings> apns = apns(config, problems);
        if (config.isSet(PresenceKeys.REDIS_PASSWORD) && !config.isSet(PresenceKeys.REDIS_ADDRESS)) {
            problems.add("redis.password is set but redis.address is not (an embedded Redis makes its own password)");
        }
        if (config.get(PresenceKeys.REDIS_CLUSTER) && !config.isSet(PresenceKeys.REDIS_ADDRESS)) {
            problems.add("redis.cluster is set but redis.address is not (the embedded Redis is a single server)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Optional<String> redisPassword = config.find(PresenceKeys.REDIS_PASSWORD);
        return new PresenceSettings(config.find(PresenceKeys.REDIS_ADDRESS)
                .map(address -> address.withPassword(redisPassword.orElse(null))
                        .withCluster(config.get(PresenceKeys.REDIS_CLUSTER))),
                new NotifySettings(webhook, fcm, apns, config.get(PresenceKeys.NOTIFY_COALESCE_WINDOW),
                        config.get(PresenceKeys.NOTIFY_BADGE_TIMEOUT)));
    }

    /** APNs when its key is set, with the ids it needs; a stand-in needs both its address and its certificate. */
    private static Optional<ApnsSettings> apns(Config config, List<String> problems) {
        Optional<Path> key = config.find(PresenceKeys.NOTIFY_APNS_KEY);
        Optional<String> teamId = config.find(PresenceKeys.NOTIFY_APNS_TEAM_ID);
        Optional<String> keyId = config.find(PresenceKeys.NOTIFY_APNS_KEY_ID);
        Optional<String> standIn = config.find(PresenceKeys.NOTIFY_APNS_STAND_IN);
        Optional<Path> standInCert = config.find(PresenceKeys.NOTIFY_APNS_STAND_IN_CERT);
        if (key.isEmpty()) {
            if (teamId.isPresent() || keyId.isPresent() || standIn.isPresent() || standInCert.isPresent()) {
                problems.add("notify.apns-* is set but notify.apns-key is not");
            }
            return Optional.empty();
        }
        if (teamId.isEmpty() || keyId.isEmpty()) {
            problems.add("notify.apns-key needs notify.apns-team-id and notify.apns-key-id");
            return Optional.empty();
        }
        ApnsSettings apns = ApnsSettings.of(key.get(), teamId.get(), keyId.get());
        if (standIn.isPresent() != standInCert.isPresent()) {
            problems.add("notify.apns-stand-in and notify.apns-stand-in-cert go together");
            return Optional.empty();
        }
        if (standIn.isPresent() && !standIn.get().matches("[^:\\s]+:\\d{1,5}")) {
            problems.add("notify.apns-stand-in must be host:port, not '" + standIn.get() + "'");
            return Optional.empty();
        }
        return Optional.of(standIn.isPresent() ? apns.withStandIn(standIn.get(), standInCert.get()) : apns);
    }

    /**
     * The webhook's signer. Unsigned requests are allowed only to a gateway on this machine: elsewhere anybody who can
     * reach it could post fake notifications to users.
     */
    private static Optional<WebhookSigner> signer(Config config, URI url, List<String> problems) {
        Optional<String> secret = config.find(PresenceKeys.NOTIFY_WEBHOOK_SECRET);
        if (secret.isEmpty()) {
            if (!isLoopback(url)) {
                problems.add("notify.webhook-secret is required for a webhook that is not on loopback ("
                        + url.getHost() + "): the gateway verifies each request's signature with it");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(new WebhookSigner(secret.get()));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    // Literal names only: resolving a name here would make the rule depend on DNS at start-up.
    private static boolean isLoopback(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
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
