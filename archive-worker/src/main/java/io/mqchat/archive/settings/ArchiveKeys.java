package io.mqchat.archive.settings;

import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;
import io.mqchat.extension.settings.ExtensionKeys;
import io.mqchat.media.settings.MediaKeys;
import io.mqchat.mongodb.MongoKeys;
import io.mqchat.service.FeedKeys;
import java.time.Duration;

/**
 * The archive-worker's configuration keys. {@link #SCHEMA} holds what the component needs wherever it runs (the
 * all-in-one server adds it to its own schema, whose MongoDB keys it shares with the group-worker);
 * {@link #STANDALONE} adds the MongoDB address, how a standalone worker reaches the broker, and the media endpoint
 * it hosts with the keys that verify its users' tokens (the broker's).
 */
public final class ArchiveKeys {

    public static final Key<Duration> SWEEP_INTERVAL = Key.duration("archive.sweep-interval", "1m",
            Duration.ofSeconds(1), Duration.ofDays(1),
            "How often the archive deletes disappeared messages (reads never return them in any case)");
    public static final Key<Integer> PAGE_MAX_BYTES = Key.integer("archive.page-max-bytes", "131072", 16_384,
            Integer.MAX_VALUE, "Largest history answer; a page holds fewer messages than asked rather than grow "
                    + "past it. Keep it well below the broker's packet.max-bytes (the all-in-one server caps it at "
                    + "half of that)");
    public static final Key<Duration> EDIT_WINDOW = Key.duration("archive.edit-window", "15m", Duration.ZERO,
            Duration.ofDays(366), "How long after sending a sender may edit a message (0s: never)");
    public static final Key<Duration> DELETE_WINDOW = Key.duration("archive.delete-window", "2d", Duration.ZERO,
            Duration.ofDays(366), "How long after sending a sender, or a group admin, may delete a message for "
                    + "everyone (0s: never)");
    public static final Key<Duration> CHANGE_WAIT = Key.duration("archive.change-wait", "0s", Duration.ZERO,
            Duration.ofHours(1), "How long an edit, delete or reaction that reached the archive before its message "
                    + "waits for it (0s: refused not_found at once). Only a node of several needs it: the all-in-one "
                    + "server waits 2m when cluster.node-id is set and this is not");

    public static final Key<String> SERVICE_TOKEN = Key.secret("service.token",
            "Service token of the worker (mqchat token --service svc-archive); required");
    public static final Key<String> WORKER_INSTANCE = Key.text("worker.instance", "1",
            "Name of this instance, unique among the archive-workers (for its logs)");

    /** Only the standalone process has it: the all-in-one server declares its own, with a development default. */
    public static final Key<String> JWT_SECRET = Key.secret("jwt.secret",
            "HS256 secret the broker verifies tokens with (at least 32 bytes); the media endpoint verifies users' "
                    + "tokens with it. Required unless jwt.jwks-file or jwt.jwks-url is set, or media.port is 0");

    /** The keys of the component, wherever it runs. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(SWEEP_INTERVAL, PAGE_MAX_BYTES, EDIT_WINDOW,
            DELETE_WINDOW, CHANGE_WAIT);

    /** The keys of the standalone worker process (its metrics keys aside: {@code ArchiveWorkerMain.SCHEMA}). */
    public static final ConfigSchema STANDALONE = SCHEMA.plus(ConfigSchema.of(MongoKeys.MONGO_URI,
            MongoKeys.MONGO_DATABASE, FeedKeys.BROKER_HOST, FeedKeys.BROKER_PORT, SERVICE_TOKEN, WORKER_INSTANCE, FeedKeys.WORKER_LANES, FeedKeys.STALL_AFTER,
            JWT_SECRET, ExtensionKeys.JWT_JWKS_FILE, ExtensionKeys.JWT_JWKS_URL, ExtensionKeys.JWT_ISSUER,
            ExtensionKeys.JWT_AUDIENCE, ExtensionKeys.JWT_CLOCK_SKEW)).plus(MediaKeys.SCHEMA);

    private ArchiveKeys() {
    }
}
