package io.mqchat.archive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.client.MongoClient;
import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.store.ConversationKey;
import io.mqchat.archive.store.MongoArchiveStore;
import io.mqchat.archive.store.PageQuery;
import io.mqchat.groups.embedded.EmbeddedMongo;
import io.mqchat.groups.store.MongoConnector;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.service.InboundMessage;
import io.mqchat.service.RetryLater;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveFeedTest {

    private static final long T0 = 1_795_000_000_000L;
    private final Codec codec = new Codec();
    private EmbeddedMongo mongo;
    private MongoClient client;
    private ArchiveStore store;
    private ArchiveFeed feed;

    @BeforeEach
    void start(@TempDir Path dir) {
        mongo = EmbeddedMongo.start(dir);
        client = MongoConnector.connect(mongo.connectionString());
        store = new MongoArchiveStore(client.getDatabase("feed"));
        feed = new ArchiveFeed(store, codec, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    private static InboundMessage item(byte[] payload) {
        return new InboundMessage(ServiceTopics.ARCHIVE, payload, Map.of(), Optional.empty(), Optional.empty());
    }

    private InboundMessage item(Envelope envelope) {
        return item(codec.encode(envelope));
    }

    private List<ChatMessage> archived() {
        return store.page(new PageQuery(ConversationKey.direct("alice", "bob"), null, null, 10, 0), T0).messages();
    }

    @Test
    void stampedMessagesAreArchivedAndAnythingIncompleteIsSkippedWithoutHoldingUpTheFeed() throws Exception {
        ChatMessage stamped = ChatMessage.text("m1", "hi").stamped("m1", "alice", "bob", T0);
        feed.handle(item("not json".getBytes(StandardCharsets.UTF_8)));
        feed.handle(item(ChatMessage.text("m0", "never routed")));
        feed.handle(item(new ChatMessage(ChatMessage.TEXT, "m2", "alice", "bob", "g-1", T0, "both", null, null, null)));
        feed.handle(item(Receipt.delivered("m1", "bob", "phone", T0)));
        feed.handle(item(stamped));

        assertEquals(List.of(stamped), archived());
    }

    @Test
    void anItemArrivingWhileMongoIsDownIsHandedBackForARetry() {
        mongo.close();
        assertThrows(RetryLater.class, () -> feed.handle(item(ChatMessage.text("m1", "hi")
                .stamped("m1", "alice", "bob", T0))));
    }
}
