package io.mqchat.groups.store;

import com.mongodb.client.MongoClient;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against the embedded MongoDB-wire server (H2 file backend), through the real driver. */
class EmbeddedMongoGroupStoreTest extends GroupStoreContract {

    @TempDir
    static Path dataDir;
    private static EmbeddedMongo mongo;
    private final List<MongoClient> clients = new ArrayList<>();
    private String database;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.start(dataDir);
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = "t" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MongoClient::close);
    }

    @Override
    protected GroupStore openStore(int maxMembers) {
        MongoClient client = MongoConnector.connect(mongo.connectionString());
        clients.add(client);
        return new MongoGroupStore(client.getDatabase(database), maxMembers);
    }
}
