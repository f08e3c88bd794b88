package io.mqchat.presence.push;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.ApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import io.mqchat.presence.notify.DeliveryAttempts;
import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.store.PushToken;
import io.mqchat.protocol.PushRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one notification to one APNs device token through Pushy: an alert with the sender (and the group) as title
 * and, unless the server passes message text on, "New message"; grouped per conversation ({@code thread-id}) and
 * replacing the conversation's previous one ({@code apns-collapse-id}); sent at once, kept by Apple for a day. The
 * topic is the app's bundle id the device registered; sandbox tokens go to Apple's development server. Tries again on
 * 429, 5xx and connection failures ({@link DeliveryAttempts}); blocks no thread. Holds one connection per environment;
 * {@link #close()} ends them.
 */
final class ApnsSender implements PushServiceSink.DeviceSender {

    /** Apple's reasons for a token that no longer reaches the app (410 Unregistered among them). */
    private static final Set<String> GONE = Set.of("BadDeviceToken", "Unregistered", "DeviceTokenNotForTopic");
    private static final Duration KEPT_FOR = Duration.ofDays(1);
    /** Apple's limit for a collapse id. */
    private static final int MAX_COLLAPSE_ID_BYTES = 64;

    private final ApnsClient production;
    private final ApnsClient sandbox;
    private final ApnsSettings settings;
    private final DeliveryAttempts attempts;
    private final Clock clock;

    ApnsSender(ApnsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.attempts = new DeliveryAttempts(settings.attempts(), settings.firstBackoff());
        try {
            ApnsSigningKey key = ApnsSigningKey.loadFromPkcs8File(settings.signingKey().toFile(), settings.teamId(),
                    settings.keyId());
            this.production = client(key, ApnsClientBuilder.PRODUCTION_APNS_HOST);
            this.sandbox = client(key, ApnsClientBuilder.DEVELOPMENT_APNS_HOST);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the APNs key " + settings.signingKey(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(settings.signingKey() + " is not an APNs auth key (.p8): " + e, e);
        }
    }

    private ApnsClient client(ApnsSigningKey key, String appleHost) throws IOException {
        ApnsClientBuilder builder = new ApnsClientBuilder().setSigningKey(key);
        if (settings.standIn().isPresent()) {
            String[] hostAndPort = settings.standIn().get().split(":", 2);
            builder.setApnsServer(hostAndPort[0], Integer.parseInt(hostAndPort[1]));
        } else {
            builder.setApnsServer(appleHost);
        }
        if (settings.trust().isPresent()) {
            builder.setTrustedServerCertificateChain(settings.trust().get().toFile());
        }
        return builder.build();
    }

    /** Sends {@code notification} to the device of {@code token}, trying again while that may help. */
    @Override
    public CompletableFuture<DeliveryAttempts.Answer> send(PushToken token, Notification notification) {
        // Apple delivers a background push only at low priority, and may hold it back to save power.
        SimpleApnsPushNotification push = new SimpleApnsPushNotification(token.token(), token.app(),
                token.silent() ? silentPayload(notification) : payload(notification), clock.instant().plus(KEPT_FOR),
                token.silent() ? DeliveryPriority.CONSERVE_POWER : DeliveryPriority.IMMEDIATE,
                token.silent() ? PushType.BACKGROUND : PushType.ALERT, collapseId(notification.conversationKey()));
        ApnsClient client = PushRequest.SANDBOX.equals(token.env()) ? sandbox : production;
        return attempts.run(() -> once(client, push));
    }

    private CompletableFuture<DeliveryAttempts.Answer> once(ApnsClient client, SimpleApnsPushNotification push) {
        return client.sendNotification(push).orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        return DeliveryAttempts.Answer.retry(
                                DeliveryAttempts.causeOf(failure).getClass().getSimpleName(), Optional.empty());
                    }
                    return answerOf(response);
                });
    }

    private static DeliveryAttempts.Answer answerOf(PushNotificationResponse<SimpleApnsPushNotification> response) {
        if (response.isAccepted()) {
            return DeliveryAttempts.Answer.sent();
        }
        String reason = response.getRejectionReason().orElse("");
        String detail = "HTTP " + response.getStatusCode() + (reason.isEmpty() ? "" : " " + reason);
        if (GONE.contains(reason) || response.getStatusCode() == 410) {
            return DeliveryAttempts.Answer.unregistered(detail);
        }
        if (response.getStatusCode() == 429 || response.getStatusCode() >= 500) {
            return DeliveryAttempts.Answer.retry(detail, Optional.empty());
        }
        return DeliveryAttempts.Answer.refused(detail);
    }

    private static String payload(Notification n) {
        ApnsPayloadBuilder payload = new SimpleApnsPayloadBuilder()
                .setAlertTitle(PushContent.title(n))
                .setAlertBody(PushContent.text(n))
                .setSound(ApnsPayloadBuilder.DEFAULT_SOUND_FILENAME)
                .setThreadId(n.conversationKey());
        if (n.unread() != null) {
            payload.setBadgeNumber(n.unread()); // without a count, the icon keeps the badge it has
        }
        return withData(payload, n).build();
    }

    /**
     * Shows nothing: wakes the app, which connects and shows what it fetched as it likes. Apple wants nothing but
     * {@code content-available} in a background push's {@code aps}: the count goes as data, for the app to set.
     */
    private static String silentPayload(Notification n) {
        ApnsPayloadBuilder payload = withData(new SimpleApnsPayloadBuilder().setContentAvailable(true), n);
        if (n.unread() != null) {
            payload.addCustomProperty("unread", n.unread());
        }
        return payload.build();
    }

    /** What the app reads from either kind: the conversation, the sender, the message, a mention. */
    private static ApnsPayloadBuilder withData(ApnsPayloadBuilder payload, Notification n) {
        payload.addCustomProperty("conversation", n.conversationKey())
                .addCustomProperty("sender", n.sender())
                .addCustomProperty("messageId", n.messageId());
        if (n.mention()) {
            payload.addCustomProperty("mention", true);
        }
        return payload;
    }

    /** The conversation key, or its digest where it is longer than Apple allows. */
    static String collapseId(String conversationKey) {
        if (conversationKey.getBytes(StandardCharsets.UTF_8).length <= MAX_COLLAPSE_ID_BYTES) {
            return conversationKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(conversationKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        production.close();
        sandbox.close();
    }
}
