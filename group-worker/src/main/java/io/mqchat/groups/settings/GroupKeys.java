package io.mqchat.groups.settings;

import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;
import io.mqchat.mongodb.MongoKeys;
import io.mqchat.service.FeedKeys;
import java.time.Duration;

/**
 * The group-worker's configuration keys. {@link #SCHEMA} holds what the component needs wherever it runs (the
 * all-in-one server adds it to its own schema); {@link #STANDALONE} adds how a standalone worker reaches the
 * broker.
 */
public final class GroupKeys {

    public static final Key<Integer> MAX_MEMBERS = Key.integer("groups.max-members", "256", 2, 100_000,
            "Most members one group may have; fan-out work grows with it");
    public static final Key<Duration> CACHE_TTL = Key.duration("groups.cache-ttl", "30s", Duration.ofSeconds(1),
            Duration.ofHours(1),
            "Longest time a worker trusts a cached membership (for typing signals) without hearing of a change");

    public static final Key<String> SERVICE_TOKEN = Key.secret("service.token",
            "Service token of the worker (mqchat token --service svc-groups); required");
    public static final Key<String> WORKER_INSTANCE = Key.text("worker.instance", "1",
            "Name of this instance, unique among the group-workers; its MQTT session for membership changes is "
                    + "svc-groups:{instance}");

    /** The keys of the component, wherever it runs. */
    public static final Key<Integer> ANSWER_MAX_BYTES = Key.integer("groups.answer-max-bytes", "131072", 1024,
            16_777_216, "Largest answer to a group request; a larger one (a long mine list) is answered too_large");

    public static final Key<Integer> FANOUT_PER_SECOND = Key.integer("groups.fanout-per-second", "500", 1,
            10_000_000, "Member deliveries per second one sender's group messages and read markers may cause "
                    + "(per worker instance); messages beyond it are answered rate_limited");
    public static final Key<Integer> FANOUT_BURST = Key.integer("groups.fanout-burst", "5000", 2, 100_000_000,
            "Member deliveries one sender may cause at once after a quiet spell; at least groups.max-members");

    public static final ConfigSchema SCHEMA = ConfigSchema.of(MongoKeys.MONGO_URI, MongoKeys.MONGO_DATABASE, MAX_MEMBERS, CACHE_TTL,
            ANSWER_MAX_BYTES, FANOUT_PER_SECOND, FANOUT_BURST);

    /** The keys of the standalone worker process. */
    public static final ConfigSchema STANDALONE = SCHEMA.plus(ConfigSchema.of(FeedKeys.BROKER_HOST, FeedKeys.BROKER_PORT,
            SERVICE_TOKEN, WORKER_INSTANCE, FeedKeys.WORKER_LANES,
            FeedKeys.STALL_AFTER));

    private GroupKeys() {
    }
}
