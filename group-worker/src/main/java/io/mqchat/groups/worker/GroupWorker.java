package io.mqchat.groups.worker;

import io.mqchat.groups.admin.AdminRequests;
import io.mqchat.groups.admin.GroupAdmin;
import io.mqchat.groups.fanout.GroupTraffic;
import io.mqchat.groups.fanout.SenderBudget;
import io.mqchat.groups.membership.ChangeAnnouncer;
import io.mqchat.groups.membership.ChangeListener;
import io.mqchat.groups.membership.MembershipCache;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.groups.store.GroupStore;
import io.mqchat.privacy.PrivacyStore;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.service.FeedLanes;
import io.mqchat.service.Publisher;
import io.mqchat.service.ServiceConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The group-worker component: a service-account MQTT client of the broker that consumes the lanes it owns of group
 * traffic and of group admin requests ({@link FeedLanes}: a persistent session per lane, so a crash of the broker
 * loses nothing in flight and one busy group holds up only its own lane) and listens, on a session of its own, for
 * the membership changes other instances announce. Runs standalone ({@code GroupWorkerMain}) or inside the
 * all-in-one server.
 */
public final class GroupWorker implements AutoCloseable {

    /** The service account's subject; tokens for the worker are minted for it. */
    public static final String SERVICE = "svc-groups";
    /** The feeds a group-worker consumes. */
    public static final List<String> FEEDS = List.of(ServiceTopics.GROUP_TRAFFIC, ServiceTopics.GROUP_REQUESTS);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final FeedLanes traffic;
    private final FeedLanes admin;
    private final ServiceConnection changes;

    /**
     * @param settings the component settings (member limit, cache time-to-live)
     * @param clock    the server time stamped on responses and events
     * @param store    where groups live; the caller owns it (and its MongoDB client)
     * @param privacy  who blocked whom: nobody is added to a group by a user it blocked
     * @param link     how to reach the broker, and which lanes to own
     */
    public GroupWorker(GroupSettings settings, Clock clock, GroupStore store, PrivacyStore privacy, BrokerLink link) {
        Codec codec = new Codec();
        MembershipCache cache = new MembershipCache(store, settings.cacheTtl(), clock);
        Function<String, ServiceConnection> connections = clientId -> connection(link, clientId, clock);
        this.changes = connection(link, link.changesClientId(), clock);
        changes.subscribe(ServiceTopics.GROUP_CHANGES, new ChangeListener(codec, cache));
        SenderBudget budget = new SenderBudget(settings.fanout(), clock);
        this.traffic = FeedLanes.of(ServiceTopics.GROUP_TRAFFIC, link.lanes(), link.trafficSessions(), connections,
                lane -> new GroupTraffic(cache, budget, new Publisher(lane, PUBLISH_TIMEOUT), codec, clock), clock);
        GroupAdmin groupAdmin = new GroupAdmin(store, privacy, clock);
        this.admin = FeedLanes.of(ServiceTopics.GROUP_REQUESTS, link.lanes(), link.adminSessions(), connections,
                lane -> new AdminRequests(groupAdmin, new ChangeAnnouncer(codec, cache), new Publisher(lane,
                        PUBLISH_TIMEOUT), codec, settings.answerMaxBytes()), clock);
    }

    private static ServiceConnection connection(BrokerLink link, String clientId, Clock clock) {
        return ServiceConnection.builder().host(link.host()).port(link.port()).clientId(clientId).token(link.token())
                .clock(clock).build();
    }

    /** The feeds this instance consumes, for their lag (metrics and readiness). */
    public List<FeedLanes> feeds() {
        return List.of(traffic, admin);
    }

    /** Connects every session and subscribes; blocks until the broker accepted them (at most 30 s). */
    public void start() {
        changes.connect();
        admin.connect();
        traffic.connect();
    }

    /** The MQTT client id of this instance's own session, {@code svc-groups:{instance}}. */
    public String clientId() {
        return changes.clientId();
    }

    /**
     * Disconnects. Messages received but not yet handled stay unacknowledged in their lane's session, and the broker
     * hands them to the next connection of that lane.
     */
    @Override
    public void close() {
        try {
            traffic.close();
        } finally {
            try {
                admin.close();
            } finally {
                changes.close();
            }
        }
    }
}
