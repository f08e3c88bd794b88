package io.mqchat.presence.push;

import io.mqchat.presence.store.PushToken;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.protocol.PushPlatform;
import io.mqchat.protocol.PushTokenRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a device's push token request, as the extension checked and stamped it, to the {@link PushTokens} store.
 * The sinks that will push to APNs and FCM read the tokens from there.
 */
public final class PushTokenHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PushTokenHandler.class);

    private final PushTokens tokens;

    public PushTokenHandler(PushTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Registers or removes the device's token; a request without its server stamps or with an unknown platform is
     * logged (without the token) and skipped.
     *
     * @throws io.mqchat.presence.store.StoreUnavailableException when the store is down: handle it again later
     */
    public void handle(PushTokenRequest request) {
        if (request.user() == null || request.device() == null || request.ts() == null) {
            LOG.warn("skipping a push token request without user, device or time: {}", request);
            return;
        }
        if (PushTokenRequest.REMOVE.equals(request.op())) {
            tokens.remove(request.user(), request.device());
            return;
        }
        Optional<PushPlatform> platform = PushPlatform.fromWireName(request.platform());
        if (!PushTokenRequest.REGISTER.equals(request.op()) || platform.isEmpty() || request.token() == null
                || request.app() == null) {
            LOG.warn("skipping a push token request this worker cannot apply: {}", request);
            return;
        }
        tokens.register(request.user(), new PushToken(request.device(), platform.get(), request.token(), request.env(),
                request.app(), request.ts()));
    }
}
