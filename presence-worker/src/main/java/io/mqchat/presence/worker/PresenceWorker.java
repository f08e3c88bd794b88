package io.mqchat.presence.worker;

import io.mqchat.presence.badge.ArchiveUnreadCounts;
import io.mqchat.presence.notify.Coalescer;
import io.mqchat.presence.notify.LogSink;
import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.notify.NotificationSink;
import io.mqchat.presence.notify.NotifyHandler;
import io.mqchat.presence.notify.RedisCoalescer;
import io.mqchat.presence.notify.UnreadCounts;
import io.mqchat.presence.notify.WebhookSink;
import io.mqchat.presence.notify.FanOutSink;
import io.mqchat.presence.push.FcmAccess;
import io.mqchat.presence.push.PushOutcomes;
import io.mqchat.presence.push.PushServiceSink;
import io.mqchat.presence.push.PushRequestHandler;
import io.mqchat.presence.settings.NotifySettings;
import io.mqchat.presence.settings.PresenceSettings;
import io.mqchat.presence.settings.RedisAddress;
import io.mqchat.presence.store.RedisPresenceStore;
import io.mqchat.presence.store.NotificationMutes;
import io.mqchat.presence.store.RedisNotificationMutes;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.presence.store.RedisPushTokens;
import io.mqchat.presence.store.StoreUnavailableException;
import io.mqchat.presence.tracking.InvalidEventException;
import io.mqchat.presence.tracking.PresenceTracker;
import io.mqchat.presence.tracking.PublishFailedException;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.Notify;
import io.mqchat.protocol.PresenceEvent;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.PushRequest;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.service.FeedLanes;
import io.mqchat.service.InboundMessage;
import io.mqchat.service.LaneSet;
import io.mqchat.service.RetryLater;
import io.mqchat.service.ServiceConnection;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Protocol;

/**
 * The presence-worker: consumes the lanes it owns of presence events and of notification requests ({@link FeedLanes}:
 * a persistent session per lane, {@code svc-presence:events-{lane}} and {@code svc-presence:notify-{lane}}, so nothing
 * in flight is lost when the broker is killed), keeps presence in Redis and retains every change on {@code p/{user}},
 * and keeps the devices' push tokens and the users' muted conversations ({@link PushRequestHandler}), which come on
 * the presence lanes.
 *
 * <p>Each lane has its own thread, so a slow webhook never delays presence, and one user's burst holds up only its
 * lane. A message is acknowledged only once handled; while Redis or the broker cannot take a change, the event is
 * retried and the ones after it wait in the lane's persistent session. Undecodable or incomplete messages are logged
 * and skipped.
 *
 * <p>Owns the Redis client it creates and the connections it makes: {@link #close()} closes them.
 */
public final class PresenceWorker implements AutoCloseable {

    /** The service name in the worker's token ({@code sub}) and client id. */
    public static final String SERVICE = "svc-presence";
    /** The feeds a presence-worker consumes. */
    public static final List<String> FEEDS = List.of(ServiceTopics.PRESENCE_EVENTS, ServiceTopics.NOTIFY);
    /** Reported when an event is applied this late: presence is running behind. */
    private static final Duration LAG_WARNING = Duration.ofSeconds(30);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    /** How long a stopping worker lets the notifications it took finish. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PresenceWorker.class);

    private final FeedLanes events;
    private final FeedLanes notify;
    private final UnifiedJedis redis;
    /** Calls the sinks once a notification's unread count is in. */
    private final ExecutorService sending;
    private final NotifyHandler notifications;
    /** Where the archive-worker answers the unread counts (the badges); empty when notifications carry none. */
    private final Optional<ServiceConnection> unreadAnswers;
    private final PushRequestHandler pushRequests;
    private final NotificationSink sink;
    private final PushOutcomes pushOutcomes = new PushOutcomes();
    private final Clock clock;
    private final Codec codec = new Codec();
    private final AtomicLong appliedEvents = new AtomicLong();
    private final RedisPresenceStore store;
    private volatile boolean upgraded;

