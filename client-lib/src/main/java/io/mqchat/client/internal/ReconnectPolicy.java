package io.mqchat.client.internal;

import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedListener;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedListener;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientReconnector;
import io.mqchat.client.AuthenticationException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Decides, after each lost connection or failed attempt, whether and how the MQTT client reconnects. It runs
 * after the MQTT client's automatic reconnect, which has already chosen a backoff delay, and adds what that
 * cannot know: a refusal of the credentials stops reconnecting for good (the same token would be refused
 * forever); each attempt uses a freshly supplied token; once the app went offline no attempt starts; and a redirect to
 * the user's home node (MQTT 5 server reference) is followed at once, while any other loss goes back to the configured
 * server (in a cluster, the load balancer), since the home may have moved.
 */
public final class ReconnectPolicy implements MqttClientDisconnectedListener, MqttClientConnectedListener {

    /** More redirects in a row than a move between two homes can explain: the nodes disagree, so back off. */
    private static final int MAX_REDIRECTS = 3;

    private final String clientId;
    private final String user;
    private final TokenSource tokens;
    private final BooleanSupplier online;
    private final Consumer<AuthenticationException> onRefused;
    private final Runnable disconnect;
    private final InetSocketAddress origin;
    /** Redirects followed since the last connection; a loop of them falls back to the configured server. */
    private final AtomicInteger redirects = new AtomicInteger();
    /** The pending attempt's wait for its delay and token; cancelled when the app goes offline meanwhile. */
    private final AtomicReference<CompletableFuture<byte[]>> pending = new AtomicReference<>();

    /**
     * @param online     whether the app currently wants to be connected
     * @param onRefused  told when the credentials are refused; called on the token executor
     * @param disconnect disconnects the MQTT client, for an attempt that succeeded after the app went offline
     * @param origin     the configured server, where every attempt but a redirected one goes
     */
    public ReconnectPolicy(String clientId, String user, TokenSource tokens, BooleanSupplier online,
                           Consumer<AuthenticationException> onRefused, Runnable disconnect, InetSocketAddress origin) {
        this.origin = origin;
        this.clientId = clientId;
        this.user = user;
        this.tokens = tokens;
        this.online = online;
        this.onRefused = onRefused;
        this.disconnect = disconnect;
    }

    @Override
    public void onDisconnected(MqttClientDisconnectedContext context) {
        Mqtt5ClientReconnector reconnector = ((Mqtt5ClientDisconnectedContext) context).getReconnector();
        Optional<AuthenticationException> refused = ConnectRefusals.authentication(context.getCause(), clientId);
        if (refused.isPresent()) {
            reconnector.reconnect(false);
            tokens.executor().execute(() -> onRefused.accept(refused.get()));
            return;
        }
        Optional<InetSocketAddress> redirect = ServerRedirect.target(context.getCause());
        if (redirect.isEmpty()) {
            // Any other failure ends a run of redirects: the next redirect may be to a home that is up again.
            redirects.set(0);
        }
        redirect = redirect.filter(target -> redirects.incrementAndGet() <= MAX_REDIRECTS);
        if (redirect.isPresent() && online.getAsBoolean()) {
            reconnector.reconnect(true);
            reconnector.delay(0, TimeUnit.NANOSECONDS);
            reconnector.transportConfig().serverAddress(redirect.get()).applyTransportConfig();
        } else if (reconnector.isReconnect()) {
            reconnector.transportConfig().serverAddress(origin).applyTransportConfig();
        }
        if (!reconnector.isReconnect()) {
            return;
        }
        if (!online.getAsBoolean()) {
            reconnector.reconnect(false);
            return;
        }
        // Wait out the backoff ourselves so that the token is fetched just before the attempt and a
        // disconnect() meanwhile can cancel the attempt instead of letting it connect.
        long delayNanos = reconnector.getDelay(TimeUnit.NANOSECONDS);
        reconnector.delay(0, TimeUnit.NANOSECONDS);
        CompletableFuture<byte[]> ready = new CompletableFuture<>();
        pending.set(ready);
        CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS, tokens.executor()).execute(() ->
                tokens.fetch().whenComplete((token, failure) -> {
                    if (failure != null) {
                        ready.completeExceptionally(failure);
                    } else {
                        ready.complete(token);
                    }
                }));
        reconnector.reconnectWhen(ready, (token, failure) -> {
            pending.compareAndSet(ready, null);
            if (!online.getAsBoolean() || failure instanceof CancellationException) {
                reconnector.reconnect(false);
            } else if (token != null) {
                reconnector.connectWith().simpleAuth().username(user).password(token).applySimpleAuth().applyConnect();
            }
            // A failed token fetch retries with the previous token: it may well still be valid, and if it is
            // not, the refusal stops reconnecting and tells the app.
        });
    }

    @Override
    public void onConnected(MqttClientConnectedContext context) {
        redirects.set(0);
        if (!online.getAsBoolean()) {
            disconnect.run();
        }
    }

    /** Stops a reconnect attempt that is waiting for its delay; call after the app went offline. */
    public void cancelPending() {
        CompletableFuture<byte[]> ready = pending.getAndSet(null);
        if (ready != null) {
            ready.cancel(false);
        }
    }
}
