package io.mqchat.presence.store;

import java.util.List;
import java.util.Set;

/**
 * Which connections of each user are open, when each user was last active, and who may see it.
 *
 * <p>Every change is keyed by the connection id ({@code {broker run}/{n}}) and idempotent, and events of one
 * connection may be applied in any order: a disconnect applied before its connect leaves the device offline,
 * and a connection of a broker run declared gone is never counted again. Each change returns the user's resulting
 * {@link UserPresence}.
 *
 * @throws StoreUnavailableException from every method when the store cannot be reached
 */
public interface PresenceStore {

    /** Connection {@code conn} of {@code device} opened; {@code at} is when. */
    UserPresence connected(String user, String device, String conn, long at);

    /** Connection {@code conn} ended; the user was last active at {@code lastActivity}. */
    UserPresence disconnected(String user, String conn, long lastActivity, long at);

    /** The user was active on connection {@code conn} at {@code lastActivity}. */
    UserPresence active(String user, String conn, long lastActivity, long at);

    /** The user chose who may see its presence. */
    UserPresence setPrivacy(String user, Privacy privacy, long at);

    /**
     * Broker run {@code broker} of cluster node {@code node} (null: a broker alone) started at {@code at}: every other
     * run of that node that started before it is gone, and so is {@code broker} itself when a run of the node that
     * started later is already known (a late announcement). Other nodes' runs go on. Call {@link #sweepGoneRuns} for
     * each of {@link #usersWithConnections()} afterwards.
     */
    void brokerStarted(String node, String broker, long at);

    /** {@link #brokerStarted(String, String, long)} for a broker alone. */
    default void brokerStarted(String broker, long at) {
        brokerStarted(null, broker, at);
    }

    /** Users that have at least one open connection recorded: the ones a sweep has to visit. */
    List<String> usersWithConnections();

    /** Forgets the user's connections of runs that are gone; their last activity stays the last seen time. */
    UserPresence sweepGoneRuns(String user, long at);

    /** The user's current presence, without changing it. */
    UserPresence read(String user);

    /** The state of {@code version} is retained on the user's presence topic. Never lowers the published version. */
    void markPublished(String user, long version);

    /** The devices of the user with an open connection. */
    Set<String> connectedDevices(String user);
}