    /**
     * @param settings    the worker's settings; the Redis address must be set (the server fills in its embedded one)
     * @param connections makes a (not yet connected) connection with a service token for a client id
     * @param lanes       the lanes of presence events and notification requests this instance owns
     * @param clock       the time the worker compares event times with
     */
    public PresenceWorker(PresenceSettings settings, Function<String, ServiceConnection> connections, LaneSet lanes,
                          Clock clock) {
        RedisAddress address = settings.redis().orElseThrow(
                () -> new IllegalArgumentException("the presence-worker needs a Redis address"));
        this.clock = clock;
        this.redis = address.client(Protocol.DEFAULT_TIMEOUT);
        RedisPresenceStore store = new RedisPresenceStore(redis);
        this.store = store;
        Coalescer coalescer = new RedisCoalescer(redis, settings.notifications().coalesceWindow());
        NotificationMutes mutes = new RedisNotificationMutes(redis);
        RedisPushTokens pushTokens = new RedisPushTokens(redis);
        this.sink = sink(settings, pushTokens, pushOutcomes, clock);
        this.sending = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mqchat notifications");
            thread.setDaemon(true);
            return thread;
        });
        this.pushRequests = new PushRequestHandler(pushTokens, mutes);
        this.events = FeedLanes.of(ServiceTopics.PRESENCE_EVENTS, lanes, SERVICE + ":events", connections, lane -> {
            PresenceTracker tracker = new PresenceTracker(store, new MqttPresencePublisher(lane, codec, PUBLISH_TIMEOUT));
            return message -> onPresenceEvent(tracker, message);
        }, clock);
        NotifySettings notifySettings = settings.notifications();
        // The archive's answers come on a session of their own: on a lane's, they would wait behind the lane's own
        // unacknowledged notifications whenever the lane waits for them.
        this.unreadAnswers = notifySettings.badges()
                ? Optional.of(connections.apply(SERVICE + ":unread-" + lanes.toString().replace(',', '_')))
                : Optional.empty();
        UnreadCounts unread = unreadAnswers.<UnreadCounts>map(connection -> ArchiveUnreadCounts.on(connection, codec,
                clock, notifySettings.badgeTimeout())).orElse(UnreadCounts.NONE);
        this.notifications = new NotifyHandler(store, mutes, coalescer, unread, sink, sending);
        this.notify = FeedLanes.of(ServiceTopics.NOTIFY, lanes, SERVICE + ":notify", connections,
                lane -> this::onNotify, clock);
    }

    /** Connects every lane's session; blocks until the broker confirmed them. Events waiting in the sessions follow. */
    public void start() {
        unreadAnswers.ifPresent(ServiceConnection::connect);
        events.connect();
        notify.connect();
    }

    /** The feeds this instance consumes, for their lag (metrics and readiness). */
    public List<FeedLanes> feeds() {
        return List.of(events, notify);
    }

    /** True while every lane's session is connected (for a readiness check). */
    public boolean isConnected() {
        return events.isConnected() && notify.isConnected();
    }

    /** Presence events this instance has applied since it was created: how the instances split the load. */
    /** What became of the pushes to devices through APNs and FCM so far. */
    public PushOutcomes pushOutcomes() {
        return pushOutcomes;
    }

    public long appliedEvents() {
        return appliedEvents.get();
    }

    /** Stops handling (unhandled messages stay in the sessions), disconnects and closes the Redis client. */
    @Override
    public void close() {
        try {
            events.close();
        } finally {
            try {
                notify.close();
            } finally {
                // Handed-over notifications are acknowledged already: let them go out before their parts close.
                notifications.awaitIdle(DRAIN_TIMEOUT);
                unreadAnswers.ifPresent(ServiceConnection::close);
                sending.shutdown();
                sink.close();
                redis.close();
            }
        }
    }

    /**
     * Renames the keys of an earlier version before the first event touches the store: at the first event rather than
     * at start, because the worker starts (and reports Redis down) while Redis is unreachable.
     */
    private void upgradeOnce() {
        if (upgraded) {
            return;
        }
        synchronized (this) {
            if (!upgraded) {
                int renamed = store.upgradeLegacyKeys();
                if (renamed > 0) {
                    LOG.info("renamed {} presence keys of an earlier version (hash tags for Redis Cluster)", renamed);
                }
                upgraded = true;
            }
        }
    }

    private void onPresenceEvent(PresenceTracker tracker, InboundMessage message) throws RetryLater {
        Optional<Envelope> envelope = decode(message, Envelope.class);
        if (envelope.isPresent() && envelope.get() instanceof PushRequest request) {
            onPushRequest(request);
            return;
        }
        Optional<PresenceEvent> event = envelope.flatMap(e -> expect(message, e, PresenceEvent.class));
        if (event.isEmpty()) {
            return;
        }
        try {
            upgradeOnce();
            tracker.apply(event.get());
        } catch (InvalidEventException e) {
            LOG.warn("skipping a presence event: {}", e.getMessage());
            return;
        } catch (StoreUnavailableException | PublishFailedException e) {
            throw new RetryLater(e.getMessage(), e);
        }
        appliedEvents.incrementAndGet();
        long lag = clock.millis() - event.get().ts();
        if (lag > LAG_WARNING.toMillis()) {
            LOG.warn("presence is running behind: applied a {} event {} ms after it happened", event.get().event(), lag);
        }
    }

    /** A user's push requests share its presence lane, so they are applied in the order the devices sent them. */
    private void onPushRequest(PushRequest request) throws RetryLater {
        try {
            pushRequests.handle(request);
        } catch (StoreUnavailableException e) {
            throw new RetryLater(e.getMessage(), e);
        }
    }

    private void onNotify(InboundMessage message) throws RetryLater {
        Optional<Notify> notify = decode(message, Notify.class);
        if (notify.isEmpty()) {
            return;
        }
        if (notify.get().recipient() == null || notify.get().sender() == null || notify.get().id() == null) {
            // Names only: the request may carry the message body (notify.include-body), which no log may show.
            LOG.warn("skipping a notification request without recipient, sender or id (recipient {}, sender {}, id {})",
                    notify.get().recipient(), notify.get().sender(), notify.get().id());
            return;
        }
        try {
            upgradeOnce();
            notifications.handle(Notification.of(notify.get()));
        } catch (StoreUnavailableException e) {
            throw new RetryLater(e.getMessage(), e);
        }
    }

    private <T extends Envelope> Optional<T> decode(InboundMessage message, Class<T> type) {
        try {
            return expect(message, codec.decode(message.payload()), type);
        } catch (ProtocolException e) {
            LOG.warn("skipping an undecodable message on {}: {}", message.topic(), e.getMessage());
        }
        return Optional.empty();
    }

    private static <T extends Envelope> Optional<T> expect(InboundMessage message, Envelope envelope, Class<T> type) {
        if (type.isInstance(envelope)) {
            return Optional.of(type.cast(envelope));
        }
        LOG.warn("skipping a {} on {}: expected {}", envelope.type(), message.topic(), type.getSimpleName());
        return Optional.empty();
    }

    private static NotificationSink sink(PresenceSettings settings, PushTokens tokens, PushOutcomes outcomes,
                                         Clock clock) {
        settings.notifications().webhook().filter(webhook -> webhook.signer().isEmpty()).ifPresent(webhook ->
                LOG.warn("notification webhook requests to {} are unsigned: set notify.webhook-secret so that the "
                        + "gateway can tell them from forgeries", webhook.url().getHost()));
        NotificationSink base = settings.notifications().webhook()
                .<NotificationSink>map(webhook -> new WebhookSink(HttpClient.newBuilder()
                        .connectTimeout(webhook.timeout()).build(), webhook, clock))
                .orElseGet(LogSink::new);
        List<NotificationSink> sinks = new ArrayList<>(List.of(base));
        settings.notifications().fcm().ifPresent(fcm -> {
            FcmAccess access = FcmAccess.fromKeyFile(fcm.credentials());
            LOG.info("notifications also go to FCM (project {}) for devices with FCM tokens", access.projectId());
            HttpClient http = HttpClient.newBuilder().connectTimeout(fcm.timeout()).build();
            sinks.add(PushServiceSink.fcm(tokens, http, access, fcm, outcomes));
        });
        settings.notifications().apns().ifPresent(apns -> {
            LOG.info("notifications also go to APNs (team {}) for devices with APNs tokens", apns.teamId());
            sinks.add(PushServiceSink.apns(tokens, apns, clock, outcomes));
        });
        return sinks.size() == 1 ? base : new FanOutSink(sinks);
    }
}
