package io.mqchat.client;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.mqchat.client.groups.Group;
import io.mqchat.client.groups.GroupMessageStatus;
import io.mqchat.client.groups.Groups;
import io.mqchat.client.history.ConversationInfo;
import io.mqchat.client.history.HistoryQuery;
import io.mqchat.client.internal.CatchUp;
import io.mqchat.client.internal.ChangeDelivery;
import io.mqchat.client.internal.ChatState;
import io.mqchat.client.internal.Completions;
import io.mqchat.client.internal.ConnectRefusals;
import io.mqchat.client.internal.ConnectionChanges;
import io.mqchat.client.internal.ConversationList;
import io.mqchat.client.internal.CursorBook;
import io.mqchat.client.internal.Deduplicator;
import io.mqchat.client.internal.Delivery;
import io.mqchat.client.internal.DisappearingTimers;
import io.mqchat.client.internal.GroupDirectory;
import io.mqchat.client.internal.GroupReceiptTracker;
import io.mqchat.client.internal.GroupRequests;
import io.mqchat.client.internal.GroupState;
import io.mqchat.client.internal.HistoryQueries;
import io.mqchat.client.internal.HistoryRequests;
import io.mqchat.client.internal.ImageSource;
import io.mqchat.client.internal.InboundDispatcher;
import io.mqchat.client.internal.MediaEndpoint;
import io.mqchat.client.internal.MediaRefs;
import io.mqchat.client.internal.MessageIdSource;
import io.mqchat.client.internal.MySettings;
import io.mqchat.client.internal.Outbound;
import io.mqchat.client.internal.PendingRequests;
import io.mqchat.client.internal.PresenceBook;
import io.mqchat.client.internal.RecentShares;
import io.mqchat.client.internal.ReconnectPolicy;
import io.mqchat.client.internal.Scheduler;
import io.mqchat.client.internal.TokenSource;
import io.mqchat.client.media.ImageOptions;
import io.mqchat.client.media.ImageRef;
import io.mqchat.client.media.MediaIntegrityException;
import io.mqchat.client.media.MediaNotFoundException;
import io.mqchat.client.media.MediaRejectedException;
import io.mqchat.client.media.MediaUnavailableException;
import io.mqchat.client.presence.PresencePrivacy;
import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.presence.PresenceSubscription;
import io.mqchat.client.push.PushToken;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.DeviceAddress;
import io.mqchat.protocol.ErrorCode;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.MediaRef;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageIds;
import io.mqchat.protocol.MessageRef;
import io.mqchat.protocol.PushPlatform;
import io.mqchat.protocol.PushRequest;
import io.mqchat.protocol.Reply;
import io.mqchat.protocol.SettingsChange;
import io.mqchat.protocol.Topics;
import io.mqchat.protocol.Typing;
import io.mqchat.protocol.UserIds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

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
 * {@link #sendImage(Conversation, Path)} shares an image (uploaded to the server's media endpoint, see
 * {@link MqchatClientBuilder#mediaUri}) and {@link #downloadMedia(ImageRef)} fetches one that was shared.
 *
 * <p><b>History and catch-up.</b> {@link #history(Conversation)} pages a conversation and {@link #conversations()}
 * lists them, from the server's message archive. After every connect, and when the server says this device's
 * queue overflowed, the client catches up by itself: it asks the archive for what this device has not had (for
 * example what an overflowing queue dropped) and hands it to the message listener as
 * {@link Message.Origin#CATCH_UP}, while live messages wait. So each conversation reaches the app in order
 * ({@link Message#cursor()} order), oldest first, exactly once. The exceptions: when a queue overflows and this
 * client had nothing of a conversation before the connection (a fresh start of the app that keeps no
 * {@link MqchatClientBuilder#catchUpAfter record}), the dropped messages come after the newer ones that survived;
 * and after a new session or an overflow the client asks the archive once more ten seconds later, since what the
 * server routed while this device had no queue may reach the archive only after the first look, so such messages
 * come after newer live ones. A catch-up that fails is tried again by itself (after 2 s, doubling to a minute).
 * The messages that arrive while a catch-up runs (usually well under a second) are acknowledged as they reach the
 * client, not when the listener returned: the broker counts unacknowledged messages against the device's queue,
 * and a full queue would drop the archive's answers. For them DELIVERED means the client has them; an app that
 * stops before they were handed over finds them in {@link #history(Conversation) history}.
 *
 * <p><b>Edits, deletes and reactions.</b> {@link #edit(SentMessage, String)} changes the text of a message this user
 * sent, {@link #deleteForEveryone(SentMessage)} leaves a tombstone in its place, and {@link #react(Message, String)}
 * adds this user's one reaction to any message. The server checks each change against the message and applies it;
 * every participant's devices (this one included) then hear of it through the
 * {@link MqchatClientBuilder#onChange change listener}, and history shows messages with their changes applied.
 *
 * <p><b>Disappearing messages.</b> {@link #setDisappearing(Conversation, Duration)} turns a conversation's timer on
 * or off; messages sent while it is on carry it, whoever sends them (the client learns the timer from the timer
 * changes it sees and from {@link #conversations()}). A message that has expired is never handed to the app, and
 * the {@link MqchatClientBuilder#onExpired expiry listener} says when one the app has expires.
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
    private final DisappearingTimers timers = new DisappearingTimers();
    private final MessageIdSource ids;
    private final Delivery delivery;
    private final HistoryRequests history;
    private final PendingRequests<HistoryResponse> historyPending;
    private final PendingRequests<MessageChange> changesPending;
    private final MySettings mySettings = new MySettings();
    /** How long a read marker waits for the server to say, once per run, whether this user shares read receipts. */
    private static final Duration SETTINGS_WAIT = Duration.ofSeconds(2);
    private final CatchUp catchUp;
    private final Scheduler scheduler;
    private final boolean catchUpEnabled;
    private final MediaEndpoint media;
    private final RecentShares recentShares;
    /** True between connect() and disconnect(): whether the app wants this device online. */
    private volatile boolean online;
    private volatile boolean closed;

    MqchatClient(MqchatClientBuilder config, DeviceAddress address) {
        this.address = address;
        this.clock = config.clock;
        this.ids = new MessageIdSource(clock);
        this.sessionExpiry = config.sessionExpiry;
        this.tokens = new TokenSource(config.token, config.blockingExecutor);
        this.presence = new PresenceBook(config.listeners.presence(), new PresenceTopics());
        this.groupState = new GroupState(new GroupDirectory(address.user()),
                PendingRequests.groups(config.requestTimeout),
                new GroupReceiptTracker(address.user(), config.trackedGroupMessages,
                        config.listeners.groupMessageStatus()));
        Deduplicator deduplicator = new Deduplicator(config.dedupeCapacity);
        CursorBook book = new CursorBook(config.newestStored);
        // Timed tasks call the app's listeners: on its listener executor if it has one, never on the timer thread.
        Executor timerTasks = config.listenerExecutor != null ? config.listenerExecutor : config.blockingExecutor;
        this.scheduler = (task, delayMillis) ->
                CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS, timerTasks).execute(task);
        this.recentShares = new RecentShares(clock);
        Consumer<Message> appListener = config.listeners.messages();
        Consumer<Message> messages = message -> {
            // Before the app has it, so a download it starts at once knows the image is fresh.
            recentShares.handedOver(message);
            appListener.accept(message);
        };
        this.changesPending = PendingRequests.changes(config.requestTimeout);
        this.delivery = new Delivery(address.user(), clock, deduplicator, book, timers, messages,
                new ChangeDelivery(address.user(), clock, deduplicator, config.listeners.changes(), changesPending),
                config.listeners.expired(), scheduler);
        this.media = new MediaEndpoint(
                config.mediaUri != null ? config.mediaUri
                        : config.server.mediaUri(MqchatClientBuilder.DEFAULT_MEDIA_PORT),
                tokens, new MediaEndpoint.Retries(config.mediaRetries, config.mediaRetryBackoff), config.mediaTimeout);
        this.historyPending = PendingRequests.history(config.requestTimeout);
        this.catchUpEnabled = config.catchUp;
        this.inbound = new InboundDispatcher(address.user(), codec, deduplicator, config.listeners, presence,
                groupState, new ChatState(delivery, historyPending, this::catchUpAfterOverflow,
                changesPending, mySettings));
        this.reconnects = new ReconnectPolicy(address.clientId(), address.user(), tokens, () -> online,
                config.listeners.authenticationFailures(), this::disconnectQuietly, config.server.socketAddress());
        ConnectionChanges connectionChanges = new ConnectionChanges(config.connectionChanges);
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
                // Before the catch-up: the app hears that the connection is back before what it caught up.
                .addConnectedListener(connectionChanges)
                // Before the connection's first message is handled: live messages wait for what the catch-up finds.
                .addConnectedListener(this::catchUpAfterConnect)
                .addDisconnectedListener(reconnects)
                .addDisconnectedListener(connectionChanges);
        this.mqtt = config.server.applyTo(builder).buildAsync();
        this.outbound = new Outbound(mqtt);
        this.history = new HistoryRequests(address.user(), codec, outbound, historyPending);
        this.catchUp = new CatchUp(history, delivery, book, timers, config.catchUpLookBack, scheduler);
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
     * the futures of messages sent one after another complete in that order (so a callback on one must not wait for
     * a later one: that one completes only after it). Their callbacks run in that order too, unless another thread
     * waits on one of these futures ({@code get}, {@code join}): the JDK lets a waiting thread run the callbacks
     * itself, beside the ones that follow. DELIVERED and READ follow as receipts naming {@link SentMessage#id()}.
     * Fails with
     * {@link SendRejectedException} when the server refuses the message (for example
     * {@link ErrorCode#INVALID_RECIPIENT} or {@link ErrorCode#TOO_LARGE}); nothing is sent then.
     * While the connection is down the message waits and goes out after the reconnect. While the conversation's
     * {@link #disappearing disappearing timer} is on, the message carries it.
     */
    public CompletableFuture<SentMessage> send(String to, String text) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        String id = ids.next();
        // The same checks the server makes, answered without a round trip.
        if (!UserIds.isValidUserId(to)) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_RECIPIENT.wireName(), "'" + to + "' is not a valid user id"));
        }
        if (text.isEmpty()) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_ENVELOPE.wireName(), "text must not be empty"));
        }
        return sendText(Conversation.with(to), id, text);
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
        return sendToGroup(group, text, List.of());
    }

    /**
     * Sends a text message to every member of a group, mentioning {@code mentions} (at most 50 members; the app
     * shows them as {@code @bob} in the text as it likes): each mentioned member is notified of it even while
     * offline with the group muted, and finds them in {@link Message#mentions()}. Otherwise like
     * {@link #sendToGroup(String, String)}.
     */
    public CompletableFuture<SentMessage> sendToGroup(String group, String text, List<String> mentions) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mentions, "mentions");
        String id = ids.next();
        if (mentions.size() > ChatMessage.MAX_MENTIONS || !mentions.stream().allMatch(UserIds::isValidUserId)) {
            return CompletableFuture.failedFuture(new SendRejectedException(id, ErrorCode.INVALID_ENVELOPE.wireName(),
                    "mentions must be at most " + ChatMessage.MAX_MENTIONS + " valid user ids"));
        }
        if (!UserIds.isValidUserId(group)) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_RECIPIENT.wireName(), "'" + group + "' is not a valid group id"));
        }
        if (text.isEmpty()) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_ENVELOPE.wireName(), "text must not be empty"));
        }
        return publishTo(Conversation.group(group), id, ttl -> ChatMessage.text(id, text, ttl).mentioning(mentions),
                text, null);
    }

    /**
     * Sends a text that answers {@code original}, in the original's conversation (1-1 or group): every device gets it
     * with a quote of the original, its sender and the start of its text (200 characters), however old the original
     * is. From history the quote's text is the archive's own copy of the original; a quote of an original that has
     * disappeared says so and shows no text.
     * Completes at SENT like {@link #send(Conversation, String)}; {@link Message#quote()} has the quote.
     */
    public CompletableFuture<SentMessage> reply(Message original, String text) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(text, "text");
        String id = ids.next();
        if (original.id() == null || original.from() == null) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_ENVELOPE.wireName(), "only a message with a sender and an id can be answered"));
        }
        if (text.isEmpty()) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_ENVELOPE.wireName(), "text must not be empty"));
        }
        Reply quoted = Reply.to(original.id(), original.from(), Reply.excerptOf(original.text()));
        Function<Integer, ChatMessage> message = ttl -> ChatMessage.text(id, text, ttl).replying(quoted);
        return publishTo(original.conversation(), id, message, text, null);
    }

    /**
     * Forwards {@code original}, a text or an image with its caption, to {@code to} (a peer or a group), marked
     * forwarded ({@link Message#forwarded()}). An image is shared again without uploading it: the server lets the
     * new conversation download it because this user may. Carries {@code to}'s disappearing timer, not the
     * original's. Completes at SENT like {@link #send(Conversation, String)}.
     */
    public CompletableFuture<SentMessage> forward(Message original, Conversation to) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(to, "to");
        String id = ids.next();
        if (original.isTimerChange() || (original.text() == null && original.image() == null)) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_ENVELOPE.wireName(), "only a text or an image can be forwarded"));
        }
        if (!UserIds.isValidUserId(to.id())) {
            return CompletableFuture.failedFuture(new SendRejectedException(id,
                    ErrorCode.INVALID_RECIPIENT.wireName(), "'" + to.id() + "' is not a valid id"));
        }
        MediaRef media = original.image() == null ? null : MediaRefs.toMediaRef(original.image());
        Function<Integer, ChatMessage> message = ttl -> (media == null ? ChatMessage.text(id, original.text(), ttl)
                : ChatMessage.image(id, media, original.text(), ttl)).asForwarded();
        return publishTo(to, id, message, original.text(), original.image());
    }

    /** Publishes a chat message; in a group, tracking its members' receipts from the start. */
    private CompletableFuture<SentMessage> publishTo(Conversation conversation, String id,
                                                     Function<Integer, ChatMessage> message, String text,
                                                     ImageRef image) {
        if (!conversation.isGroup()) {
            return publishChat(conversation, id, message, text, image);
        }
        trackRecipients(id, conversation.id());
        return publishChat(conversation, id, message, text, image)
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        groupState.tracker().forget(id);
                    }
                });
    }

    /** Sends a checked text, with the conversation's disappearing timer if it is on. */
    private CompletableFuture<SentMessage> sendText(Conversation conversation, String id, String text) {
        return publishChat(conversation, id, ttl -> ChatMessage.text(id, text, ttl), text, null);
    }

    /**
     * Publishes the chat message that {@code message} builds for a ttl: the conversation's disappearing timer as it
     * is now, null when it is off. Tells the app when the message will disappear.
     */
    private CompletableFuture<SentMessage> publishChat(Conversation conversation, String id,
                                                       Function<Integer, ChatMessage> message, String text,
                                                       ImageRef image) {
        int ttl = timers.seconds(conversation);
        delivery.sending(id);
        ChatMessage chat = message.apply(ttl > 0 ? ttl : null);
        return outbound.publish(topicOf(conversation), codec.encode(chat), id).thenApply(acked -> {
            Instant now = clock.instant();
            Instant expiresAt = ttl > 0 ? now.plusSeconds(ttl) : null;
            if (expiresAt != null) {
                delivery.sent(id, conversation, expiresAt);
            }
            return new SentMessage(id, conversation.id(), text, now, conversation, expiresAt, image);
        });
    }

    /**
     * Replaces the text of {@code message}, which this device sent, with {@code newText} for everyone in the
     * conversation (for an image: its caption); see {@link #edit(Message, String)}.
     */
    public CompletableFuture<Void> edit(SentMessage message, String newText) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(newText, "newText");
        String id = ids.next();
        if (message.text() == null && message.image() == null) {
            return rejected(id, ErrorCode.INVALID_ENVELOPE, "a timer change cannot be edited");
        }
        if (newText.isEmpty()) {
            return rejected(id, ErrorCode.INVALID_ENVELOPE, "text must not be empty");
        }
        return publishChange(message.conversation(), MessageChange.edit(id, message.id(), newText));
    }

    /**
     * Replaces the text of {@code message}, one this user sent (from any device), with {@code newText} for everyone in
     * the conversation (for an image: its caption). Completes once the server applied the edit and it came back to
     * this device, after the {@link MqchatClientBuilder#onChange change listener} heard of it; every participant's
     * devices hear of it there. Fails with {@link SendRejectedException}: at once for an empty text, a message of
     * someone else or one deleted; from the server with {@link ErrorCode#NOT_FOUND} when the conversation has no
     * such message (any more), {@link ErrorCode#TOO_LATE} after the time the server allows for edits,
     * {@link ErrorCode#NOT_ALLOWED} for a deleted message. A refusal from the server reaches the
     * {@link MqchatClientBuilder#onError error listener} too, naming the edit's id (the exception's
     * {@link SendRejectedException#messageId()}). Fails with a {@link java.util.concurrent.TimeoutException} when the
     * server has not applied it within the {@link MqchatClientBuilder#requestTimeout request timeout}: it may still
     * apply it later, and the change listener then hears of it.
     */
    public CompletableFuture<Void> edit(Message message, String newText) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(newText, "newText");
        String id = ids.next();
        SendRejectedException unchangeable = unchangeable(id, message);
        if (unchangeable != null) {
            return CompletableFuture.failedFuture(unchangeable);
        }
        if (!message.sentByMe()) {
            return rejected(id, ErrorCode.NOT_ALLOWED, "only the sender edits a message");
        }
        if (message.isTimerChange()) {
            return rejected(id, ErrorCode.INVALID_ENVELOPE, "a timer change cannot be edited");
        }
        if (newText.isEmpty()) {
            return rejected(id, ErrorCode.INVALID_ENVELOPE, "text must not be empty");
        }
        return publishChange(message.conversation(), MessageChange.edit(id, message.id(), newText));
    }

    /**
     * Deletes {@code message}, which this device sent, for everyone in the conversation; see
     * {@link #deleteForEveryone(Message)}.
     */
    public CompletableFuture<Void> deleteForEveryone(SentMessage message) {
        Objects.requireNonNull(message, "message");
        String id = ids.next();
        return publishChange(message.conversation(),
                MessageChange.delete(id, new MessageRef(message.id(), address.user())));
    }

    /**
     * Deletes {@code message} for everyone in the conversation: a message this user sent, or in a group where this
     * user is an admin, any member's. Everyone's history keeps a tombstone in its place ({@link Message#deleted()}),
     * without text, image or reactions. Completes and fails like {@link #edit(Message, String)}; the server refuses a
     * member's message in a group this user does not administer with {@link ErrorCode#NOT_ALLOWED}.
     */
    public CompletableFuture<Void> deleteForEveryone(Message message) {
        Objects.requireNonNull(message, "message");
        String id = ids.next();
        SendRejectedException unchangeable = unchangeable(id, message);
        if (unchangeable != null) {
            return CompletableFuture.failedFuture(unchangeable);
        }
        if (!message.sentByMe() && !message.conversation().isGroup()) {
            return rejected(id, ErrorCode.NOT_ALLOWED, "only the sender deletes a message for everyone");
        }
        return publishChange(message.conversation(),
                MessageChange.delete(id, new MessageRef(message.id(), message.from())));
    }

    /**
     * Reacts to {@code message} with {@code emoji} (one emoji, with its modifiers: at most
     * {@value MessageChange#MAX_EMOJI} chars), replacing this user's earlier reaction to it: a user has at most one
     * reaction per message. Every participant sees it in {@link Message#reactions()}. Completes and fails like
     * {@link #edit(Message, String)}; a reaction to a deleted message is refused.
     */
    public CompletableFuture<Void> react(Message message, String emoji) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(emoji, "emoji");
        String id = ids.next();
        if (emoji.isEmpty() || emoji.length() > MessageChange.MAX_EMOJI) {
            return rejected(id, ErrorCode.INVALID_ENVELOPE, "an emoji is 1 to " + MessageChange.MAX_EMOJI
                    + " characters (removeReaction takes a reaction away)");
        }
        return publishReaction(id, message, emoji);
    }

    /**
     * Takes this user's reaction to {@code message} away. Completes and fails like {@link #edit(Message, String)},
     * also when this user had no reaction to it.
     */
    public CompletableFuture<Void> removeReaction(Message message) {
        Objects.requireNonNull(message, "message");
        return publishReaction(ids.next(), message, null);
    }

    private CompletableFuture<Void> publishReaction(String id, Message message, String emoji) {
        SendRejectedException unchangeable = unchangeable(id, message);
        if (unchangeable != null) {
            return CompletableFuture.failedFuture(unchangeable);
        }
        return publishChange(message.conversation(),
                MessageChange.reaction(id, new MessageRef(message.id(), message.from()), emoji));
    }

    /** The refusal of change {@code id} when the server would refuse every change of {@code message}; else null. */
    private static SendRejectedException unchangeable(String id, Message message) {
        if (message.id() == null || message.from() == null) {
            return new SendRejectedException(id, ErrorCode.INVALID_ENVELOPE.wireName(),
                    "only a message with a sender and an id can be changed");
        }
        if (message.deleted()) {
            return new SendRejectedException(id, ErrorCode.NOT_ALLOWED.wireName(),
                    "a deleted message cannot be changed");
        }
        return null;
    }

    /**
     * Publishes a change like a message, to the conversation's send topic. The PUBACK only says the server has it:
     * the future waits until the archive applied it and it came back, or refused it.
     */
    private CompletableFuture<Void> publishChange(Conversation conversation, MessageChange change) {
        // Before publishing: the applied change may come back before the PUBACK's future completes.
        CompletableFuture<MessageChange> applied = changesPending.register(change.id(), change.id());
        outbound.publish(topicOf(conversation), codec.encode(change), change.id())
                .whenComplete((acked, failure) -> {
                    if (failure != null) {
                        changesPending.failed(change.id(), failure);
                    }
                });
        return applied.thenAccept(done -> { });
    }

    private static CompletableFuture<Void> rejected(String id, ErrorCode code, String detail) {
        return CompletableFuture.failedFuture(new SendRejectedException(id, code.wireName(), detail));
    }

    /** Sends the image in {@code file} to a peer or a group; see {@link #sendImage(Conversation, Path, ImageOptions)}. */
    public CompletableFuture<SentMessage> sendImage(Conversation to, Path file) {
        return sendImage(to, file, ImageOptions.none());
    }

    /**
     * Sends an image held in memory to a peer or a group; see {@link #sendImage(Conversation, Path, ImageOptions)}.
     * The array is not copied: leave it unchanged until the future completes.
     */
    public CompletableFuture<SentMessage> sendImage(Conversation to, byte[] image) {
        return sendImage(to, image, ImageOptions.none());
    }

    /**
     * Sends the image in {@code file} to a peer or a group, with a caption and an upload progress listener as
     * {@code options} say. The image is uploaded to the server's {@link MqchatClientBuilder#mediaUri media endpoint}
     * first (JPEG, PNG, GIF or WebP, at most 16 MiB by default), then an image message carrying the endpoint's
     * reference and thumbnail goes to the conversation like a text message. Completes at SENT of that message;
     * {@link SentMessage#image()} is the reference. While the conversation's {@link #disappearing disappearing timer}
     * is on, the message carries it; once no message that shares the image is left, the server deletes the image.
     *
     * <p>An upload that fails in a way that may pass (network, timeout, endpoint unavailable) is tried again with
     * backoff ({@link MqchatClientBuilder#mediaRetries}); repeating it is safe, because the endpoint stores the same
     * image once and answers with the same reference (so an image sent twice is stored once too). Fails with
     * {@link MediaRejectedException} when the endpoint refuses the image (for example {@code too_large},
     * {@code unsupported_type}, {@code corrupt_image}), {@link MediaUnavailableException} when it stayed unreachable,
     * an {@link java.io.UncheckedIOException} when the file cannot be read, and like
     * {@link #send(Conversation, String)} when the message is refused; no message is sent then (an uploaded image
     * that no message shares is deleted by the server after a day).
     */
    public CompletableFuture<SentMessage> sendImage(Conversation to, Path file, ImageOptions options) {
        return sendImage(to, ImageSource.of(file), options);
    }

    /**
     * Sends an image held in memory to a peer or a group; see {@link #sendImage(Conversation, Path, ImageOptions)}.
     * The array is not copied: leave it unchanged until the future completes.
     */
    public CompletableFuture<SentMessage> sendImage(Conversation to, byte[] image, ImageOptions options) {
        return sendImage(to, ImageSource.of(image), options);
    }

    private CompletableFuture<SentMessage> sendImage(Conversation to, ImageSource image, ImageOptions options) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(options, "options");
        String id = ids.next();
        String caption = options.caption();
        return media.upload(image, options.progress()).thenCompose(ref -> {
            Function<Integer, ChatMessage> message = ttl -> ChatMessage.image(id, ref, caption, ttl);
            return publishTo(to, id, message, caption, MediaRefs.toImage(ref));
        });
    }

    /**
     * Downloads a shared image from the server's {@link MqchatClientBuilder#mediaUri media endpoint} and checks its
     * bytes against the reference's SHA-256. A user may download what it uploaded and what was shared in a
     * conversation it belongs to (in a group: sent while it was a member), while the message that shared it has not
     * disappeared. Fails with {@link MediaNotFoundException} otherwise (the server does not say which: not found or
     * not shared with you), {@link MediaIntegrityException} when the bytes do not match, and like an upload for
     * other failures (retried the same way). For an image from a message that has just arrived, a "not found" is
     * asked again for a few seconds: the server may still be recording the message.
     */
    public CompletableFuture<byte[]> downloadMedia(ImageRef image) {
        Objects.requireNonNull(image, "image");
        return media.download(image, recentShares::mayBeRecording);
    }

    private static String topicOf(Conversation conversation) {
        return conversation.isGroup() ? Topics.sendToGroup(conversation.id()) : Topics.send(conversation.id());
    }

    /**
     * Turns disappearing messages on for a conversation (1-1 or group), changes their timer, or turns them off
     * ({@link Duration#ZERO}). The change is a system message in the conversation (a {@link Message} whose
     * {@link Message#isTimerChange()} is true, for everyone in it and this user's other devices) and applies to
     * messages sent after it, by anyone. The server offers a fixed set of timers (by default 24 hours, 7 days and
     * 90 days) and refuses others with {@link ErrorCode#INVALID_ENVELOPE}. Completes at SENT.
     *
     * @throws IllegalArgumentException for a negative timer, one that is not whole seconds, or one over a year
     */
    public CompletableFuture<SentMessage> setDisappearing(Conversation conversation, Duration timer) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(timer, "timer");
        if (timer.isNegative() || timer.getNano() != 0 || timer.getSeconds() > ChatMessage.MAX_TTL_SECONDS) {
            throw new IllegalArgumentException("a disappearing timer is 0 (off) or whole seconds up to "
                    + ChatMessage.MAX_TTL_SECONDS + ": " + timer);
        }
        int seconds = (int) timer.getSeconds();
        String id = ids.next();
        delivery.sending(id);
        // Messages sent from now on carry the new timer, even before the server acknowledged the change: they
        // follow it on the same connection, in order.
        Runnable undo = timers.setByMe(conversation, seconds,
                new io.mqchat.protocol.Cursor(clock.millis(), address.user(), id));
        return outbound.publish(topicOf(conversation), codec.encode(ChatMessage.timerChange(id, seconds)), id)
                .whenComplete((acked, failure) -> {
                    if (failure != null) {
                        undo.run();
                    }
                })
                .thenApply(acked -> new SentMessage(id, conversation.id(), null, clock.instant(), conversation));
    }

    /**
     * The conversation's disappearing timer as this client knows it ({@link Duration#ZERO}: off): from timer
     * changes it received, caught up or sent and from {@link #conversations()}. Messages sent now carry it.
     */
    public Duration disappearing(Conversation conversation) {
        return Duration.ofSeconds(timers.seconds(Objects.requireNonNull(conversation, "conversation")));
    }

    /**
     * A page of a conversation's history from the server's archive, to be narrowed before it is fetched:
     * {@code client.history(conversation).before(cursor).limit(50).fetch()}. Pages come oldest message first and
     * never hold a message that has disappeared. A user reads its own 1-1 conversations, and of a group only what
     * was sent while it has been a member.
     */
    public HistoryQuery history(Conversation conversation) {
        return HistoryQueries.of(history, delivery, Objects.requireNonNull(conversation, "conversation"));
    }

    /**
     * This user's conversations, newest change first: each with its last message, unread count and disappearing
     * timer. Fails like {@link HistoryQuery#fetch()}.
     */
    public CompletableFuture<List<ConversationInfo>> conversations() {
        return conversations(null);
    }

    /**
     * How many messages this user has not read, in all conversations (each counting at most 1000), as the server's
     * archive counts them: the badge on the app's icon, as the server also sets it in push notifications. Fails like
     * {@link HistoryQuery#fetch()}.
     */
    public CompletableFuture<Integer> unreadCount() {
        return history.unread().thenApply(HistoryResponse::unread);
    }

    /** This user's conversations that changed after {@code since} (server time); all of them when null. */
    public CompletableFuture<List<ConversationInfo>> conversations(Instant since) {
        return history.conversations(since == null ? null : since.toEpochMilli())
                .thenApply(answer -> ConversationList.of(answer, address.user(), clock, timers));
    }

    /**
     * Catches up now: fetches from the archive what this device has not had in the conversations changed since
     * the last catch-up, and hands it to the message listener, oldest first, before live messages that arrive
     * meanwhile. The client does this by itself after every connect and when the server says this device's
     * queue overflowed; an app may add a pull-to-refresh. Completes once everything found was handed over; fails
     * like {@link HistoryQuery#fetch()}, or at once with IllegalStateException when catch-up is
     * {@link MqchatClientBuilder#catchUp(boolean) off}.
     */
    public CompletableFuture<Void> catchUp() {
        if (!catchUpEnabled) {
            return CompletableFuture.failedFuture(new IllegalStateException("catch-up is off for this client"));
        }
        return catchUp.start(CatchUp.Trigger.APP);
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
        return mySettings.sharedOnceKnown(SETTINGS_WAIT).thenCompose(shared ->
                outbound.publish(Topics.read(peer), codec.encodeReadMarker(upToMessageId, shared), upToMessageId));
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
        return mySettings.sharedOnceKnown(SETTINGS_WAIT).thenCompose(shared -> outbound.publish(
                Topics.readInGroup(conversation.id()), codec.encodeReadMarker(upToMessageId, shared), upToMessageId));
    }

    /**
     * Turns this user's read receipts off (or on again), on all of its devices: while off, its read markers reach only
     * its own devices (the others get no READ from it) and it sees no one's READ receipts and no peer's read position
     * in {@link #conversations()}, as in WhatsApp. The server keeps the setting; this user's other devices learn it
     * from the answer, and every device asks for it when it connects. Completes once the server kept it.
     */
    public CompletableFuture<Void> setReadReceipts(boolean on) {
        return changeSettings(SettingsChange.readReceipts(on)).thenAccept(blocked -> { });
    }

    /** True while this user shares read receipts, as the server last said (on until it said otherwise). */
    public boolean sharesReadReceipts() {
        return mySettings.shared();
    }

    /**
     * Blocks {@code user} on all of this user's devices, as in WhatsApp: what it sends this user one to one (messages,
     * edits, reactions, typing) and its presence no longer reach any of them, online or offline, nor this user's
     * history, also after an unblock; it still sees its messages SENT, never DELIVERED (a READ after the unblock
     * covers them, as a read position). It cannot add this user to a group, and this user cannot send it messages
     * ({@link ErrorCode#BLOCKED}) until it unblocks it. Groups both are in still carry its messages. Completes with
     * whom this user now blocks, once the server kept it.
     */
    public CompletableFuture<List<String>> block(String user) {
        return changeSettings(SettingsChange.block(Conversation.with(user).id()));
    }

    /** Unblocks {@code user}: what it sends from now on reaches this user again. Completes with whom it blocks now. */
    public CompletableFuture<List<String>> unblock(String user) {
        return changeSettings(SettingsChange.unblock(Conversation.with(user).id()));
    }

    /** Whom this user blocked, as the server last said (asked at every connect; empty until it answered). */
    public List<String> blockedUsers() {
        return mySettings.blocked();
    }

    private CompletableFuture<List<String>> changeSettings(SettingsChange change) {
        return history.settings(change).thenApply(answer -> {
            mySettings.learn(answer.settings());
            return answer.settings().blocked();
        });
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

    /**
     * Registers this device's push token, replacing the one it had, so that the server can wake the app through
     * APNs or FCM while it is not connected. Register again whenever the platform hands the app a new token.
     * Completes when the server accepted the request (the presence service stores it in the order sent); fails with
     * a {@link SendRejectedException} when the server refused it.
     */
    public CompletableFuture<Void> registerPushToken(PushToken token) {
        Objects.requireNonNull(token, "token");
        PushPlatform platform = PushPlatform.fromWireName(token.platform()).orElseThrow();
        return pushRequest(PushRequest.register(platform, token.token(), token.environment(), token.app(),
                token.isSilent()));
    }

    /**
     * Removes this device's push token: the server stops waking the app on this device (the user signed out of it,
     * or turned notifications off). Completes when the server accepted the request.
     */
    public CompletableFuture<Void> removePushToken() {
        return pushRequest(PushRequest.remove());
    }

    /**
     * Mutes the notifications of {@code conversation} for this user, on all of its devices, until {@code until}:
     * its messages still arrive, only the push notification is left out. Completes when the server accepted it.
     */
    public CompletableFuture<Void> mute(Conversation conversation, Instant until) {
        Objects.requireNonNull(until, "until");
        return publishMute(conversation, until.toEpochMilli());
    }

    /** Mutes the notifications of {@code conversation} for this user until {@link #unmute unmuted}. */
    public CompletableFuture<Void> mute(Conversation conversation) {
        return publishMute(conversation, null);
    }

    /** Notifications of {@code conversation} again. Completes when the server accepted it. */
    public CompletableFuture<Void> unmute(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return pushRequest(conversation.isGroup() ? PushRequest.unmuteGroup(conversation.id())
                : PushRequest.unmuteWith(conversation.id()));
    }

    private CompletableFuture<Void> publishMute(Conversation conversation, Long until) {
        Objects.requireNonNull(conversation, "conversation");
        return pushRequest(conversation.isGroup() ? PushRequest.muteGroup(conversation.id(), until)
                : PushRequest.muteWith(conversation.id(), until));
    }

    private CompletableFuture<Void> pushRequest(PushRequest request) {
        return outbound.publish(Topics.pushRequests(), codec.encode(request), null);
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

    private void catchUpAfterConnect(MqttClientConnectedContext context) {
        if (!catchUpEnabled) {
            return;
        }
        boolean sessionPresent = !(context instanceof Mqtt5ClientConnectedContext connected)
                || connected.getConnAck().isSessionPresent();
        if (!sessionPresent) {
            // Answers to requests sent in the old session will never come.
            historyPending.abandonAll(new MqchatException("the server lost this device's session; ask again"));
            changesPending.abandonAll(new MqchatException("the server lost this device's session: the change may "
                    + "have been applied all the same, history shows"));
        }
        // Requests wait for a confirmed subscription: a new session has none yet, and the archive answered a request
        // sent right after CONNACK before the SUBSCRIBE that followed it took effect (seen in tests). Subscribing
        // again, also where the session kept its subscription (and connect() does too), is harmless.
        CompletableFuture<?> subscribed = mqtt.subscribeWith().topicFilter(Topics.userTree(address.user()))
                .qos(MqttQos.AT_LEAST_ONCE).send();
        catchUp.connected(sessionPresent, subscribed);
        // Read receipts may have been turned off or on from another device meanwhile; the answer sets them.
        subscribed.thenCompose(granted -> history.settings(null)).exceptionally(failure -> null);
    }

    private void catchUpAfterOverflow() {
        if (catchUpEnabled) {
            catchUp.start(CatchUp.Trigger.OVERFLOW);
        }
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
        inbound.dispatch(publish.getPayloadAsBytes(), publish::acknowledge);
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
        catchUp.close();
        delivery.close();
        try {
            disconnect().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing anyway: the connection is gone or going, and the server keeps the session either way
        }
    }
}
