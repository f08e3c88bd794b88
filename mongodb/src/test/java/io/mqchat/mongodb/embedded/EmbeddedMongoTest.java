package io.mqchat.mongodb.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @Test
    void dataSurvivesARestartOnTheSameFolder(@TempDir Path dir) {
        int port;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            port = mongo.port();
            client.getDatabase("d").getCollection("c").insertOne(new Document("_id", "kept"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, "127.0.0.1", port);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertEquals(port, mongo.port());
            assertEquals(1, client.getDatabase("d").getCollection("c").countDocuments(new Document("_id", "kept")));
        }
    }

    @Test
    void changeStreamsWork(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("d").getCollection("c");
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> changes = collection.watch().cursor()) {
                collection.insertOne(new Document("_id", "watched"));
                assertEquals("watched", changes.next().getDocumentKey().getString("_id").getValue());
            }
        }
    }

    @Test
    void aClientWithoutThisRunsPasswordReadsNothing(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
             MongoClient owner = MongoClients.create(mongo.connectionString());
             MongoClient stranger = MongoClients.create("mongodb://127.0.0.1:" + mongo.port());
             MongoClient guesser = MongoClients.create("mongodb://mqchat:not-the-password@127.0.0.1:" + mongo.port()
                     + "/?authMechanism=PLAIN")) {
            owner.getDatabase("mqchat").getCollection("archive").insertOne(new Document("body", "secret chat text"));

            MongoCommandException refused = assertThrows(MongoCommandException.class,
                    () -> stranger.getDatabase("mqchat").getCollection("archive").find().first());
            assertEquals(13, refused.getErrorCode(), refused.getMessage());
            assertThrows(MongoCommandException.class, () -> stranger.listDatabaseNames().first());
            assertThrows(MongoSecurityException.class,
                    () -> guesser.getDatabase("mqchat").getCollection("archive").find().first());
            assertEquals("secret chat text",
                    owner.getDatabase("mqchat").getCollection("archive").find().first().getString("body"));
        }
    }
}
