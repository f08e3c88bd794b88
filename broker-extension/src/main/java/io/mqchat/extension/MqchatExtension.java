package io.mqchat.extension;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.mqchat.extension.auth.JwtAuthenticator;
import io.mqchat.extension.auth.Roles;
import io.mqchat.extension.auth.SubscriptionGuard;
import io.mqchat.extension.auth.TokenExpiry;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.extension.archive.ArchiveFeed;
import io.mqchat.extension.cluster.ClusterHomeGate;
import io.mqchat.extension.cluster.ClusterMembership;
import io.mqchat.extension.cluster.HomeFence;
import io.mqchat.extension.cluster.HomeGate;
import io.mqchat.extension.cluster.NodeHeartbeat;
import io.mqchat.extension.cluster.ServerReferenceInterceptor;
import io.mqchat.extension.cluster.SessionEviction;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.devices.KnownDevices;
import io.mqchat.extension.limits.DeviceQuota;
import io.mqchat.extension.limits.ErrorReplyBudget;
import io.mqchat.extension.limits.RequestRateLimiter;
import io.mqchat.extension.limits.SubscriptionQuota;
import io.mqchat.extension.lifecycle.LifecycleFanOut;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.extension.notify.OfflineNotifier;
import io.mqchat.extension.outbox.CoalescingPublisher;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.extension.presence.ActivityTracker;
import io.mqchat.extension.presence.Connections;
import io.mqchat.extension.presence.LiveConnection;
import io.mqchat.extension.presence.PresenceEvents;
import io.mqchat.extension.presence.PresenceLifecycle;
import io.mqchat.extension.queue.DroppedMessageLogBridge;
import io.mqchat.extension.queue.QueueOverflowNotices;
import io.mqchat.extension.receipts.DeliveryTracker;
import io.mqchat.extension.receipts.OutboundDeliveryInterceptor;
import io.mqchat.extension.receipts.PubackReceiptInterceptor;
import io.mqchat.extension.routing.RequestInterceptor;
import io.mqchat.extension.routing.RequestRoutes;
import io.mqchat.extension.routing.SubscriptionQosInterceptor;
import io.mqchat.extension.session.FreshSessionInterceptor;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.MessageIds;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mqchat HiveMQ extension: wires one class per broker hook. Runs embedded (constructed with its config
 * by the server) or from a zip in a stock HiveMQ's extensions folder, where
 * {@link io.mqchat.extension.deployment.ZipExtensionMain} reads and validates the config and constructs it.
 */
public final class MqchatExtension implements ExtensionMain {

    public static final String ID = "mqchat";
    public static final String VERSION = "0.1.0";

    private static final Logger log = LoggerFactory.getLogger(MqchatExtension.class);

    private final ExtensionConfig config;
    private final Clock clock;
    private final Optional<ClusterMembership> cluster;
    private ScheduledExecutorService clusterExecutor;
    private NodeHeartbeat heartbeat;
    private ScheduledFuture<?> sweeper;
    private Connections connections;
    private PresenceEvents presenceEvents;
    private Runnable dropBridge;
    private volatile boolean started;
    private volatile String startFailure = "not started yet";

    /** Configuration (validated by its constructor) and time are passed in. */
    public MqchatExtension(ExtensionConfig config, Clock clock) {
        this(config, clock, Optional.empty());
    }

    /** As one node of a cluster ({@code cluster} present) or alone. */
    public MqchatExtension(ExtensionConfig config, Clock clock, Optional<ClusterMembership> cluster) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.clock = clock;
        this.cluster = java.util.Objects.requireNonNull(cluster, "cluster");
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        ExtensionConfig active;
        TokenVerifier verifier;
        try {
            active = config;
            verifier = new TokenVerifier(active.jwt(), clock);
        } catch (RuntimeException e) {
            startFailure = "mqchat configuration is invalid: " + e.getMessage();
            output.preventExtensionStartup(startFailure);
            return;
        }
        Codec codec = new Codec();
        ChatMetrics metrics = new ChatMetrics(Services.metricRegistry());
        Outbox outbox = new Outbox(Services.publishService(), codec);
        DeliveryTracker tracker = new DeliveryTracker(clock, active.deliveryTtl());
        Services.metricRegistry().gauge(ChatMetrics.PREFIX + "deliveries.pending", () -> tracker::size);

