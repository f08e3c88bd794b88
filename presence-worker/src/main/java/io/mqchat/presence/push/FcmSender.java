package io.mqchat.presence.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqchat.presence.notify.DeliveryAttempts;
import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.store.PushToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one notification to one FCM registration token over FCM's HTTP v1 API. What the phone shows: the sender (and
 * the group) as title and, unless the server passes message text on, "New message" as text; one notification per
 * conversation in the tray ({@code tag}) and in FCM's store for an offline phone ({@code collapse_key}), at high
 * priority so that a dozing Android phone shows it. Tries again on 429, 5xx and network errors
 * ({@link DeliveryAttempts}, waiting what FCM asks in Retry-After).
 */
final class FcmSender {

    /** How long FCM keeps a notification for a phone that is off: a day-old "new message" is still worth showing. */
    private static final String TTL = "86400s";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final FcmAccess access;
    private final FcmSettings settings;
    private final DeliveryAttempts attempts;
    private final URI send;

    FcmSender(HttpClient http, FcmAccess access, FcmSettings settings) {
        this.http = http;
        this.access = access;
        this.settings = settings;
        this.attempts = new DeliveryAttempts(settings.attempts(), settings.firstBackoff());
        this.send = settings.endpoint().resolve("/v1/projects/" + access.projectId() + "/messages:send");
    }

    /** Sends {@code notification} to the device of {@code token}, trying again while that may help. */
    CompletableFuture<DeliveryAttempts.Answer> send(PushToken token, Notification notification) {
        byte[] body = body(token, notification);
        return attempts.run(() -> once(body));
    }

    private CompletableFuture<DeliveryAttempts.Answer> once(byte[] body) {
        HttpRequest request;
        try {
            request = request(body);
        } catch (IOException e) {
            // No access token: Google's token endpoint did not answer.
            return CompletableFuture.completedFuture(DeliveryAttempts.Answer.retry("OAuth token: "
                    + e.getClass().getSimpleName(), Optional.empty()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> failure != null
                ? DeliveryAttempts.Answer.retry(failure.getClass().getSimpleName(), Optional.empty()) : answerOf(response));
    }

    private DeliveryAttempts.Answer answerOf(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return DeliveryAttempts.Answer.sent();
        }
        String code = errorCode(response.body());
        String detail = "HTTP " + status + (code.isEmpty() ? "" : " " + code);
        if ("UNREGISTERED".equals(code) || "SENDER_ID_MISMATCH".equals(code)) {
            return DeliveryAttempts.Answer.unregistered(detail);
        }
        if (status != 429 && status < 500) {
            return DeliveryAttempts.Answer.refused(detail);
        }
        return DeliveryAttempts.Answer.retry(detail, DeliveryAttempts.retryAfter(response));
    }

    private HttpRequest request(byte[] body) throws IOException {
        return HttpRequest.newBuilder(send)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + access.accessToken())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** An alert the phone shows, or for a token registered for silent pushes a data message that only wakes the app. */
    private byte[] body(PushToken token, Notification n) {
        ObjectNode root = json.createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("token", token.token());
        if (!token.silent()) {
            ObjectNode shown = message.putObject("notification");
            shown.put("title", PushContent.title(n));
            shown.put("body", PushContent.text(n));
        }
        ObjectNode data = message.putObject("data"); // FCM wants strings only here
        data.put("conversation", n.conversationKey());
        data.put("sender", n.sender());
        data.put("messageId", n.messageId());
        data.put("ts", Long.toString(n.ts()));
        if (n.mention()) {
            data.put("mention", "true");
        }
        if (n.unread() != null) {
            data.put("unread", Integer.toString(n.unread()));
        }
        ObjectNode android = message.putObject("android");
        android.put("collapse_key", n.conversationKey());
        android.put("priority", "HIGH"); // also for data messages: a chat app must wake at once
        android.put("ttl", TTL);
        if (!token.silent()) {
            ObjectNode androidShown = android.putObject("notification").put("tag", n.conversationKey());
            if (n.unread() != null) {
                androidShown.put("notification_count", n.unread()); // the launcher's badge, where it shows one
            }
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** FCM's error code ({@code UNREGISTERED}, {@code QUOTA_EXCEEDED}, ...), else the status; empty when none. */
    private String errorCode(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            for (JsonNode detail : error.path("details")) {
                if (detail.hasNonNull("errorCode")) {
                    return detail.get("errorCode").asText();
                }
            }
            return error.path("status").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
