package io.mqchat.protocol;

/**
 * What the extension tells the presence-worker on {@link ServiceTopics#PRESENCE_EVENTS}.
 *
 * <ul>
 *   <li>{@value #CONNECTED}: device {@code device} of {@code user} connected; {@code conn} names this connection.</li>
 *   <li>{@value #DISCONNECTED}: connection {@code conn} ended (any cause); {@code lastActivity} is the device's
 *       last packet, which for a keep-alive timeout is earlier than {@code ts}.</li>
 *   <li>{@value #ACTIVE}: the device was active at {@code lastActivity} (throttled per user).</li>
 *   <li>{@value #PRIVACY}: the user set its presence privacy to {@code privacy}.</li>
 *   <li>{@value #BROKER_STARTED}: broker run {@code broker} of node {@code node} started; connections of that
 *       node's earlier runs are gone (a crashed broker sends no disconnects).</li>
 * </ul>
 * Events of one connection can arrive out of order at different worker instances: {@code conn} and
 * {@code broker} let the worker apply them idempotently.
 *
 * @param event        the kind, see above
 * @param user         the user; absent for {@value #BROKER_STARTED}
 * @param device       the device; absent for {@value #PRIVACY} and {@value #BROKER_STARTED}
 * @param conn         unique id of the connection, prefixed with the broker run
 * @param broker       id of the broker run that produced the event
 * @param lastActivity epoch milliseconds of the device's last packet, for disconnected and active
 * @param privacy      {@value #EVERYONE} or {@value #NOBODY}, for privacy
 * @param ts           server time of the event in epoch milliseconds
 * @param node         for {@value #BROKER_STARTED}: the cluster node whose broker started; absent for a broker alone
 */
public record PresenceEvent(String event, String user, String device, String conn, String broker, Long lastActivity,
                            String privacy, long ts, String node) implements Envelope {

    public static final String TYPE = "presence_event";
    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";
    public static final String ACTIVE = "active";
    public static final String PRIVACY = "privacy";
    public static final String BROKER_STARTED = "broker_started";
    public static final String EVERYONE = "everyone";
    public static final String NOBODY = "nobody";

    public static PresenceEvent connected(String user, String device, String conn, String broker, long ts) {
        return new PresenceEvent(CONNECTED, user, device, conn, broker, ts, null, ts, null);
    }

    public static PresenceEvent disconnected(String user, String device, String conn, String broker, long lastActivity,
                                             long ts) {
        return new PresenceEvent(DISCONNECTED, user, device, conn, broker, lastActivity, null, ts, null);
    }

    public static PresenceEvent active(String user, String device, String conn, String broker, long lastActivity,
                                       long ts) {
        return new PresenceEvent(ACTIVE, user, device, conn, broker, lastActivity, null, ts, null);
    }

    public static PresenceEvent privacy(String user, String privacy, String broker, long ts) {
        return new PresenceEvent(PRIVACY, user, null, null, broker, null, privacy, ts, null);
    }

    /** A broker alone started run {@code broker}. */
    public static PresenceEvent brokerStarted(String broker, long ts) {
        return brokerStarted(broker, null, ts);
    }

    /** Node {@code node} of a cluster (null: a broker alone) started run {@code broker}. */
    public static PresenceEvent brokerStarted(String broker, String node, long ts) {
        return new PresenceEvent(BROKER_STARTED, null, null, null, broker, null, null, ts, node);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
