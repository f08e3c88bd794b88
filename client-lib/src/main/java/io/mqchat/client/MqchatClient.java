package io.mqchat.client;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.mqchat.client.groups.Group;
import io.mqchat.client.groups.GroupMessageStatus;
import io.mqchat.client.groups.Groups;
import io.mqchat.client.internal.Completions;
import io.mqchat.client.internal.ConnectRefusals;
import io.mqchat.client.internal.Deduplicator;
import io.mqchat.client.internal.GroupDirectory;
import io.mqchat.client.internal.GroupReceiptTracker;
import io.mqchat.client.internal.GroupRequests;
import io.mqchat.client.internal.GroupState;
import io.mqchat.client.internal.InboundDispatcher;
import io.mqchat.client.internal.Outbound;
import io.mqchat.client.internal.PendingRequests;
import io.mqchat.client.internal.PresenceBook;
import io.mqchat.client.internal.ReconnectPolicy;
import io.mqchat.client.internal.TokenSource;
import io.mqchat.client.presence.PresencePrivacy;
import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.presence.PresenceSubscription;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.DeviceAddress;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import io.mqchat.protocol.UserIds;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One device of one user, connected to an mqchat server: sends messages and read markers, and hands the app
 * what arrives (messages, receipts, errors, notices) through the listeners of its builder.
 *
 * <p>The device keeps a persistent session on the server: while it is offline the server queues its messages,
 * and after {@link #connect()} (or an automatic reconnect) they arrive in order. Each message reaches the
 * {@link MqchatClientBuilder#onMessage message listener} once, and only after the listener returned does the
 * sender see DELIVERED. Lost connections are re-established with backoff; refused credentials are not retried.
 *
 * <pre>{@code
 * MqchatClient client = MqchatClient.builder()
 *         .serverUri("tcp://chat.example.com:1883")
 *         .user("alice").device("phone")
 *         .token(() -> identityService.currentToken())
 *         .onMessage(m -> ui.show(m.peer(), m.from(), m.text()))
 *         .onDelivered(r -> ui.tick(r.messageId(), 2))
 *         .onRead(r -> ui.markReadUpTo(r.peer(), r.upToMessageId()))
 *         .build();
 * client.connect().join();
 * client.send("bob", "hi Bob").thenAccept(sent -> ui.tick(sent.id(), 1));
 * client.markRead("bob", lastMessageFromBob.id());
 * }</pre>
 *
 * <p>Beyond 1-1 chat: {@link #groups()} administers groups and {@link #send(Conversation, String)} sends to
 * one; {@link #presence(String)} watches a user's presence and {@link #typing(Conversation)} signals typing.
 *
 * <p>Thread-safe. {@link #close()} it when the app shuts down; the session (and the queue) stays on the server.
 */
public final class MqchatClient implements AutoCloseable {

    private final DeviceAddress address;
    private final Mqtt5AsyncClient mqtt;
    private final Codec codec = new Codec();
    private final Clock clock;
    private final TokenSource tokens;
    private final Duration sessionExpiry;
    private final ReconnectPolicy reconnects;
    private final InboundDispatcher inbound;
    private final Outbound outbound;
    private final PresenceBook presence;
    private final GroupState groupState;
    private final GroupRequests groups;
    /** True between connect() and disconnect(): whether the app wants this device online. */
    private volatile boolean online;
    private volatile boolean closed;

    MqchatClient(MqchatClientBuilder config, DeviceAddress address) {
        this.address = address;
        this.clock = config.clock;
        this.sessionExpiry = config.sessionExpiry;
        this.tokens = new TokenSource(config.token, config.blockingExecutor);
        this.presence = new PresenceBook(config.listeners.presence(), new PresenceTopics());
        this.groupState = new GroupState(new GroupDirectory(address.user()), new PendingRequests(config.requestTimeout),
                new GroupReceiptTracker(address.user(), config.trackedGroupMessages,
                        config.listeners.groupMessageStatus()));
        this.inbound = new InboundDispatcher(address.user(), codec, new Deduplicator(config.dedupeCapacity),
                config.listeners, clock, presence, groupState);
        this.reconnects = new ReconnectPolicy(address.clientId(), address.user(), tokens, () -> online,
                config.listeners.authenticationFailures(), this::disconnectQuietly);
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(address.clientId())
                .automaticReconnect()
                .initialDelay(config.reconnectInitialDelay.toNanos(), TimeUnit.NANOSECONDS)
                .maxDelay(config.reconnectMaxDelay.toNanos(), TimeUnit.NANOSECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(reconnects)
                // Presence is held at QoS 0, so nothing of it was queued while this device was away (and a
                // lost session lost the subscriptions): subscribing again brings each watched user's state.
                .addConnectedListener(context -> presence.resubscribeAll())
                .addDisconnectedListener(reconnects);
        this.mqtt = config.server.applyTo(builder).buildAsync();
        this.outbound = new Outbound(mqtt);
        this.groups = new GroupRequests(address.user(), codec, outbound, groupState.pending(), groupState.directory());
        // Registered before the first connect: the server sends queued messages right after CONNACK, and a
        // callback attached later would miss them. Manual acknowledgement makes DELIVERED mean "the app has it".
        if (config.listenerExecutor != null) {
            mqtt.publishes(MqttGlobalPublishFilter.ALL, this::onPublish, config.listenerExecutor, true);
        } else {
            mqtt.publishes(MqttGlobalPublishFilter.ALL, this::onPublish, true);
        }
    }

    /** Starts configuring a client. */
    public static MqchatClientBuilder builder() {
        return new MqchatClientBuilder();
    }

    /** The user this device belongs to. */
    public String user() {
        return address.user();
    }

    /** This device's id among the user's devices. */
    public String device() {
        return address.device();
    }

    /** True while a connection to the server is up. */
    public boolean isConnected() {
        return mqtt.getState().isConnected();
    }

    /**
     * Connects and subscribes to this user's messages. Completes once both are done; while the server is
     * unreachable it keeps retrying with backoff (bound the wait with {@code orTimeout} if needed). Fails with
     * {@link AuthenticationException} when the server refuses the token; the client then stops trying.
     */
    public CompletableFuture<Void> connect() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("client is closed"));
        }
        online = true;
        CompletableFuture<Void> connected = new CompletableFuture<>();
        tokens.fetch()
                .thenCompose(token -> mqtt.connectWith()
                        .cleanStart(false)
                        .sessionExpiryInterval(sessionExpiry.toSeconds())
                        .simpleAuth().username(address.user()).password(token).applySimpleAuth()
                        .send())
                // Also when the server kept the session: a device that crashed between CONNACK and SUBACK
                // would otherwise have a session without a subscription forever. Later reconnects rely on
                // the MQTT client, which resubscribes by itself whenever the session is gone.
                .thenCompose(connAck -> mqtt.subscribeWith()
                        .topicFilter(Topics.userTree(address.user()))
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .send())
                .whenComplete((subAck, failure) -> {
                    if (failure == null) {
                        connected.complete(null);
                    } else {
                        connected.completeExceptionally(connectFailure(failure));
                    }
                });
        return connected;
    }

    private Throwable connectFailure(Throwable failure) {
        Optional<AuthenticationException> refused = ConnectRefusals.authentication(failure, address.clientId());
        if (refused.isPresent()) {
            online = false;
            return refused.get();
        }
        Throwable cause = Completions.cause(failure);
        if (cause instanceof Mqtt5SubAckException subAck) {
            return new MqchatException("server refused the subscription to " + Topics.userTree(address.user())
                    + ": " + subAck.getMqttMessage().getReasonCodes(), cause);
        }
        return new MqchatException("cannot connect " + address.clientId() + ": " + cause.getMessage(), cause);
    }

    /**
     * Sends a text message. Completes when the server accepted it (SENT: it is stored and will be delivered);
     * DELIVERED and READ follow as receipts naming {@link SentMessage#id()}. Fails with
     * {@link SendRejectedException} when the server refuses the message (for example
     * {@link ErrorCode#INVALID_RECIPIENT} or {@link ErrorCode#TOO_LARGE}); nothing is sent then.
     * While the connection is down the message waits and goes out after the reconnect.
     */
    public CompletableFuture<SentMessage> send(String to, String text) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        String id = MessageIds.newId();
        // The same checks the server makes, answered without a round trip.
        if (!UserIds.isValidUserId(to)) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_RECIPIENT.wireName(), "'" + to + "' is not a valid user id"));
        }
        if (text.isEmpty()) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_ENVELOPE.wireName(), "text must not be empty"));
        }
        return outbound.publish(Topics.send(to), codec.encode(ChatMessage.text(id, text)), id)
                .thenApply(acked -> new SentMessage(id, to, text, clock.instant()));
    }

    /**
     * Sends a text message to a peer or a group; see {@link #send(String, String)} and
     * {@link #sendToGroup(String, String)}.
     */
    public CompletableFuture<SentMessage> send(Conversation conversation, String text) {
        Objects.requireNonNull(conversation, "conversation");
        return conversation instanceof Conversation.InGroup group
                ? sendToGroup(group.groupId(), text) : send(conversation.id(), text);
    }

    /**
     * Sends a text message to every member of a group. Completes when the server accepted it (SENT: the group
     * service has it durably and will deliver it). Whether this user is a member is checked only after that:
     * if not, the server reports {@link ErrorCode#NOT_MEMBER} through
     * {@link MqchatClientBuilder#onError the error listener} (with the message id as {@link ServerError#ref()})
     * and this future, already complete, stays so. Each member's DELIVERED and READ arrive as receipts naming
     * the group, and {@link #groupMessageStatus(String)} sums them up.
     */
    public CompletableFuture<SentMessage> sendToGroup(String group, String text) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(text, "text");
        String id = MessageIds.newId();
        if (!UserIds.isValidUserId(group)) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_RECIPIENT.wireName(), "'" + group + "' is not a valid group id"));
        }
        if (text.isEmpty()) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_ENVELOPE.wireName(), "text must not be empty"));
        }
        trackRecipients(id, group);
        return outbound.publish(Topics.sendToGroup(group), codec.encode(ChatMessage.text(id, text)), id)
                .whenComplete((acked, failure) -> {
                    if (failure != null) {
                        groupState.tracker().forget(id);
                    }
                })
                .thenApply(acked -> new SentMessage(id, group, text, clock.instant(), Conversation.group(group)));
    }

    /**
     * Starts summing up the message's receipts. The recipients are the members at send time; when this client
     * does not know them, it asks, and the answer (which comes at about the same time) stands in for them.
     */
    private void trackRecipients(String id, String group) {
        Optional<Group> known = groupState.directory().find(group);
        groupState.tracker().sent(id, group, known.map(Group::members).orElse(null));
        if (known.isEmpty()) {
            groups.info(group).thenAccept(info -> groupState.tracker().membersKnown(group, info.members()));
        }
    }

    /**
     * Tells {@code peer} (and this user's other devices) that this user has read the conversation up to
     * {@code upToMessageId}. Completes when the server accepted the marker.
     */
    public CompletableFuture<Void> markRead(String peer, String upToMessageId) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(upToMessageId, "upToMessageId");
        if (!UserIds.isValidUserId(peer)) {
            return CompletableFuture.failedFuture(new SendRejectedException(upToMessageId,
                    ErrorCode.INVALID_RECIPIENT.wireName(), "'" + peer + "' is not a valid user id"));
        }
        if (!MessageIds.isValid(upToMessageId)) {
            return CompletableFuture.failedFuture(new SendRejectedException(upToMessageId,
                    ErrorCode.INVALID_ENVELOPE.wireName(), "'" + upToMessageId + "' is not a message id"));
        }
        return outbound.publish(Topics.read(peer), codec.encodeReadMarker(upToMessageId), upToMessageId);
    }

    /**
     * Tells the other party (in a group: every member, and this user's other devices) that this user has read
     * the conversation up to {@code upToMessageId}. Completes when the server accepted the marker.
     */
    public CompletableFuture<Void> markRead(Conversation conversation, String upToMessageId) {
        Objects.requireNonNull(conversation, "conversation");
        if (!conversation.isGroup()) {
            return markRead(conversation.id(), upToMessageId);
        }
        Objects.requireNonNull(upToMessageId, "upToMessageId");
        if (!MessageIds.isValid(upToMessageId)) {
            return CompletableFuture.failedFuture(new SendRejectedException(upToMessageId,
                    ErrorCode.INVALID_ENVELOPE.wireName(), "'" + upToMessageId + "' is not a message id"));
        }
        return outbound.publish(Topics.readInGroup(conversation.id()), codec.encodeReadMarker(upToMessageId),
                upToMessageId);
    }

    /**
     * Tells the conversation's other party (in a group: every other member's connected devices) that this user is
     * typing. Signals are not stored: one that finds nobody connected is lost, which is what a typing indicator
     * wants. Send it again every few seconds while typing goes on; completes once handed to the connection.
     */
    public CompletableFuture<Void> typing(Conversation conversation) {
        return typingSignal(conversation, Typing.TYPING);
    }

    /** Tells the conversation's other party that this user stopped typing; see {@link #typing(Conversation)}. */
    public CompletableFuture<Void> stoppedTyping(Conversation conversation) {
        return typingSignal(conversation, Typing.PAUSED);
    }

    private CompletableFuture<Void> typingSignal(Conversation conversation, String state) {
        Objects.requireNonNull(conversation, "conversation");
        String topic = conversation.isGroup()
                ? Topics.typingInGroup(conversation.id()) : Topics.typingTo(conversation.id());
        return outbound.signal(topic, codec.encodeTypingSignal(state));
    }

    /**
     * Watches {@code user}'s presence: the current state arrives shortly (see
     * {@link PresenceSubscription#current()}), and it and every change go to
     * {@link MqchatClientBuilder#onPresence the presence listener}. Close the subscription to stop.
     *
     * @throws IllegalArgumentException when {@code user} is not a valid user id
     */
    public PresenceSubscription presence(String user) {
        return presence(user, state -> { });
    }

    /**
     * Watches {@code user}'s presence; {@code listener} hears the current state and every change until the
     * subscription is closed (the builder's presence listener hears them too).
     *
     * @throws IllegalArgumentException when {@code user} is not a valid user id
     */
    public PresenceSubscription presence(String user, Consumer<PresenceState> listener) {
        Objects.requireNonNull(listener, "listener");
        if (!UserIds.isValidUserId(user)) {
            throw new IllegalArgumentException("'" + user + "' is not a valid user id");
        }
        return presence.open(user, listener);
    }

    /**
     * Who may see this user's presence. Completes when the server accepted the setting; watchers see the
     * change once the presence service applied it.
     */
    public CompletableFuture<Void> setPresencePrivacy(PresencePrivacy privacy) {
        Objects.requireNonNull(privacy, "privacy");
        return outbound.publish(Topics.presenceRequests(), codec.encodePrivacyRequest(privacy.wireName()), null);
    }

    /** Group administration: create groups, change their members and name, list this user's groups. */
    public Groups groups() {
        return groups;
    }

    /**
     * Who has and who read a group message this device sent recently: empty for messages sent from elsewhere,
     * 1-1 messages, and messages older than the {@link MqchatClientBuilder#trackedGroupMessages tracked} ones.
     */
    public Optional<GroupMessageStatus> groupMessageStatus(String messageId) {
        return groupState.tracker().status(messageId);
    }

    /** Subscribes to presence topics at QoS 0, the QoS the server holds them at anyway. */
    private final class PresenceTopics implements PresenceBook.Topics {
        @Override
        public void subscribe(String user) {
            // A failure (typically: not connected right now) needs no handling: every connect subscribes again.
            mqtt.subscribeWith().topicFilter(Topics.presence(user)).qos(MqttQos.AT_MOST_ONCE).send();
        }

        @Override
        public void unsubscribe(String user) {
            mqtt.unsubscribeWith().topicFilter(Topics.presence(user)).send();
        }
    }

    private void onPublish(Mqtt5Publish publish) {
        if (closed) {
            // Unacknowledged, the message stays queued on the server for the next run of the app.
            return;
        }
        try {
            inbound.dispatch(publish.getPayloadAsBytes());
        } finally {
            publish.acknowledge();
        }
    }

    /**
     * Goes offline and stops reconnecting. The server keeps the session and queues messages until the next
     * {@link #connect()}.
     */
    public CompletableFuture<Void> disconnect() {
        online = false;
        reconnects.cancelPending();
        CompletableFuture<Void> done = new CompletableFuture<>();
        mqtt.disconnect().whenComplete((ignored, failure) -> {
            if (failure == null || Completions.cause(failure) instanceof MqttClientStateException) {
                done.complete(null); // already offline
            } else {
                done.completeExceptionally(Completions.cause(failure));
            }
        });
        return done;
    }

    private void disconnectQuietly() {
        mqtt.disconnect();
    }

    /** Disconnects and waits for it; the client cannot connect again. The session stays on the server. */
    @Override
    public void close() {
        closed = true;
        try {
            disconnect().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing anyway: the connection is gone or going, and the server keeps the session either way
        }
    }
}
