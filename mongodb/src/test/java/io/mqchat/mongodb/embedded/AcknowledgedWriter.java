package io.mqchat.mongodb.embedded;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import java.nio.file.Path;
import org.bson.Document;

/**
 * The child process of {@link EmbeddedMongoCrashTest}: starts {@link EmbeddedMongo} on the folder given as its
 * argument and writes to it through the driver until it is killed, printing one line per acknowledged write:
 * {@code inserted N}, {@code updated N} and {@code incremented N} (the value the findOneAndUpdate answered).
 */
public final class AcknowledgedWriter {

    static final String DATABASE = "crash";
    static final String MESSAGES = "messages";
    static final String STATE = "state";
    static final String COUNTER = "counter";
    static final String SEQUENCE = "sequence";

    private static final int MAX_ROUNDS = 1_000_000;

    public static void main(String[] args) {
        exitWhenTheParentIsGone();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(Path.of(args[0]));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> messages = database.getCollection(MESSAGES);
            MongoCollection<Document> state = database.getCollection(STATE);
            state.insertOne(new Document("_id", SEQUENCE).append("value", 0));
            for (int round = 0; round < MAX_ROUNDS; round++) {
                messages.insertOne(new Document("_id", round).append("text", "message " + round));
                System.out.println("inserted " + round);
                state.updateOne(eq("_id", COUNTER), set("last", round), new UpdateOptions().upsert(true));
                System.out.println("updated " + round);
                Document sequence = state.findOneAndUpdate(eq("_id", SEQUENCE), inc("value", 1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                System.out.println("incremented " + sequence.getInteger("value"));
            }
        }
    }

    /** The test holds our stdin open; if its JVM dies without killing us, stop rather than write forever. */
    private static void exitWhenTheParentIsGone() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent sends nothing; read until its end of the pipe closes
                }
            } catch (java.io.IOException e) {
                // the pipe is gone: the same as its end
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
