package io.mqchat.mongodb.embedded;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded store acknowledged is still there after its process is killed outright. */
class EmbeddedMongoCrashTest {

    /** Enough acknowledged writes that the kill lands while the writer is busy, well inside any commit delay. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 600;

    @Test
    void acknowledgedWritesSurviveKillOfTheProcess(@TempDir Path dir) throws Exception {
        Map<String, Integer> lastAcknowledged = writeUntilKilled(dir);

        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase database = client.getDatabase(AcknowledgedWriter.DATABASE);
            MongoCollection<Document> messages = database.getCollection(AcknowledgedWriter.MESSAGES);
            MongoCollection<Document> state = database.getCollection(AcknowledgedWriter.STATE);

            int lastInserted = lastAcknowledged.get("inserted");
            assertEquals(lastInserted + 1, messages.countDocuments(lte("_id", lastInserted)), "acknowledged inserts");
            Document last = messages.find(eq("_id", lastInserted)).first();
            assertNotNull(last, "the last acknowledged insert");
            assertEquals("message " + lastInserted, last.getString("text"));

            Document counter = state.find(eq("_id", AcknowledgedWriter.COUNTER)).first();
            assertNotNull(counter, "the acknowledged upsert");
            assertTrue(counter.getInteger("last") >= lastAcknowledged.get("updated"),
                    "acknowledged update " + lastAcknowledged.get("updated") + ", found " + counter);

            Document sequence = state.find(eq("_id", AcknowledgedWriter.SEQUENCE)).first();
            assertNotNull(sequence, "the acknowledged sequence");
            assertTrue(sequence.getInteger("value") >= lastAcknowledged.get("incremented"),
                    "acknowledged findOneAndUpdate " + lastAcknowledged.get("incremented") + ", found " + sequence);
        }
    }

    /** Runs {@link AcknowledgedWriter} on {@code dir}, kills it mid-run, and answers the last value of each kind. */
    private static Map<String, Integer> writeUntilKilled(Path dir) throws IOException, InterruptedException {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), AcknowledgedWriter.class.getName(),
                dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Map<String, Integer> last = new HashMap<>();
        int acknowledged = 0;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < ACKNOWLEDGED_BEFORE_KILL && (line = lines.readLine()) != null) {
                String[] words = line.split(" ");
                // Other lines are the child's log.
                if (words.length == 2 && words[1].matches("\\d+")) {
                    last.put(words[0], Integer.parseInt(words[1]));
                    acknowledged++;
                }
            }
            writer.destroyForcibly();
            writer.waitFor();
        } finally {
            writer.destroyForcibly();
        }
        assertEquals(ACKNOWLEDGED_BEFORE_KILL, acknowledged, "the writer stopped by itself: see its output above");
        return last;
    }
}
