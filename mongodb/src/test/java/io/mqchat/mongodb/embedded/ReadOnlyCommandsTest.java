package io.mqchat.mongodb.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyCommandsTest {

    @Test
    void readsAreReadOnlyWhateverTheirCase() {
        assertTrue(ReadOnlyCommands.contains("find", new Document("find", "c")));
        assertTrue(ReadOnlyCommands.contains("getMore", new Document("getMore", 1L)));
        assertTrue(ReadOnlyCommands.contains("isMaster", new Document("isMaster", 1)));
    }

    @Test
    void writesAndUnknownCommandsAreNot() {
        for (String command : List.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop",
                "dropDatabase", "renameCollection", "someFutureCommand")) {
            assertFalse(ReadOnlyCommands.contains(command, new Document(command, "c")), command);
        }
    }

    @Test
    void anAggregationIsReadOnlyUnlessItStoresItsResult() {
        Document match = new Document("$match", new Document("a", 1));
        assertTrue(ReadOnlyCommands.contains("aggregate", aggregate(List.of(match, new Document("$count", "n")))));
        Document changeStream = new Document("$changeStream", new Document());
        assertTrue(ReadOnlyCommands.contains("aggregate", aggregate(List.of(changeStream))));
        assertFalse(ReadOnlyCommands.contains("aggregate", aggregate(List.of(match, new Document("$out", "copy")))));
        assertFalse(ReadOnlyCommands.contains("aggregate", aggregate(List.of(match, new Document("$merge", "copy")))));
    }

    private static Document aggregate(List<Document> pipeline) {
        return new Document("aggregate", "c").append("pipeline", pipeline);
    }
}
