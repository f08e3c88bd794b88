package io.mqchat.groups.membership;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mqchat.groups.store.Group;
import io.mqchat.groups.store.GroupStore;
import io.mqchat.groups.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Group lookups for the fan-out path. Typing signals read the cache, so a busy group costs one store read per
 * change rather than one per keystroke; entries are dropped when any worker instance announces a change of the
 * group ({@link ChangeListener}), and a time-to-live bounds the staleness should an announcement be missed.
 * Messages and read markers read the store ({@link #current}): an announcement reaches the other instances a
 * moment after the change, and in that moment a member just removed would still get a message (a test caught it).
 */
public final class MembershipCache {

    private static final long MAX_GROUPS = 100_000;

    private final GroupStore store;
    private final Cache<String, Optional<Group>> groups;

    /**
     * @param store the store read on a miss
     * @param ttl   longest time an entry is trusted
     * @param clock the time source of the expiry
     */
    public MembershipCache(GroupStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.groups = Caffeine.newBuilder()
                .maximumSize(MAX_GROUPS)
                .expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /**
     * The group, from the cache or the store; empty when it does not exist (also cached, for the same time).
     *
     * @throws StoreUnavailableException when the store is needed and cannot be reached (nothing is cached then)
     */
    public Optional<Group> group(String groupId) {
        return groups.get(groupId, store::find);
    }

    /**
     * The group as the store has it now, also refreshing the cache; empty when it does not exist.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    public Optional<Group> current(String groupId) {
        Optional<Group> group = store.find(groupId);
        groups.put(groupId, group);
        return group;
    }

    /** Forgets the group, so that the next lookup reads the store. */
    public void invalidate(String groupId) {
        groups.invalidate(groupId);
    }

    /** Forgets every group, e.g. when announcements may have been missed. */
    public void invalidateAll() {
        groups.invalidateAll();
    }
}
