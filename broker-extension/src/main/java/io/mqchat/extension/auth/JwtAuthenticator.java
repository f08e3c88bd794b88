package io.mqchat.extension.auth;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import io.mqchat.extension.queue.QueueLimits;
import io.mqchat.extension.logs.Printable;
import io.mqchat.extension.metrics.ChatMetrics;
import io.mqchat.protocol.DeviceAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a CONNECT: the password is a JWT whose {@code sub} is the user, and the client id must be
 * {@code {user}:{device}} (for a worker's service token: {@code {service}:{instance}}). Token problems are refused with BAD_USER_NAME_OR_PASSWORD, identity problems
 * (a client id or user name claiming someone else, an impossible user id) with NOT_AUTHORIZED.
 */
public final class JwtAuthenticator implements SimpleAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(JwtAuthenticator.class);
    private static final Duration REMOTE_KEY_TIMEOUT = Duration.ofSeconds(10);

    private final TokenVerifier verifier;
    private final long queueLimit;
    private final ChatMetrics metrics;
    private final Executor blockingExecutor;

    /**
     * @param blockingExecutor runs verifications that may fetch remote keys, off the broker's threads
     */
    public JwtAuthenticator(TokenVerifier verifier, long queueLimit, ChatMetrics metrics, Executor blockingExecutor) {
        this.verifier = verifier;
        this.queueLimit = queueLimit;
        this.metrics = metrics;
        this.blockingExecutor = blockingExecutor;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        if (!verifier.mayBlock()) {
            authenticate(input, output);
            return;
        }
        Async<SimpleAuthOutput> async = output.async(REMOTE_KEY_TIMEOUT, TimeoutFallback.FAILURE,
                ConnackReasonCode.SERVER_UNAVAILABLE, "token keys unavailable, try again");
        blockingExecutor.execute(() -> {
            try {
                authenticate(input, output);
            } finally {
                async.resume();
            }
        });
    }

    private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = input.getClientInformation().getClientId();
        Optional<ByteBuffer> password = connect.getPassword();
        if (password.isEmpty()) {
            refuse(output, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "a JWT is required as the password", clientId);
            return;
        }
        Identity identity;
        try {
            identity = verifier.verify(utf8(password.get()));
        } catch (TokenRejectedException e) {
            ConnackReasonCode code = e.kind() == TokenRejectedException.Kind.INVALID_IDENTITY
                    ? ConnackReasonCode.NOT_AUTHORIZED : ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD;
            refuse(output, code, e.getMessage(), clientId);
            return;
        }
        String user = identity.subject();
        Optional<DeviceAddress> device = DeviceAddress.parse(clientId);
        if (device.isEmpty() || !device.get().user().equals(user)) {
            refuse(output, ConnackReasonCode.NOT_AUTHORIZED,
                    "client id must be '" + user + ":<device>' for this token", clientId);
            return;
        }
        if (connect.getUserName().filter(name -> !name.isEmpty() && !name.equals(user)).isPresent()) {
            refuse(output, ConnackReasonCode.NOT_AUTHORIZED, "user name does not match the token", clientId);
            return;
        }
        if (connect.getWillPublish().isPresent()) {
            // A will is published by the broker without passing the routing interceptor: it could land in
            // another user's tree with forged content. Presence comes from the broker's own lifecycle events.
            refuse(output, ConnackReasonCode.NOT_AUTHORIZED, "last will messages are not supported", clientId);
            return;
        }
        if (identity.service()) {
            Roles.markService(input.getConnectionInformation());
            output.getDefaultPermissions().addAll(ServicePermissions.all());
            // A worker that is down must not lose the work waiting for it; history and groups depend on it.
            output.getClientSettings().setClientQueueSizeMaximum(QueueLimits.WORKER);
        } else {
            output.getDefaultPermissions().addAll(UserPermissions.of(user));
            output.getClientSettings().setClientQueueSizeMaximum(queueLimit);
        }
        TokenExpiry.remember(input.getConnectionInformation().getConnectionAttributeStore(), identity.validUntil());
        output.authenticateSuccessfully(true);
    }

    private void refuse(SimpleAuthOutput output, ConnackReasonCode code, String reason, String clientId) {
        metrics.authFailures().inc();
        // The reason can quote a token's contents (a parser's error message): both come from the client.
        log.info("refused CONNECT of client '{}': {}", Printable.of(clientId), Printable.of(reason));
        output.failAuthentication(code, reason);
    }

    private static String utf8(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
