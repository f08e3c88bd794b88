package io.mqchat.client.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mqchat.client.media.ImageRef;
import io.mqchat.protocol.MediaRef;
import java.io.IOException;
import java.util.Base64;

/** The app's {@link ImageRef} for the wire's {@link MediaRef}, and the media endpoint's JSON answers. */
public final class MediaRefs {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private MediaRefs() {
    }

    /**
     * The app's view of a reference; null for one that is not usable (the server checks what clients send, so only
     * a broken or hostile server sends such). A thumbnail that is not base64 counts as none.
     */
    public static ImageRef toImage(MediaRef media) {
        if (media == null) {
            return null;
        }
        byte[] thumbnail = null;
        if (media.thumbnail() != null) {
            try {
                thumbnail = Base64.getDecoder().decode(media.thumbnail());
            } catch (IllegalArgumentException e) {
                thumbnail = null;
            }
        }
        try {
            return new ImageRef(media.id(), media.contentType() == null ? "" : media.contentType(), media.size(),
                    media.width(), media.height(), media.sha256(), thumbnail);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The wire form of an image the app holds, to share it again (forwarding) without uploading it again. */
    public static MediaRef toMediaRef(ImageRef image) {
        return new MediaRef(image.id(), image.contentType(), image.size(), image.width(), image.height(),
                image.sha256(), image.thumbnail().map(bytes -> Base64.getEncoder().encodeToString(bytes)).orElse(null));
    }

    /** The reference in an upload's answer, or null when the body is not a well-formed one. */
    static MediaRef fromUploadAnswer(byte[] body) {
        try {
            MediaRef media = JSON.readValue(body, MediaRef.class);
            return media != null && media.problem() == null ? media : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The endpoint's error answer {@code {"error","message"}}.
     *
     * @param code    the stable code, e.g. {@code too_large}
     * @param message the sentence for people
     */
    record ErrorAnswer(String code, String message) {
    }

    /** An error answer; placeholders naming the status when the body is not the endpoint's JSON (a proxy's page). */
    static ErrorAnswer errorOf(int status, byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.path("error").isTextual()) {
                return new ErrorAnswer(node.get("error").asText(), node.path("message").asText(""));
            }
        } catch (IOException | RuntimeException e) {
            // answered below
        }
        return new ErrorAnswer("http_" + status, "HTTP " + status);
    }
}
