package io.mqchat.archive.worker;

import io.mqchat.protocol.UserIds;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How an archive-worker reaches the broker.
 *
 * @param host     the broker's host
 * @param port     its MQTT port
 * @param instance this instance's name, unique among the archive-workers; its MQTT sessions are
 *                 {@code svc-archive:{instance}} (the feed) and {@code svc-archive:{instance}-sync} (history
 *                 requests), so a restarted instance resumes both
 * @param token    the service token for subject {@value ArchiveWorker#SERVICE}, asked on every (re)connect
 */
public record BrokerLink(String host, int port, String instance, Supplier<String> token) {

    private static final String SYNC_SUFFIX = "-sync";

    public BrokerLink {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        if (!isValidInstance(instance)) {
            throw new IllegalArgumentException("not a valid worker instance name: " + instance);
        }
    }

    /** True when both of the instance's client ids would be valid. */
    public static boolean isValidInstance(String instance) {
        return instance != null && UserIds.isValidDeviceId(instance + SYNC_SUFFIX);
    }

    /** The MQTT client id of this instance's feed connection. */
    public String feedClientId() {
        return ArchiveWorker.SERVICE + ":" + instance;
    }

    /** The MQTT client id of this instance's history request connection. */
    public String syncClientId() {
        return ArchiveWorker.SERVICE + ":" + instance + SYNC_SUFFIX;
    }
}
