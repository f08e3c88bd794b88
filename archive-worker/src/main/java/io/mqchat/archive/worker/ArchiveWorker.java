package io.mqchat.archive.worker;

import io.mqchat.archive.changes.ChangeDelivery;
import io.mqchat.archive.changes.MessageChanges;
import io.mqchat.archive.expiry.ExpirySweep;
import io.mqchat.archive.ingest.ArchiveFeed;
import io.mqchat.archive.ingest.FeedProgress;
import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.sync.HistoryQueries;
import io.mqchat.archive.sync.HistoryRequests;
import io.mqchat.archive.sync.ResponseBudget;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.service.FeedLanes;
import io.mqchat.service.Publisher;
import io.mqchat.service.ServiceConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The archive-worker component: a service-account MQTT client of the broker that archives the lanes it owns of the
 * feed ({@code svc/archive/messages/{lane}}) and answers those of history requests ({@code svc/archive/requests/{lane}})
 * through {@link FeedLanes} (a persistent session per lane: nothing in flight is lost when the broker is killed, and a
 * conversation that waits holds up only its own lane), and deletes disappeared messages on a timer. Runs standalone
 * ({@code ArchiveWorkerMain}) or inside the all-in-one server.
 */
public final class ArchiveWorker implements AutoCloseable {

    /** The service account's subject; tokens for the worker are minted for it. */
    public static final String SERVICE = "svc-archive";
    /** The feeds an archive-worker consumes. */
    public static final List<String> FEEDS = List.of(ServiceTopics.ARCHIVE, ServiceTopics.HISTORY_REQUESTS);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final String instance;
    private final FeedLanes feed;
    private final FeedLanes sync;
    private final ExpirySweep sweep;
    private final FeedProgress progress = new FeedProgress();
    /** Refuses the edits, deletes and reactions whose message never came, once their wait is over. */
    private final ScheduledExecutorService changeTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "archive-change-wait");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param settings the component settings (sweep interval, answer size)
     * @param clock    the archive's time: what has disappeared, when a conversation changed, response times
     * @param store    where the archive lives; the caller owns it (and its MongoDB client)
     * @param link     how to reach the broker, and which lanes to own
     */
    public ArchiveWorker(ArchiveSettings settings, Clock clock, ArchiveStore store, BrokerLink link) {
        Codec codec = new Codec();
        this.instance = link.instance();
        Function<String, ServiceConnection> connections = clientId -> ServiceConnection.builder().host(link.host())
                .port(link.port()).clientId(clientId).token(link.token()).clock(clock).build();
        MessageChanges changes = new MessageChanges(store, settings.editWindow(), settings.deleteWindow(),
                settings.changeWait());
        this.feed = FeedLanes.of(ServiceTopics.ARCHIVE, link.lanes(), link.feedSessions(), connections,
                lane -> new ArchiveFeed(store, codec, clock, progress, changeDelivery(store, changes, lane, codec,
                        clock)), clock);
        HistoryQueries queries = new HistoryQueries(store, clock, new ResponseBudget(settings.pageMaxBytes(), codec));
        this.sync = FeedLanes.of(ServiceTopics.HISTORY_REQUESTS, link.lanes(), link.syncSessions(), connections,
                lane -> new HistoryRequests(queries, new Publisher(lane, PUBLISH_TIMEOUT), codec), clock);
        this.sweep = new ExpirySweep(store, clock, settings.sweepInterval());
    }

    private ChangeDelivery changeDelivery(ArchiveStore store, MessageChanges changes, ServiceConnection lane,
                                          Codec codec, Clock clock) {
        ChangeDelivery delivery = new ChangeDelivery(store, changes, new Publisher(lane, PUBLISH_TIMEOUT), codec, clock,
                changeTimer);
        // Changes parked before a restart: their senders hear of them once the wait is over, whatever else comes.
        delivery.lookForAbandonedAfter(changes.changeWait());
        return delivery;
    }

    /** Connects every lane's session, subscribes and starts the expiry sweep; blocks until the broker accepted them. */
    public void start() {
        sync.connect();
        feed.connect();
        sweep.start();
    }

    /** True while every lane's session is connected to the broker (for a readiness check). */
    public boolean isConnected() {
        return feed.isConnected() && sync.isConnected();
    }

    /** The feeds this instance consumes, for their lag (metrics and readiness). */
    public List<FeedLanes> feeds() {
        return List.of(feed, sync);
    }

    /** What the feed archived so far (for the metrics: {@code ArchiveMetrics}). */
    public FeedProgress progress() {
        return progress;
    }

    /** This instance's name, as configured. */
    public String instance() {
        return instance;
    }

    /**
     * Stops the sweep and disconnects. Feed items and requests received but not yet handled stay unacknowledged in
     * their lane's session, and the broker hands them to the next connection of that lane.
     */
    @Override
    public void close() {
        try {
            sweep.close();
            changeTimer.shutdownNow();
            feed.close();
        } finally {
            sync.close();
        }
    }
}
