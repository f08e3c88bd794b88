package io.mqchat.extension.auth;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import io.mqchat.extension.cluster.HomeGate;
import io.mqchat.extension.cluster.ServerReferenceInterceptor;
import io.mqchat.extension.limits.DeviceQuota;
import io.mqchat.extension.queue.QueueLimits;
import io.mqchat.extension.logs.Printable;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.protocol.DeviceAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a CONNECT: the password is a JWT whose {@code sub} is the user, and the client id must be
 * {@code {user}:{device}} (for a worker's service token: {@code {service}:{instance}}). Token problems are refused
 * with BAD_USER_NAME_OR_PASSWORD, identity problems (a client id or user name claiming someone else, an impossible
 * user id) with NOT_AUTHORIZED, a device beyond the user's {@link DeviceQuota} with QUOTA_EXCEEDED, a device whose
 * user lives on another node with USE_ANOTHER_SERVER ({@link HomeGate}).
 */
public final class JwtAuthenticator implements SimpleAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(JwtAuthenticator.class);
    /** Longest wait for remote token keys or the broker's sessions before a CONNECT is refused as unavailable. */
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(10);

    private final TokenVerifier verifier;
    private final long queueLimit;
    private final ChatMetrics metrics;
    private final DeviceQuota deviceQuota;
    private final Executor blockingExecutor;
    private final HomeGate homes;

    /**
     * @param deviceQuota      admits a user's devices up to the limit
     * @param blockingExecutor runs verifications that may fetch remote keys, off the broker's threads
     * @param homes            admits a user's devices on its home node and redirects them elsewhere
     */
    public JwtAuthenticator(TokenVerifier verifier, long queueLimit, ChatMetrics metrics, DeviceQuota deviceQuota,
                            Executor blockingExecutor, HomeGate homes) {
        this.homes = homes;
        this.verifier = verifier;
        this.queueLimit = queueLimit;
        this.metrics = metrics;
        this.deviceQuota = deviceQuota;
        this.blockingExecutor = blockingExecutor;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        if (!verifier.mayBlock()) {
            CompletableFuture<Decision> decision = decide(input);
            if (decision.isDone()) {
                decision.join().apply(output);
                return;
            }
            // Only a device new to a user at its device limit (the quota looks up sessions), or any device of a node
            // among several (the home is in the registry) gets here.
            Async<SimpleAuthOutput> async = output.async(DECISION_TIMEOUT, TimeoutFallback.FAILURE,
                    ConnackReasonCode.SERVER_UNAVAILABLE, "try again");
            applyLater(decision, output, async);
            return;
        }
        Async<SimpleAuthOutput> async = output.async(DECISION_TIMEOUT, TimeoutFallback.FAILURE,
                ConnackReasonCode.SERVER_UNAVAILABLE, "token keys unavailable, try again");
        blockingExecutor.execute(() -> applyLater(decide(input), output, async));
    }

    private void applyLater(CompletableFuture<Decision> decision, SimpleAuthOutput output, Async<SimpleAuthOutput> async) {
        decision.whenComplete((decided, failure) -> {
            try {
                if (failure != null) {
                    log.warn("could not decide on a CONNECT: {}", Printable.of(failure.toString()));
                    output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "try again");
                } else {
                    decided.apply(output);
                }
            } finally {
                async.resume();
            }
        });
    }

    private CompletableFuture<Decision> decide(SimpleAuthInput input) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = input.getClientInformation().getClientId();
        Optional<ByteBuffer> password = connect.getPassword();
        if (password.isEmpty()) {
            return refuse(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "a JWT is required as the password", clientId);
        }
        Identity identity;
        try {
            identity = verifier.verify(utf8(password.get()));
        } catch (TokenRejectedException e) {
            ConnackReasonCode code = e.kind() == TokenRejectedException.Kind.INVALID_IDENTITY
                    ? ConnackReasonCode.NOT_AUTHORIZED : ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD;
            return refuse(code, e.getMessage(), clientId);
        }
        String user = identity.subject();
        Optional<DeviceAddress> device = DeviceAddress.parse(clientId);
        if (device.isEmpty() || !device.get().user().equals(user)) {
            return refuse(ConnackReasonCode.NOT_AUTHORIZED,
                    "client id must be '" + user + ":<device>' for this token", clientId);
        }
        if (connect.getUserName().filter(name -> !name.isEmpty() && !name.equals(user)).isPresent()) {
            return refuse(ConnackReasonCode.NOT_AUTHORIZED, "user name does not match the token", clientId);
        }
        if (connect.getWillPublish().isPresent()) {
            // A will is published by the broker without passing the routing interceptor: it could land in
            // another user's tree with forged content. Presence comes from the broker's own lifecycle events.
            return refuse(ConnackReasonCode.NOT_AUTHORIZED, "last will messages are not supported", clientId);
        }
        if (identity.service()) {
            return CompletableFuture.completedFuture(output -> admitService(input, output, identity));
        }
        return homes.admit(device.get(), input.getConnectionInformation().getListener()).thenCompose(home -> {
            if (home instanceof HomeGate.Decision.Redirect redirect) {
                return redirect(input, redirect);
            }
            return deviceQuota.admit(device.get()).thenCompose(admitted -> admitted
                    ? CompletableFuture.completedFuture(output -> admitUser(input, output, identity))
                    : refuse(ConnackReasonCode.QUOTA_EXCEEDED, "too many devices: at most " + deviceQuota.max()
                            + " per user; sign out of one (connect it with clean start and no session expiry)",
                            clientId));
        });
    }

    private static CompletableFuture<Decision> redirect(SimpleAuthInput input, HomeGate.Decision.Redirect redirect) {
        return CompletableFuture.completedFuture(output -> {
            ServerReferenceInterceptor.remember(input.getConnectionInformation().getConnectionAttributeStore(),
                    redirect.reference());
            output.failAuthentication(ConnackReasonCode.USE_ANOTHER_SERVER,
                    "this user is served by node " + redirect.node() + " at " + redirect.reference());
        });
    }

    private void admitService(SimpleAuthInput input, SimpleAuthOutput output, Identity identity) {
        Roles.markService(input.getConnectionInformation());
        output.getDefaultPermissions().addAll(ServicePermissions.all());
        // A worker that is down must not lose the work waiting for it; history and groups depend on it.
        output.getClientSettings().setClientQueueSizeMaximum(QueueLimits.WORKER);
        succeed(input, output, identity);
    }

    private void admitUser(SimpleAuthInput input, SimpleAuthOutput output, Identity identity) {
        output.getDefaultPermissions().addAll(UserPermissions.of(identity.subject()));
        output.getClientSettings().setClientQueueSizeMaximum(queueLimit);
        succeed(input, output, identity);
    }

    private static void succeed(SimpleAuthInput input, SimpleAuthOutput output, Identity identity) {
        TokenExpiry.remember(input.getConnectionInformation().getConnectionAttributeStore(), identity.validUntil());
        output.authenticateSuccessfully(true);
    }

    private CompletableFuture<Decision> refuse(ConnackReasonCode code, String reason, String clientId) {
        return CompletableFuture.completedFuture(output -> {
            metrics.authFailures().inc();
            // The reason can quote a token's contents (a parser's error message): both come from the client.
            log.info("refused CONNECT of client '{}': {}", Printable.of(clientId), Printable.of(reason));
            output.failAuthentication(code, reason);
        });
    }

    /** What to tell HiveMQ about one CONNECT. */
    @FunctionalInterface
    private interface Decision {
        void apply(SimpleAuthOutput output);
    }

    private static String utf8(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
