package io.mqchat.client;

import io.mqchat.client.groups.GroupEvent;
import io.mqchat.client.groups.GroupMessageStatus;
import io.mqchat.client.history.Cursor;
import io.mqchat.client.internal.Deduplicator;
import io.mqchat.client.internal.GroupReceiptTracker;
import io.mqchat.client.internal.Listeners;
import io.mqchat.client.internal.ServerAddress;
import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.typing.TypingSignal;
import io.mqchat.protocol.DeviceAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Configures an {@link MqchatClient}. Required: {@link #user}, {@link #device} and a {@link #token}; the server
 * defaults to {@code tcp://127.0.0.1:1883}. Listeners are set here, before the client exists, because the
 * server hands over queued messages right after connecting.
 */
public final class MqchatClientBuilder {

    /** What the client asks for; the server may cap it. */
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(30);
    public static final Duration DEFAULT_RECONNECT_INITIAL_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MAX_DELAY = Duration.ofSeconds(60);
    /** Long enough for an answer across a reconnect; a request still unanswered then is likely lost. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** As long as a full default queue ({@code queue.limit} 10,000) lasts a busy chat: about a week. */
    public static final Duration DEFAULT_CATCH_UP_LOOK_BACK = Duration.ofDays(7);
    /** The media endpoint's port when {@link #mediaUri} is not set: the server's default {@code media.port}. */
    public static final int DEFAULT_MEDIA_PORT = 8090;
    /** Waits of 0.5, 1, 2 and 4 s: a phone between two cells, or a media endpoint restarting, is back by then. */
    public static final int DEFAULT_MEDIA_RETRIES = 4;
    public static final Duration DEFAULT_MEDIA_RETRY_BACKOFF = Duration.ofMillis(500);
    /** Long enough for the endpoint's largest image (16 MiB) over a slow mobile link. */
    public static final Duration DEFAULT_MEDIA_TIMEOUT = Duration.ofMinutes(2);

    ServerAddress server = ServerAddress.localDefault();
    String user;
    String device;
    Supplier<String> token;
    Duration sessionExpiry = DEFAULT_SESSION_EXPIRY;
    Duration reconnectInitialDelay = DEFAULT_RECONNECT_INITIAL_DELAY;
    Duration reconnectMaxDelay = DEFAULT_RECONNECT_MAX_DELAY;
    Clock clock = Clock.systemUTC();
    Executor listenerExecutor;
    Executor blockingExecutor = ForkJoinPool.commonPool();
    int dedupeCapacity = Deduplicator.DEFAULT_CAPACITY;
    Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    int trackedGroupMessages = GroupReceiptTracker.DEFAULT_CAPACITY;
    boolean catchUp = true;
    Duration catchUpLookBack = DEFAULT_CATCH_UP_LOOK_BACK;
    Function<Conversation, Optional<Cursor>> newestStored = conversation -> Optional.empty();
    URI mediaUri;
    int mediaRetries = DEFAULT_MEDIA_RETRIES;
    Duration mediaRetryBackoff = DEFAULT_MEDIA_RETRY_BACKOFF;
    Duration mediaTimeout = DEFAULT_MEDIA_TIMEOUT;
    Listeners listeners = Listeners.none();
    Consumer<ConnectionChange> connectionChanges = change -> { };

    MqchatClientBuilder() {
    }

    /** The broker's host name or address, for MQTT over TCP unless {@link #serverUri} said otherwise. */
    public MqchatClientBuilder serverHost(String host) {
        server = server.withHost(host);
        return this;
    }

    public MqchatClientBuilder serverPort(int port) {
        server = server.withPort(port);
        return this;
    }

    /**
     * The broker as a URI: {@code tcp://host:1883}, {@code ssl://host:8883}, {@code ws://host:8083/mqtt}
     * or {@code wss://host/mqtt}.
     */
    public MqchatClientBuilder serverUri(String uri) {
        server = ServerAddress.parse(uri);
        return this;
    }

    /**
     * The server's HTTP media endpoint, where {@link MqchatClient#sendImage images} are uploaded and
     * {@link MqchatClient#downloadMedia downloaded}: {@code http://host:8090}, or {@code https://host/chat} behind a
     * reverse proxy (the endpoint lies at {@code media} below the path). Requests carry the same {@link #token} as
     * MQTT, as a Bearer token. By default: the MQTT server's host, port {@value #DEFAULT_MEDIA_PORT}, over
     * {@code http}, or {@code https} when MQTT uses TLS ({@code ssl://}, {@code wss://}).
     *
     * @throws IllegalArgumentException for a URI that is not an absolute http or https URI without query or fragment
     */
    public MqchatClientBuilder mediaUri(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the media endpoint must be an http:// or https:// URI with a host"
                    + " and no query or fragment: " + uri);
        }
        this.mediaUri = uri;
        return this;
    }

    /**
     * How often a media upload or download that failed in a way that may pass (a network error, a timeout, the
     * endpoint answering 502/503/504) is tried again, the first time after {@code initialBackoff}, then after
     * doubling waits; default 4 retries from 0.5 s. Refusals (4xx) are never retried. Repeating an upload is safe:
     * the endpoint stores the same image once.
     */
    public MqchatClientBuilder mediaRetries(int retries, Duration initialBackoff) {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (retries < 0 || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("media retries and their backoff must not be negative");
        }
        this.mediaRetries = retries;
        this.mediaRetryBackoff = initialBackoff;
        return this;
    }

    /** How long one media upload or download attempt may wait for the endpoint's answer; default 2 minutes. */
    public MqchatClientBuilder mediaTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("media timeout must be positive: " + timeout);
        }
        this.mediaTimeout = timeout;
        return this;
    }

    /** This app's user id; it must match the token's subject. */
    public MqchatClientBuilder user(String user) {
        this.user = user;
        return this;
    }

    /**
     * This device's id, unique among the user's devices and stable across restarts (it names the offline queue).
     * The people this user messages see it in DELIVERED receipts: use an opaque id (e.g. random, made at install),
     * not a name such as "work-laptop".
     */
    public MqchatClientBuilder device(String device) {
        this.device = device;
        return this;
    }

    /** A fixed token (JWT). Prefer {@link #token(Supplier)} when tokens expire while the app runs. */
    public MqchatClientBuilder token(String token) {
        Objects.requireNonNull(token, "token");
        this.token = () -> token;
        return this;
    }

    /** Asked for a token before every connection attempt, so reconnects use a fresh one. May block. */
    public MqchatClientBuilder token(Supplier<String> token) {
        this.token = Objects.requireNonNull(token, "token");
        return this;
    }

    /** How long the server keeps this device's session and queue while it is offline; default 30 days. */
    public MqchatClientBuilder sessionExpiry(Duration expiry) {
        if (expiry.isNegative() || expiry.toSeconds() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("session expiry must be 0 to 2^32-1 seconds: " + expiry);
        }
        this.sessionExpiry = expiry;
        return this;
    }

    /** Backoff between reconnect attempts: starts at {@code initial}, doubles, never exceeds {@code max}. */
    public MqchatClientBuilder reconnectDelay(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("reconnect delays must satisfy 0 < initial <= max");
        }
        this.reconnectInitialDelay = initial;
        this.reconnectMaxDelay = max;
        return this;
    }

    /**
     * The clock that timestamps {@link SentMessage}s and decides when disappearing messages have expired; for
     * tests.
     */
    public MqchatClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Where listeners run, one event at a time and in arrival order. By default they run on the MQTT
     * client's own threads, so a listener should return quickly either way.
     */
    public MqchatClientBuilder listenerExecutor(Executor executor) {
        this.listenerExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** Where the token supplier and the authentication-failure listener run; default the common pool. */
    public MqchatClientBuilder blockingExecutor(Executor executor) {
        this.blockingExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** How many recent messages are remembered to drop re-deliveries; default 10,000. */
    public MqchatClientBuilder dedupeCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("dedupe capacity must be at least 1: " + capacity);
        }
        this.dedupeCapacity = capacity;
        return this;
    }

    /**
     * How long a group or history request, and an edit, delete or reaction, waits for the server's answer before
     * failing; default 30 s.
     */
    public MqchatClientBuilder requestTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive: " + timeout);
        }
        this.requestTimeout = timeout;
        return this;
    }

    /**
     * Of how many recently sent group messages the receipts are summed up (see
     * {@link MqchatClient#groupMessageStatus}); older ones are forgotten first. Default 1,000.
     */
    public MqchatClientBuilder trackedGroupMessages(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("tracked group messages must be at least 1: " + count);
        }
        this.trackedGroupMessages = count;
        return this;
    }

    /**
     * Whether the client catches up from the server's archive by itself: after every connect and when the server
     * says this device's queue overflowed (see {@link MqchatClient}). Default on. Turn it off for a server without
     * the message archive: there, live messages would wait a few seconds after every connect for an answer that
     * never comes.
     */
    public MqchatClientBuilder catchUp(boolean enabled) {
        this.catchUp = enabled;
        return this;
    }

    /**
     * After a queue overflow, how far back the catch-up reaches in a conversation this client has nothing of yet
     * (and {@link #catchUpAfter} does not know); default 7 days. Messages that old may have reached an earlier run
     * of the app already: they come again, as {@link Message.Origin#CATCH_UP}.
     */
    public MqchatClientBuilder catchUpLookBack(Duration lookBack) {
        if (lookBack.isNegative()) {
            throw new IllegalArgumentException("look-back must not be negative: " + lookBack);
        }
        this.catchUpLookBack = lookBack;
        return this;
    }

    /**
     * The app's own record of the newest message it keeps per conversation ({@link Message#cursor()}), for an app
     * that stores messages: the catch-up then pages after it instead of looking back, across restarts of the app.
     * Called on the client's threads, during catch-up and before this client hands over a conversation's first
     * message (what the app records from then on may lie beyond messages a catch-up has still to fetch); it should
     * answer quickly.
     */
    public MqchatClientBuilder catchUpAfter(Function<Conversation, Optional<Cursor>> newestStored) {
        this.newestStored = Objects.requireNonNull(newestStored, "newestStored");
        return this;
    }

    /**
     * Called once per chat message that reaches this device, including copies of what this user sent from another
     * device, timer changes, and what the catch-up found ({@link Message#origin()}). Each conversation arrives in
     * order; see {@link MqchatClient} for the one exception. A disappearing message that has expired is never
     * handed over. When the listener returns for a message the server pushed, the server sends the sender a
     * DELIVERED receipt.
     */
    public MqchatClientBuilder onMessage(Consumer<Message> listener) {
        listeners = listeners.withMessages(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Called once per change of a message in this user's conversations: an edit, a delete for everyone or a
     * reaction, by anyone, this user's own changes (from this or another device) included, so the app updates its
     * view here whoever changed the message. Changes come in the order the server applied them and, like live
     * messages, wait while a catch-up runs, so the message they change comes first; a caught-up message already shows
     * the changes applied to it, and they may still follow. A change that an overflowing queue dropped is not caught
     * up: {@link MqchatClient#history history} shows its message as it is now.
     */
    public MqchatClientBuilder onChange(Consumer<MessageChanged> listener) {
        listeners = listeners.withChanges(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Called when a disappearing message the app has (received, caught up, paged, or sent from this device)
     * expires: the app must drop it. Called once per message, on the listener executor or a timer thread, never at
     * the same time as another listener of this client.
     */
    public MqchatClientBuilder onExpired(Consumer<ExpiredMessage> listener) {
        listeners = listeners.withExpired(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Called when a recipient's device received a message this user sent (DELIVERED). */
    public MqchatClientBuilder onDelivered(Consumer<DeliveryReceipt> listener) {
        listeners = listeners.withDelivered(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Called when a peer read this user's messages, or this user read a conversation on another device. */
    public MqchatClientBuilder onRead(Consumer<ReadReceipt> listener) {
        listeners = listeners.withRead(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Called when the server refused a request of this user, from any of the user's devices. A refused edit, delete
     * or reaction of this device comes here too, besides failing its own future.
     */
    public MqchatClientBuilder onError(Consumer<ServerError> listener) {
        listeners = listeners.withErrors(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Called when this device's offline queue overflowed. The catch-up recovers the dropped messages by itself
     * (unless it is {@link #catchUp(boolean) off}).
     */
    public MqchatClientBuilder onQueueOverflow(Consumer<QueueOverflow> listener) {
        listeners = listeners.withOverflows(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Called when the presence of a user this device watches (see {@link MqchatClient#presence(String)}) arrives
     * or changes, for every watched user.
     */
    public MqchatClientBuilder onPresence(Consumer<PresenceState> listener) {
        listeners = listeners.withPresence(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Called when a peer or a member of one of this user's groups starts or stops typing. */
    public MqchatClientBuilder onTyping(Consumer<TypingSignal> listener) {
        listeners = listeners.withTyping(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Called once per change of a group this user belongs to: created, members added or removed, renamed. */
    public MqchatClientBuilder onGroupEvent(Consumer<GroupEvent> listener) {
        listeners = listeners.withGroupEvents(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Called whenever the summary of a group message this device sent changes: another member has it or read
     * it, or its recipients became known. {@link GroupMessageStatus#deliveredToAll()} and
     * {@link GroupMessageStatus#readByAll()} tell when every member has.
     */
    public MqchatClientBuilder onGroupMessageStatus(Consumer<GroupMessageStatus> listener) {
        listeners = listeners.withGroupMessageStatus(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Called when the server refuses this device's credentials, at {@link MqchatClient#connect()} or on a
     * reconnect; the client then stays offline until the app connects again with a valid token.
     */
    public MqchatClientBuilder onAuthenticationFailed(Consumer<AuthenticationException> listener) {
        listeners = listeners.withAuthenticationFailures(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Called when the connection comes up (the first connect, every reconnect) and when it goes down, before the
     * catch-up that follows a connect hands anything over. It runs on the MQTT client's thread: return quickly.
     */
    public MqchatClientBuilder onConnectionChange(Consumer<ConnectionChange> listener) {
        connectionChanges = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Builds a client; it does not connect yet. */
    public MqchatClient build() {
        if (user == null || device == null) {
            throw new IllegalStateException("user and device are required");
        }
        if (token == null) {
            throw new IllegalStateException("a token is required");
        }
        return new MqchatClient(this, new DeviceAddress(user, device));
    }
}
