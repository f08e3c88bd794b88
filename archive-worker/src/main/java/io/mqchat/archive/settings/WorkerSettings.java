package io.mqchat.archive.settings;

import io.mqchat.extension.config.JwtConfig;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.service.FeedSettings;
import java.util.Objects;

/**
 * How a standalone archive-worker reaches MongoDB and the broker, the component settings it runs with, and the media
 * endpoint it hosts.
 *
 * @param archive      the component settings
 * @param mongoUri     the MongoDB connection string
 * @param database     the database of the archive's collections (and of the media endpoint's)
 * @param brokerHost   the broker's host
 * @param brokerPort   the broker's MQTT port
 * @param serviceToken the worker's service token
 * @param instance     this instance's name, unique among the archive-workers
 * @param feeds        the lanes of the archive feed and history requests this instance owns, and its stall limit
 * @param media        the media endpoint's settings; {@linkplain MediaSettings#enabled() off} when media.port is 0
 * @param jwt          how the media endpoint verifies users' tokens; null only when the endpoint is off and no
 *                     token key is configured
 */
public record WorkerSettings(ArchiveSettings archive, String mongoUri, String database, String brokerHost,
                             int brokerPort, String serviceToken, String instance, FeedSettings feeds, MediaSettings media,
                             JwtConfig jwt) {

    public WorkerSettings {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(mongoUri, "mongoUri");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(brokerHost, "brokerHost");
        Objects.requireNonNull(serviceToken, "serviceToken");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(media, "media");
        if (media.enabled() && jwt == null) {
            throw new IllegalArgumentException("the media endpoint needs a token key (jwt.secret, jwt.jwks-file or "
                    + "jwt.jwks-url)");
        }
    }

    /** Names no secret: neither the service token nor the HS256 secret (JwtConfig's own form would show it). */
    @Override
    public String toString() {
        return "WorkerSettings[archive=" + archive + ", database=" + database + ", broker=" + brokerHost + ":"
                + brokerPort + ", instance=" + instance + ", feeds=" + feeds + ", media=" + media + "]";
    }
}