        Connections connections = new Connections(MessageIds.newId().substring(0, 8));
        PresenceEvents presenceEvents = new PresenceEvents(outbox, clock, active.activityInterval());
        ActivityTracker activity = new ActivityTracker(connections, presenceEvents, clock);
        OfflineNotifier notifier = new OfflineNotifier(connections, outbox, active.notifyIncludeBody());
        KnownDevices devices = new KnownDevices();
        CompletableFuture<Void> devicesLoaded = devices.loadFrom(Services.clientService());
        HomeGate homes = cluster.map(membership -> joinCluster(membership, devices, devicesLoaded))
                .orElse(HomeGate.singleNode());
        PresenceLifecycle lifecycle = new PresenceLifecycle(connections, devices, presenceEvents, clock);

        DeviceQuota deviceQuota = new DeviceQuota(devices, Services.clientService(),
                active.clientLimits().devicesPerUser(), clock);
        JwtAuthenticator authenticator = new JwtAuthenticator(verifier, active.queueLimit(), metrics, deviceQuota,
                Services.extensionExecutorService(), homes);
        RequestRateLimiter rateLimiter = new RequestRateLimiter(active.rateLimit(), clock);
        int maxBatchBytes = CoalescingPublisher.maxBatchBytes(active.maxMessageBytes());
        CoalescingPublisher archiveFeed = new CoalescingPublisher(outbox, Services.extensionExecutorService(), codec,
                maxBatchBytes, items -> {
            metrics.archiveFeedPublishes().inc();
            metrics.archiveFeedItems().inc(items);
        });
        CoalescingPublisher receipts = new CoalescingPublisher(outbox, Services.extensionExecutorService(), codec,
                maxBatchBytes, items -> metrics.receiptPublishes().inc());
        Services.metricRegistry().gauge(ChatMetrics.PREFIX + "receipts.waiting", () -> receipts::waitingItems);
        Services.metricRegistry().gauge(ChatMetrics.PREFIX + "archive-feed.waiting", () -> archiveFeed::waitingItems);
        RequestRoutes routes = new RequestRoutes(codec, outbox, metrics, connections, notifier,
                new ArchiveFeed(archiveFeed, active.archiveFeed()), active.disappearingTimers(), devices, clock);
        ErrorReplyBudget errorReplies = new ErrorReplyBudget(clock);
        RequestRateLimiter groupRateLimiter = new RequestRateLimiter(active.groupRateLimit(), clock);
        RequestInterceptor requests = new RequestInterceptor(active.maxMessageBytes(), rateLimiter, groupRateLimiter,
                errorReplies, codec, outbox, metrics, activity, routes, clock, Services.clientService(),
                Services.extensionExecutorService());
        OutboundDeliveryInterceptor outbound = new OutboundDeliveryInterceptor(tracker, metrics.resendsDropped());
        PubackReceiptInterceptor pubacks = new PubackReceiptInterceptor(tracker, receipts, metrics, clock);
        SubscriptionQosInterceptor subscriptions = new SubscriptionQosInterceptor();
        FreshSessionInterceptor freshSessions = new FreshSessionInterceptor(tracker);
        QueueOverflowNotices overflow = new QueueOverflowNotices(outbox, metrics, clock, active.overflowNoticeInterval());

        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        SubscriptionQuota subscriptionQuota = new SubscriptionQuota(Services.subscriptionStore(), active.clientLimits());
        SubscriptionGuard subscriptionGuard = new SubscriptionGuard(subscriptionQuota);
        Services.securityRegistry().setAuthorizerProvider(providerInput -> subscriptionGuard);
        Services.initializerRegistry().setClientInitializer((initializerInput, clientContext) -> {
            if (Roles.isService(initializerInput.getConnectionInformation())) {
                return; // workers publish where their permissions allow, unrouted
            }
            clientContext.addPublishInboundInterceptor(requests);
            clientContext.addPingReqInboundInterceptor(activity);
            clientContext.addPublishOutboundInterceptor(outbound);
            clientContext.addPubackInboundInterceptor(pubacks);
            clientContext.addSubscribeInboundInterceptor(subscriptions);
            clientContext.addUnsubscribeInboundInterceptor(subscriptionQuota);
        });
        ServerReferenceInterceptor redirects = new ServerReferenceInterceptor();
        Services.interceptorRegistry().setConnackOutboundInterceptorProvider(providerInput -> (in, out) -> {
            freshSessions.onOutboundConnack(in, out);
            redirects.onOutboundConnack(in, out);
        });
        LifecycleFanOut lifecycleEvents = new LifecycleFanOut(lifecycle,
                new TokenExpiry(Services.clientService(), Services.extensionExecutorService(), clock), subscriptionQuota,
                deviceQuota);
        Services.eventRegistry().setClientLifecycleEventListener(providerInput -> lifecycleEvents);
        this.connections = connections;
        this.presenceEvents = presenceEvents;
        if (clusterExecutor != null) {
            HomeFence fence = new HomeFence(cluster.get(), new SessionEviction(Services.clientService(), devices));
            long fenceMillis = cluster.get().fenceInterval().toMillis();
            clusterExecutor.scheduleWithFixedDelay(() -> guard("fence check",
                    () -> fence.checkConnected(connections)), fenceMillis, fenceMillis, TimeUnit.MILLISECONDS);
            devicesLoaded.thenRunAsync(() -> guard("start-up fence check",
                    () -> fence.letGoOfMovedUsers(devices.users())), clusterExecutor);
        }
        presenceEvents.brokerStarted(connections.brokerRun());

