package io.mqchat.archive.worker;

import io.mqchat.archive.expiry.ExpirySweep;
import io.mqchat.archive.ingest.ArchiveFeed;
import io.mqchat.archive.ingest.FeedProgress;
import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.sync.HistoryQueries;
import io.mqchat.archive.sync.HistoryRequests;
import io.mqchat.archive.sync.ResponseBudget;
import io.mqchat.groups.outbound.Publisher;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.service.ServiceConnection;
import java.time.Clock;
import java.time.Duration;

/**
 * The archive-worker component: a service-account MQTT client of the broker that archives the feed
 * ({@code svc/archive/messages}) and answers history requests ({@code svc/archive/requests}) through shared
 * subscriptions, so instances split the load, and deletes disappeared messages on a timer. Runs standalone
 * ({@code ArchiveWorkerMain}) or inside the all-in-one server.
 */
public final class ArchiveWorker implements AutoCloseable {

    /** The service account's subject; tokens for the worker are minted for it. */
    public static final String SERVICE = "svc-archive";
    /** The shared-subscription group of every archive-worker instance. */
    public static final String SHARE_GROUP = "archive-worker";
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final ServiceConnection feed;
    private final ServiceConnection sync;
    private final ExpirySweep sweep;
    private final FeedProgress progress = new FeedProgress();

    /**
     * @param settings the component settings (sweep interval, answer size)
     * @param clock    the archive's time: what has disappeared, when a conversation changed, response times
     * @param store    where the archive lives; the caller owns it (and its MongoDB client)
     * @param link     how to reach the broker
     */
    public ArchiveWorker(ArchiveSettings settings, Clock clock, ArchiveStore store, BrokerLink link) {
        Codec codec = new Codec();
        // Two sessions: while a feed item waits for MongoDB (unacknowledged), its session was seen to get nothing
        // new on its other subscriptions either, and history requests must then still be answered (unavailable).
        this.feed = connection(link, link.feedClientId());
        this.sync = connection(link, link.syncClientId());
        feed.subscribeShared(SHARE_GROUP, ServiceTopics.ARCHIVE, new ArchiveFeed(store, codec, clock, progress));
        sync.subscribeShared(SHARE_GROUP, ServiceTopics.HISTORY_REQUESTS, new HistoryRequests(
                new HistoryQueries(store, clock, new ResponseBudget(settings.pageMaxBytes(), codec)),
                new Publisher(sync, PUBLISH_TIMEOUT), codec));
        this.sweep = new ExpirySweep(store, clock, settings.sweepInterval());
    }

    private static ServiceConnection connection(BrokerLink link, String clientId) {
        return ServiceConnection.builder().host(link.host()).port(link.port()).clientId(clientId).token(link.token())
                .build();
    }

    /** Connects both sessions, subscribes and starts the expiry sweep; blocks until the broker accepted them. */
    public void start() {
        sync.connect();
        feed.connect();
        sweep.start();
    }

    /** True while both sessions are connected to the broker (for a readiness check). */
    public boolean isConnected() {
        return feed.isConnected() && sync.isConnected();
    }

    /** What the feed archived so far (for the metrics: {@code ArchiveMetrics}). */
    public FeedProgress progress() {
        return progress;
    }

    /** The MQTT client id of the feed session, {@code svc-archive:{instance}}. */
    public String clientId() {
        return feed.clientId();
    }

    /**
     * Stops the sweep and disconnects. Feed items and requests received but not yet handled stay unacknowledged in
     * the sessions, and the broker hands them to the next connection of this instance (or another instance).
     */
    @Override
    public void close() {
        try {
            sweep.close();
            feed.close();
        } finally {
            sync.close();
        }
    }
}
