package io.mqchat.extension;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.mqchat.extension.auth.JwtAuthenticator;
import io.mqchat.extension.auth.Roles;
import io.mqchat.extension.auth.SubscriptionGuard;
import io.mqchat.extension.auth.TokenExpiry;
import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.extension.auth.TokenVerifier;
import io.mqchat.extension.archive.ArchiveFeed;
import io.mqchat.extension.blocks.BlockListUpdates;
import io.mqchat.extension.blocks.BlockLists;
import io.mqchat.extension.blocks.BlockedDelivery;
import io.mqchat.extension.cluster.ClusterMembership;
import io.mqchat.extension.cluster.CrossNode;
import io.mqchat.extension.cluster.HomeDirectory;
import io.mqchat.extension.cluster.NodeInCluster;
import io.mqchat.extension.cluster.NodeRelays;
import io.mqchat.extension.cluster.RelayInboundInterceptor;
import io.mqchat.extension.cluster.HomeGate;
import io.mqchat.extension.cluster.ServerReferenceInterceptor;
import io.mqchat.extension.cluster.ServiceForwardInterceptor;
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
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.DeviceAddress;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.ProtocolException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private static final Duration BLOCK_LISTS_LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final ExtensionConfig config;
    private final Clock clock;
    private final Optional<ClusterMembership> cluster;
    private NodeInCluster node;
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
        KnownDevices devices = new KnownDevices();
        CompletableFuture<Void> devicesLoaded = devices.loadFrom(Services.clientService());
        if (cluster.isPresent()) {
            if (active.jwt().serviceKey() == null) {
                startFailure = "a node of a cluster needs the cluster's service key for its relays";
                output.preventExtensionStartup(startFailure);
                return;
            }
            // Signed as the workers' tokens are, with the issuer and audience every node requires.
            TokenMinter relayTokens = new TokenMinter(active.jwt().serviceKey().secret(), active.jwt().issuer(),
                    active.jwt().audience(), clock);
            node = NodeInCluster.join(cluster.get(), Services.clientService(), devices, devicesLoaded,
                    () -> relayTokens.mintService(NodeRelays.SERVICE, Duration.ofHours(1)), clock);
        }
        CrossNode crossNode = node != null ? node.crossNode() : CrossNode.singleNode();
        HomeDirectory homes = node != null ? node.homes() : HomeDirectory.singleNode();
        Outbox outbox = new Outbox(Services.publishService(), codec, crossNode);
        DeliveryTracker tracker = new DeliveryTracker(clock, active.deliveryTtl());
        Services.metricRegistry().gauge(ChatMetrics.PREFIX + "deliveries.pending", () -> tracker::size);

        Connections connections = new Connections(MessageIds.newId().substring(0, 8));
        PresenceEvents presenceEvents = new PresenceEvents(outbox, clock, active.activityInterval());
        ActivityTracker activity = new ActivityTracker(connections, presenceEvents, clock);
        BlockLists blocks = new BlockLists(codec);
        loadBlockLists(blocks);
        OfflineNotifier notifier = new OfflineNotifier(connections, outbox, active.notifyIncludeBody(), homes);
        PresenceLifecycle lifecycle = new PresenceLifecycle(connections, devices, presenceEvents, clock);

        DeviceQuota deviceQuota = new DeviceQuota(devices, Services.clientService(),
                active.clientLimits().devicesPerUser(), clock);
        JwtAuthenticator authenticator = new JwtAuthenticator(verifier, active.queueLimit(), metrics, deviceQuota,
                Services.extensionExecutorService(), node != null ? node.homeGate() : HomeGate.singleNode());
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
                new ArchiveFeed(archiveFeed, active.archiveFeed()), active.disappearingTimers(), devices, blocks,
                clock);
        ErrorReplyBudget errorReplies = new ErrorReplyBudget(clock);
        RequestRateLimiter groupRateLimiter = new RequestRateLimiter(active.groupRateLimit(), clock);
        RequestInterceptor requests = new RequestInterceptor(active.maxMessageBytes(), rateLimiter, groupRateLimiter,
                errorReplies, codec, outbox, metrics, activity, routes, clock, Services.clientService(),
                Services.extensionExecutorService(), crossNode);
        OutboundDeliveryInterceptor outbound = new OutboundDeliveryInterceptor(tracker, metrics.resendsDropped());
        PubackReceiptInterceptor pubacks = new PubackReceiptInterceptor(tracker, receipts, metrics, clock);
        SubscriptionQosInterceptor subscriptions = new SubscriptionQosInterceptor();
        FreshSessionInterceptor freshSessions = new FreshSessionInterceptor(tracker);
        QueueOverflowNotices overflow = new QueueOverflowNotices(outbox, metrics, clock, active.overflowNoticeInterval());

        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        SubscriptionQuota subscriptionQuota = new SubscriptionQuota(Services.subscriptionStore(), active.clientLimits());
        SubscriptionGuard subscriptionGuard = new SubscriptionGuard(subscriptionQuota);
        Services.securityRegistry().setAuthorizerProvider(providerInput -> subscriptionGuard);
        ServiceForwardInterceptor serviceForward = new ServiceForwardInterceptor(crossNode);
        RelayInboundInterceptor relayed = new RelayInboundInterceptor(homes, payload -> notifyRelayed(codec, notifier,
                payload), blocks::blocks);
        BlockListUpdates blockUpdates = new BlockListUpdates(blocks);
        Services.initializerRegistry().setClientInitializer((initializerInput, clientContext) -> {
            String clientId = initializerInput.getClientInformation().getClientId();
            if (Roles.isService(initializerInput.getConnectionInformation())) {
                clientContext.addPublishInboundInterceptor(blockUpdates);
                if (node != null) {
                    // Another node's relay delivers here; a worker's publish for a user homed elsewhere goes there.
                    clientContext.addPublishInboundInterceptor(
                            NodeRelays.isRelay(clientId) ? relayed : serviceForward);
                }
                return; // workers publish where their permissions allow, unrouted
            }
            clientContext.addPublishInboundInterceptor(requests);
            clientContext.addPingReqInboundInterceptor(activity);
            // The user is known from the client id, checked when it connected.
            clientContext.addPublishOutboundInterceptor(DeviceAddress.parse(clientId)
                    .<PublishOutboundInterceptor>map(device -> new BlockedDelivery(blocks, codec, device.user(),
                            metrics.blockedDropped(), outbound))
                    .orElse(outbound));
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
        if (node != null) {
            node.startFence(connections);
        }
        // Of several nodes, a node's start ends only its own earlier runs' connections.
        presenceEvents.brokerStarted(connections.brokerRun(), cluster.map(membership -> membership.self().id())
                .orElse(null));

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

    /**
     * Reads the block lists this node kept before it starts serving, so that a blocked user's messages routed after a
     * restart are dropped as before it. A store that does not answer in time is logged: the lists then come as the
     * archive publishes them again (with each settings answer).
     */
    private static void loadBlockLists(BlockLists blocks) {
        try {
            blocks.loadFrom(Services.retainedMessageStore(), Services.extensionExecutorService())
                    .get(BLOCK_LISTS_LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.error("could not read the kept block lists: blocked users may reach their blockers until the "
                    + "archive publishes the lists again: {}", e.toString());
        }
    }

    /** A chat message another node relayed here: its recipient may need a push notification from this node. */
    private static void notifyRelayed(Codec codec, OfflineNotifier notifier, byte[] payload) {
        try {
            if (codec.decode(payload) instanceof ChatMessage message) {
                notifier.routed(message);
            }
        } catch (ProtocolException e) {
            log.warn("a relayed chat message could not be read: {}", e.getMessage());
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
        if (node != null) {
            node.leave();
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
        return started && (node == null || node.isAlive());
    }

    /** Why the extension did not start, while {@link #isStarted()} is false. */
    public String startFailure() {
        return startFailure;
    }
}
