package io.mqchat.privacy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against the in-process MongoDB-wire server (H2 file backend), through the real driver. */
class EmbeddedMongoPrivacyStoreTest extends PrivacyStoreContract {

    @TempDir
    static Path dataDir;
    private static MongoServer server;
    private final List<MongoClient> clients = new ArrayList<>();

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new H2Backend(dataDir.resolve("privacy.mv").toString()));
        server.bind("127.0.0.1", 0);
    }

    @AfterAll
    static void stopMongo() {
        server.shutdownNow();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MongoClient::close);
    }

    @Override
    protected PrivacyStore openStore() {
        MongoClient client = MongoClients.create("mongodb://" + server.getLocalAddress().getHostString() + ":"
                + server.getLocalAddress().getPort());
        clients.add(client);
        return new MongoPrivacyStore(client.getDatabase("t" + UUID.randomUUID().toString().replace("-", "")));
    }
}
