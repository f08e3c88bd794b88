package io.mqchat.server.settings;

import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.extension.metrics.MetricsSettings;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.presence.settings.PresenceSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server starts with, validated: the broker's listeners and storage, the extension's
 * configuration, and whether tokens are checked against a generated development secret.
 *
 * @param broker        listeners, data folder, persistence, limits
 * @param extension     token verification and chat limits
 * @param devSecretFile the generated development secret in use, empty when a secret or JWKS is configured
 * @param presence      the in-process presence-worker's Redis and notification settings
 * @param groups        the in-process group-worker's MongoDB and group settings
 * @param metrics       where the metrics and health endpoint listens
 * @param archive       the in-process archive-worker's settings (its MongoDB is the group-worker's)
 * @param media         the media endpoint's settings (image upload and download, beside the archive)
 * @param stallAfter    how long a worker feed may have work waiting before readiness fails
 * @param cluster       this server as a node of several, or empty when it runs alone
 */
public record ServerSettings(BrokerSettings broker, ExtensionConfig extension, Optional<Path> devSecretFile,
                             PresenceSettings presence, GroupSettings groups, MetricsSettings metrics,
                             ArchiveSettings archive, MediaSettings media, Duration stallAfter,
                             Optional<ClusterSettings> cluster) {

    public ServerSettings {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(devSecretFile, "devSecretFile");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(stallAfter, "stallAfter");
        Objects.requireNonNull(cluster, "cluster");
    }

    /** The absolute data folder. */
    public Path dataDir() {
        return broker.dataFolder();
    }
}
