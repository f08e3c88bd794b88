package io.mqchat.groups.worker;

import io.mqchat.groups.admin.AdminRequests;
import io.mqchat.groups.admin.GroupAdmin;
import io.mqchat.groups.fanout.GroupTraffic;
import io.mqchat.groups.membership.ChangeAnnouncer;
import io.mqchat.groups.membership.ChangeListener;
import io.mqchat.groups.membership.MembershipCache;
import io.mqchat.groups.outbound.Publisher;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.groups.store.GroupStore;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.service.ServiceConnection;
import java.time.Clock;
import java.time.Duration;

/**
 * The group-worker component: a service-account MQTT client of the broker that consumes group traffic and group
 * admin requests through shared subscriptions (so instances split the load) and listens, unshared, for the
 * membership changes other instances announce. Runs standalone ({@code GroupWorkerMain}) or inside the
 * all-in-one server.
 */
public final class GroupWorker implements AutoCloseable {

    /** The service account's subject; tokens for the worker are minted for it. */
    public static final String SERVICE = "svc-groups";
    /** The shared-subscription group of every group-worker instance. */
    public static final String SHARE_GROUP = "group-worker";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final ServiceConnection traffic;
    private final ServiceConnection admin;

    /**
     * @param settings the component settings (member limit, cache time-to-live)
     * @param clock    the server time stamped on responses and events
     * @param store    where groups live; the caller owns it (and its MongoDB client)
     * @param link     how to reach the broker
     */
    public GroupWorker(GroupSettings settings, Clock clock, GroupStore store, BrokerLink link) {
        Codec codec = new Codec();
        MembershipCache cache = new MembershipCache(store, settings.cacheTtl(), clock);
        // Two sessions: while one message of a session is unacknowledged (a handler waiting for MongoDB), the
        // session was seen to get nothing new on its other subscriptions either, and group traffic waiting for
        // MongoDB must not hold up admin answers or cache invalidation.
        this.traffic = connection(link, link.trafficClientId());
        this.admin = connection(link, link.adminClientId());
        traffic.subscribeShared(SHARE_GROUP, ServiceTopics.GROUP_TRAFFIC,
                new GroupTraffic(cache, new Publisher(traffic, PUBLISH_TIMEOUT), codec, clock));
        admin.subscribe(ServiceTopics.GROUP_CHANGES, new ChangeListener(codec, cache));
        admin.subscribeShared(SHARE_GROUP, ServiceTopics.GROUP_REQUESTS, new AdminRequests(new GroupAdmin(store, clock),
                new ChangeAnnouncer(codec, cache), new Publisher(admin, PUBLISH_TIMEOUT), codec));
    }

    private static ServiceConnection connection(BrokerLink link, String clientId) {
        return ServiceConnection.builder().host(link.host()).port(link.port()).clientId(clientId).token(link.token())
                .build();
    }

    /** Connects both sessions and subscribes; blocks until the broker accepted them (at most 30 s each). */
    public void start() {
        admin.connect();
        traffic.connect();
    }

    /** The MQTT client id of the group traffic session, {@code svc-groups:{instance}}. */
    public String clientId() {
        return traffic.clientId();
    }

    /**
     * Disconnects. Messages received but not yet handled stay unacknowledged in the session, and the broker
     * hands them to the next connection of this instance (or another instance).
     */
    @Override
    public void close() {
        try {
            traffic.close();
        } finally {
            admin.close();
        }
    }
}
