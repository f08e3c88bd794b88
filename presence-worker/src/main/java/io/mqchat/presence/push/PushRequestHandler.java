package io.mqchat.presence.push;

import io.mqchat.presence.store.NotificationMutes;
import io.mqchat.presence.store.PushToken;
import io.mqchat.presence.store.PushTokens;
import io.mqchat.protocol.PushPlatform;
import io.mqchat.protocol.PushRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a device's push request, as the extension checked and stamped it: a token to the {@link PushTokens} store,
 * a mute to {@link NotificationMutes}. The notification sinks read both from there.
 */
public final class PushRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PushRequestHandler.class);

    private final PushTokens tokens;
    private final NotificationMutes mutes;

    public PushRequestHandler(PushTokens tokens, NotificationMutes mutes) {
        this.tokens = tokens;
        this.mutes = mutes;
    }

    /**
     * Registers or removes the device's token, or mutes or unmutes a conversation for the user; a request without its
     * server stamps or that this worker cannot apply is logged (without the token) and skipped.
     *
     * @throws io.mqchat.presence.store.StoreUnavailableException when the store is down: handle it again later
     */
    public void handle(PushRequest request) {
        if (request.user() == null || request.device() == null || request.ts() == null) {
            LOG.warn("skipping a push request without user, device or time: {}", request);
            return;
        }
        switch (request.op()) {
            case PushRequest.REGISTER -> register(request);
            case PushRequest.REMOVE -> tokens.remove(request.user(), request.device());
            case PushRequest.MUTE, PushRequest.UNMUTE -> mute(request);
            default -> LOG.warn("skipping a push request this worker cannot apply: {}", request);
        }
    }

    private void register(PushRequest request) {
        Optional<PushPlatform> platform = PushPlatform.fromWireName(request.platform());
        if (platform.isEmpty() || request.token() == null || request.app() == null) {
            LOG.warn("skipping a push request this worker cannot apply: {}", request);
            return;
        }
        tokens.register(request.user(), new PushToken(request.device(), platform.get(), request.token(), request.env(),
                request.app(), request.ts(), request.isSilent()));
    }

    private void mute(PushRequest request) {
        String conversation = request.conversationKey();
        if (conversation == null) {
            LOG.warn("skipping a push request this worker cannot apply: {}", request);
            return;
        }
        if (PushRequest.MUTE.equals(request.op())) {
            mutes.mute(request.user(), conversation, request.until());
        } else {
            mutes.unmute(request.user(), conversation);
        }
    }
}
