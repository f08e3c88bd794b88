package io.mqchat.media.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.protocol.MediaRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The base of the endpoint's tests: one embedded MongoDB per class, a fresh database and endpoint per test. */
public abstract class MediaEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    private static EmbeddedMongo mongo;
    protected MediaHarness media;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.start(dataDir);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    /** The class's embedded MongoDB, for tests that run an endpoint with settings of their own. */
    protected static EmbeddedMongo mongo() {
        return mongo;
    }

    @BeforeEach
    void startEndpoint() {
        media = new MediaHarness(mongo);
    }

    @AfterEach
    void stopEndpoint() {
        media.close();
    }

    protected static MediaRef ref(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), MediaRef.class);
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    protected static String errorCode(HttpResponse<?> response) {
        try {
            Object body = response.body();
            JsonNode node = body instanceof byte[] bytes ? JSON.readTree(bytes) : JSON.readTree((String) body);
            return node.path("error").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads {@code bytes} as {@code user} and returns the reference, failing unless the upload succeeded. */
    protected MediaRef uploaded(String user, byte[] bytes) {
        HttpResponse<String> response = media.upload(media.token(user), bytes);
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + response.body());
        }
        return ref(response);
    }
}
