package io.mqchat.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.TimeUnit;

/**
 * Opens MongoDB clients with short timeouts, so that a store that is down is noticed within seconds: admin
 * requests then get a clear error and group messages wait in the broker instead of blocking a worker for the
 * driver's default 30 s.
 */
public final class MongoConnector {

    private static final long SERVER_SELECTION_MILLIS = 2_000;
    private static final long CONNECT_MILLIS = 2_000;
    private static final long READ_MILLIS = 10_000;

    private MongoConnector() {
    }

    /** A client for {@code uri} (a {@code mongodb://} or {@code mongodb+srv://} connection string). */
    public static MongoClient connect(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(SERVER_SELECTION_MILLIS, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) CONNECT_MILLIS, TimeUnit.MILLISECONDS)
                        .readTimeout((int) READ_MILLIS, TimeUnit.MILLISECONDS))
                .build();
        return MongoClients.create(settings);
    }
}