        long sweepMillis = Math.max(1000, active.deliveryTtl().toMillis() / 4);
        sweeper = Services.extensionExecutorService().scheduleAtFixedRate(() -> {
            int expired = tracker.sweep();
            metrics.expiredDeliveries().inc(expired);
            overflow.sweep();
            rateLimiter.sweep();
            groupRateLimiter.sweep();
            errorReplies.sweep();
        }, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);

        dropBridge = DroppedMessageLogBridge.install(overflow);
        if (dropBridge == null) {
            log.warn("logback not visible to the extension: queue overflow notices are off");
        }
        started = true;
        log.info("mqchat extension {} started (queue limit {}, max message {} bytes)", VERSION,
                active.queueLimit(), active.maxMessageBytes());
    }

    /** Announces this node and returns the gate that homes users here or redirects them to their home. */
    private HomeGate joinCluster(ClusterMembership membership, KnownDevices devices,
                                 CompletableFuture<Void> devicesLoaded) {
        clusterExecutor = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mqchat-cluster");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat = new NodeHeartbeat(membership, clock);
        heartbeat.run();
        long beatMillis = membership.heartbeatInterval().toMillis();
        clusterExecutor.scheduleAtFixedRate(heartbeat, beatMillis, beatMillis, TimeUnit.MILLISECONDS);
        log.info("node {} joined the cluster", membership.self().id());
        SessionEviction eviction = new SessionEviction(Services.clientService(), devices);
        // Until the start-up scan knows this node's sessions, a moved user's old sessions could not be found.
        Executor afterScan = task -> devicesLoaded.thenRunAsync(task, clusterExecutor);
        return new ClusterHomeGate(membership, eviction, afterScan);
    }

    private static void guard(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("cluster {} failed; trying again at the next one: {}", what, e.toString());
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        if (connections != null) {
            // Best effort: the next start's broker_started event settles whatever does not get out now.
            for (LiveConnection connection : connections.all()) {
                connections.close(connection.device().clientId(), connection.id())
                        .ifPresent(closed -> presenceEvents.disconnected(closed, connections.brokerRun(),
                                connections.connectedDevices(closed.device().user()) == 0));
            }
        }
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        if (dropBridge != null) {
            dropBridge.run();
        }
        if (clusterExecutor != null) {
            clusterExecutor.shutdownNow();
            heartbeat.withdraw();
        }
    }

    /** True once the hooks are registered; a broker without them must not serve. */
    public boolean isStarted() {
        return started;
    }

    /**
     * True while the broker should be given devices: the hooks are registered and, as a node of a cluster, its
     * heartbeat holds (otherwise the other nodes take its users).
     */
    public boolean isServing() {
        return started && (heartbeat == null || heartbeat.isAlive());
    }

    /** Why the extension did not start, while {@link #isStarted()} is false. */
    public String startFailure() {
        return startFailure;
    }
}
