package io.mqchat.privacy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The store contract against a real MongoDB (a replica set of one) in Docker; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoPrivacyStoreTest extends PrivacyStoreContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private final List<MongoClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(MongoClient::close);
    }

    @Override
    protected PrivacyStore openStore() {
        MongoClient client = MongoClients.create(MONGO.getReplicaSetUrl());
        clients.add(client);
        return new MongoPrivacyStore(client.getDatabase("t" + UUID.randomUUID().toString().replace("-", "")));
    }
}
