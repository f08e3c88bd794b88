package io.mqchat.media.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against the embedded MongoDB-wire server (H2 file backend), through the real driver. */
class EmbeddedMongoMediaStoreTest extends MediaStoreContract {

    @TempDir
    static Path dataDir;
    private static EmbeddedMongo mongo;
    private static MongoClient client;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.start(dataDir);
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @Override
    protected MongoDatabase database() {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
    }
}
