package io.mqchat.groups.settings;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the group-worker component needs, wherever it runs.
 *
 * @param mongoUri   the MongoDB connection string, or null for the embedded store (all-in-one server only)
 * @param database   the database holding the groups collection
 * @param maxMembers the member limit of every group
 * @param cacheTtl   how long a cached membership is trusted without hearing of a change
 * @param answerMaxBytes the largest answer to a group request; one that would be larger (a {@code mine} list of
 *                   many large groups) is answered {@code too_large}, since the broker would refuse it for ever
 * @param fanout     member deliveries one sender may cause through one worker instance
 */
public record GroupSettings(String mongoUri, String database, int maxMembers, Duration cacheTtl,
                            int answerMaxBytes, FanoutLimit fanout) {

    public static final int DEFAULT_MAX_MEMBERS = 256;
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
    /** The largest answer to a group request: half of the broker's default packet limit. */
    public static final int DEFAULT_ANSWER_MAX_BYTES = 131_072;

    public GroupSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(fanout, "fanout");
        if (maxMembers < 2) {
            throw new IllegalArgumentException("groups.max-members must be at least 2, not " + maxMembers);
        }
        if (fanout.burst() < maxMembers) {
            throw new IllegalArgumentException("groups.fanout-burst (" + fanout.burst() + ") must be at least "
                    + "groups.max-members (" + maxMembers + "): a message to a full group could never be sent");
        }
    }

    /** The defaults, with the embedded store. */
    public static GroupSettings defaults() {
        return new GroupSettings(null, "mqchat", DEFAULT_MAX_MEMBERS, DEFAULT_CACHE_TTL, DEFAULT_ANSWER_MAX_BYTES,
                FanoutLimit.DEFAULT);
    }

    public Optional<String> mongo() {
        return Optional.ofNullable(mongoUri);
    }

    public GroupSettings withMaxMembers(int limit) {
        return new GroupSettings(mongoUri, database, limit, cacheTtl, answerMaxBytes,
                fanout.burst() >= limit ? fanout : new FanoutLimit(fanout.perSecond(), limit));
    }

    /** With answers to group requests of at most {@code bytes} (a larger one is answered {@code too_large}). */
    public GroupSettings withAnswerMaxBytes(int bytes) {
        return new GroupSettings(mongoUri, database, maxMembers, cacheTtl, bytes, fanout);
    }

    /** With a budget of {@code limit} member deliveries per sender. */
    public GroupSettings withFanout(FanoutLimit limit) {
        return new GroupSettings(mongoUri, database, maxMembers, cacheTtl, answerMaxBytes, limit);
    }
}
