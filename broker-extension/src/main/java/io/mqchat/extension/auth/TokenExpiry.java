package io.mqchat.extension.auth;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ends a connection when the token it authenticated with expires: a token is checked once, at CONNECT, so without
 * this a connection would outlive a revoked account by as long as it stays up. MQTT 5 clients get a DISCONNECT with
 * MAXIMUM_CONNECT_TIME (0xA0) and "token expired"; MQTT 3.1.1 clients are disconnected. A client reconnects with a
 * fresh token and finds its persistent session, so nothing is lost.
 *
 * <p>A timer per connection, cancelled when the connection ends. A connection that takes over its client id gets a
 * timer of its own; the old connection's timer can never end the new one.
 */
public final class TokenExpiry implements ClientLifecycleEventListener {

    /** MQTT 5's reason string for the DISCONNECT. */
    public static final String REASON = "token expired";

    private static final String VALID_UNTIL = "mqchat.token-valid-until";
    private static final String TIMER = "mqchat.token-timer";

    private final ClientService clients;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    public TokenExpiry(ClientService clients, ScheduledExecutorService scheduler, Clock clock) {
        this.clients = clients;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Notes on the connection being authenticated when its token stops being valid; called by the authenticator. */
    static void remember(ConnectionAttributeStore attributes, Instant validUntil) {
        attributes.putAsString(VALID_UNTIL, Long.toString(validUntil.toEpochMilli()));
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        ConnectionAttributeStore attributes = input.getConnectionInformation().getConnectionAttributeStore();
        Optional<String> validUntil = attributes.getAsString(VALID_UNTIL);
        if (validUntil.isEmpty()) {
            return;
        }
        String clientId = input.getClientInformation().getClientId();
        String id = Long.toString(sequence.incrementAndGet());
        attributes.putAsString(TIMER, id);
        long delay = Math.max(0, Long.parseLong(validUntil.get()) - clock.millis());
        Timer timer = new Timer(id);
        Timer replaced = timers.put(clientId, timer);
        if (replaced != null) {
            // The connection it replaces is being taken over and ends anyway.
            replaced.cancel();
        }
        timer.future = scheduler.schedule(() -> expire(clientId, timer), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        Optional<String> id = input.getConnectionInformation().getConnectionAttributeStore().getAsString(TIMER);
        if (id.isEmpty()) {
            return;
        }
        timers.computeIfPresent(input.getClientInformation().getClientId(), (clientId, timer) -> {
            if (!timer.id.equals(id.get())) {
                return timer;
            }
            timer.cancel();
            return null;
        });
    }

    private void expire(String clientId, Timer timer) {
        if (timers.remove(clientId, timer)) {
            clients.disconnectClient(clientId, false, DisconnectReasonCode.MAXIMUM_CONNECT_TIME, REASON);
        }
    }

    /** One connection's timer; its future is set right after scheduling, before anyone can cancel it. */
    private static final class Timer {
        private final String id;
        private volatile ScheduledFuture<?> future;

        private Timer(String id) {
            this.id = id;
        }

        private void cancel() {
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
