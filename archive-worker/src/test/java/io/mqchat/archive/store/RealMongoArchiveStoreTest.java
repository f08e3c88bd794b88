package io.mqchat.archive.store;

import com.mongodb.client.MongoClient;
import io.mqchat.media.store.GridFsMediaStore;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.protocol.MediaRef;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The store contract against a real MongoDB (a replica set of one) in Docker; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoArchiveStoreTest extends ArchiveStoreContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private final List<MongoClient> clients = new ArrayList<>();
    private String database;

    @BeforeEach
    void freshDatabase() {
        database = "t" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MongoClient::close);
    }

    @Override
    protected ArchiveStore openStore() {
        MongoClient client = MongoConnector.connect(MONGO.getReplicaSetUrl());
        clients.add(client);
        return new MongoArchiveStore(client.getDatabase(database));
    }

    @Override
    protected void recordUpload(String user, MediaRef image) {
        MongoClient client = clients.get(clients.size() - 1);
        new GridFsMediaStore(client.getDatabase(database)).save(image, new ByteArrayInputStream(new byte[] {1}), user,
                Instant.now());
    }
}
