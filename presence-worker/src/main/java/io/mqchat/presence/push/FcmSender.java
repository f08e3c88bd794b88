package io.mqchat.presence.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mqchat.presence.notify.Notification;
import io.mqchat.presence.store.PushToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one notification to one FCM registration token over FCM's HTTP v1 API. What the phone shows: the sender (and
 * the group) as title and, unless the server passes message text on, "New message" as text; one notification per
 * conversation in the tray ({@code tag}) and in FCM's store for an offline phone ({@code collapse_key}), at high
 * priority so that a dozing Android phone shows it. Tries again on 429, 5xx and network errors
 * ({@link PushAttempts}, waiting what FCM asks in Retry-After).
 */
final class FcmSender {

    /** How long FCM keeps a notification for a phone that is off: a day-old "new message" is still worth showing. */
    private static final String TTL = "86400s";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final FcmAccess access;
    private final FcmSettings settings;
    private final PushAttempts attempts;
    private final URI send;

    FcmSender(HttpClient http, FcmAccess access, FcmSettings settings) {
        this.http = http;
        this.access = access;
        this.settings = settings;
        this.attempts = new PushAttempts(settings.attempts(), settings.firstBackoff());
        this.send = settings.endpoint().resolve("/v1/projects/" + access.projectId() + "/messages:send");
    }

    /** Sends {@code notification} to the device of {@code token}, trying again while that may help. */
    CompletableFuture<PushAttempts.Answer> send(PushToken token, Notification notification) {
        byte[] body = body(token.token(), notification);
        return attempts.run(() -> once(body));
    }

    private CompletableFuture<PushAttempts.Answer> once(byte[] body) {
        HttpRequest request;
        try {
            request = request(body);
        } catch (IOException e) {
            // No access token: Google's token endpoint did not answer.
            return CompletableFuture.completedFuture(PushAttempts.Answer.retry("OAuth token: "
                    + e.getClass().getSimpleName(), Optional.empty()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> failure != null
                ? PushAttempts.Answer.retry(failure.getClass().getSimpleName(), Optional.empty()) : answerOf(response));
    }

    private PushAttempts.Answer answerOf(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return PushAttempts.Answer.sent();
        }
        String code = errorCode(response.body());
        String detail = "HTTP " + status + (code.isEmpty() ? "" : " " + code);
        if ("UNREGISTERED".equals(code) || "SENDER_ID_MISMATCH".equals(code)) {
            return PushAttempts.Answer.unregistered(detail);
        }
        if (status != 429 && status < 500) {
            return PushAttempts.Answer.refused(detail);
        }
        return PushAttempts.Answer.retry(detail, retryAfter(response));
    }

    private HttpRequest request(byte[] body) throws IOException {
        return HttpRequest.newBuilder(send)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + access.accessToken())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private byte[] body(String token, Notification n) {
        ObjectNode root = json.createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("token", token);
        ObjectNode shown = message.putObject("notification");
        shown.put("title", PushContent.title(n));
        shown.put("body", PushContent.text(n));
        ObjectNode data = message.putObject("data"); // FCM wants strings only here
        data.put("conversation", n.conversationKey());
        data.put("sender", n.sender());
        data.put("messageId", n.messageId());
        data.put("ts", Long.toString(n.ts()));
        ObjectNode android = message.putObject("android");
        android.put("collapse_key", n.conversationKey());
        android.put("priority", "HIGH");
        android.put("ttl", TTL);
        android.putObject("notification").put("tag", n.conversationKey());
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

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the doubling pause instead
            }
        });
    }
}
