package io.mqchat.client;

import io.mqchat.client.groups.GroupEvent;
import io.mqchat.client.groups.GroupMessageStatus;
import io.mqchat.client.internal.Deduplicator;
import io.mqchat.client.internal.GroupReceiptTracker;
import io.mqchat.client.internal.Listeners;
import io.mqchat.client.internal.ServerAddress;
import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.typing.TypingSignal;
import io.mqchat.protocol.DeviceAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
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
    Listeners listeners = Listeners.none();

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

    /** This app's user id; it must match the token's subject. */
    public MqchatClientBuilder user(String user) {
        this.user = user;
        return this;
    }

    /** This device's id, unique among the user's devices and stable across restarts (it names the offline queue). */
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

    /** The clock that timestamps {@link SentMessage}s; for tests. */
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

    /** How long a group request waits for the server's answer before failing; default 30 s. */
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
     * Called once per chat message that reaches this device, in order, including copies of what this user
     * sent from another device. When it returns, the server sends the sender a DELIVERED receipt.
     */
    public MqchatClientBuilder onMessage(Consumer<Message> listener) {
        listeners = listeners.withMessages(Objects.requireNonNull(listener, "listener"));
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

    /** Called when the server refused a request of this user, from any of the user's devices. */
    public MqchatClientBuilder onError(Consumer<ServerError> listener) {
        listeners = listeners.withErrors(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Called when this device's offline queue overflowed and messages must be recovered from history. */
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
