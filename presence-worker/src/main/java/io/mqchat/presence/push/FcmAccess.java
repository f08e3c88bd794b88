package io.mqchat.presence.push;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Firebase project a service-account key belongs to and the OAuth access tokens it gets, through Google's auth
 * library: it signs the token request with the key, asks the key file's token endpoint, and reuses a token until
 * shortly before it expires. Thread-safe.
 */
public final class FcmAccess {

    /** The one scope FCM's HTTP v1 API needs. */
    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    private final GoogleCredentials credentials;
    private final String projectId;

    private FcmAccess(GoogleCredentials credentials, String projectId) {
        this.credentials = credentials;
        this.projectId = projectId;
    }

    /**
     * Reads a service-account key file.
     *
     * @throws IllegalArgumentException when the file is not a service-account key with a project id
     * @throws UncheckedIOException     when it cannot be read
     */
    public static FcmAccess fromKeyFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ServiceAccountCredentials key = ServiceAccountCredentials.fromStream(in);
            if (key.getProjectId() == null || key.getProjectId().isBlank()) {
                throw new IllegalArgumentException(file + " names no project_id");
            }
            return new FcmAccess(key.createScoped(List.of(SCOPE)), key.getProjectId());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Error reading")) {
                throw new IllegalArgumentException(file + " is not a service-account key: " + e.getMessage(), e);
            }
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The Firebase project the messages are sent in. */
    public String projectId() {
        return projectId;
    }

    /** A valid access token, fetched anew only when the last one is about to expire. */
    public String accessToken() throws IOException {
        credentials.refreshIfExpired();
        return credentials.getAccessToken().getTokenValue();
    }
}
