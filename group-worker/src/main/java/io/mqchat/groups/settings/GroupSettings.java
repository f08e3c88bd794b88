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
 */
public record GroupSettings(String mongoUri, String database, int maxMembers, Duration cacheTtl) {

    public static final int DEFAULT_MAX_MEMBERS = 256;
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);

    public GroupSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        if (maxMembers < 2) {
            throw new IllegalArgumentException("groups.max-members must be at least 2, not " + maxMembers);
        }
    }

    /** The defaults, with the embedded store. */
    public static GroupSettings defaults() {
        return new GroupSettings(null, "mqchat", DEFAULT_MAX_MEMBERS, DEFAULT_CACHE_TTL);
    }

    public Optional<String> mongo() {
        return Optional.ofNullable(mongoUri);
    }

    public GroupSettings withMaxMembers(int limit) {
        return new GroupSettings(mongoUri, database, limit, cacheTtl);
    }
}
