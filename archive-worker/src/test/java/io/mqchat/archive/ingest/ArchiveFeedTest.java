package io.mqchat.archive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.mqchat.archive.changes.ChangeDelivery;
import io.mqchat.archive.changes.MessageChanges;
import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.store.ConversationKey;
import io.mqchat.archive.store.MongoArchiveStore;
import io.mqchat.archive.store.PageQuery;
import io.mqchat.media.store.GridFsMediaStore;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.MediaRef;
import io.mqchat.protocol.Receipt;
import io.mqchat.protocol.ServiceTopics;
import io.mqchat.service.InboundMessage;
import io.mqchat.service.Publisher;
import io.mqchat.service.RetryLater;
import io.mqchat.service.ServiceConnection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
        feed = new ArchiveFeed(store, codec, Clock.systemUTC(), new FeedProgress(), changesUnused(Clock.systemUTC()));
    }

    /** Changes are not this test's subject (the worker's MessageChangesTest covers them): nothing is published. */
    private ChangeDelivery changesUnused(Clock clock) {
        ServiceConnection neverConnected = ServiceConnection.builder().host("localhost").port(1).clientId("unused")
                .token(() -> "unused").clock(clock).build();
        return new ChangeDelivery(store, new MessageChanges(store, Duration.ofMinutes(15), Duration.ofDays(2),
                Duration.ZERO), new Publisher(neverConnected, Duration.ofSeconds(1)), codec, clock,
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    private static InboundMessage item(byte[] payload) {
        return new InboundMessage(ServiceTopics.lane(ServiceTopics.ARCHIVE, 0), payload, Map.of(), Optional.empty(), Optional.empty());
    }

    private InboundMessage item(Envelope envelope) {
        return item(codec.encode(envelope));
    }

    private List<ChatMessage> archived() {
        return store.page(new PageQuery(ConversationKey.direct("alice", "bob"), null, null, 10, 0, null), T0).messages();
    }

    @Test
    void stampedMessagesAreArchivedAndAnythingIncompleteIsSkippedWithoutHoldingUpTheFeed() throws Exception {
        ChatMessage stamped = ChatMessage.text("m1", "hi").stamped("m1", "alice", "bob", T0);
        feed.handle(item("not json".getBytes(StandardCharsets.UTF_8)));
        feed.handle(item(ChatMessage.text("m0", "never routed")));
        feed.handle(item(new ChatMessage(ChatMessage.TEXT, "m2", "alice", "bob", "g-1", T0, "both", null, null, null, null, null, null)));
        feed.handle(item(Receipt.delivered("m1", "bob", "phone", T0)));
        feed.handle(item(stamped));

        assertEquals(List.of(stamped), archived());
    }

    @Test
    void imageMessagesAreArchivedWithTheirMediaAndOnesWithoutAUsableReferenceAreSkipped() throws Exception {
        String sha = "ab".repeat(32);
        MediaRef ref = new MediaRef(sha, "image/png", 1_234, 40, 30, sha, null);
        ChatMessage image = ChatMessage.image("m1", ref, null, null).stamped("m1", "alice", "bob", T0);
        new GridFsMediaStore(client.getDatabase("feed")).save(ref, new ByteArrayInputStream(new byte[] {1}), "alice",
                Instant.ofEpochMilli(T0));
        feed.handle(item(ChatMessage.image("m2", null, "no media", null).stamped("m2", "alice", "bob", T0)));
        feed.handle(item(ChatMessage.image("m3", new MediaRef("x", "image/png", 1, 1, 1, "x", null), null, null)
                .stamped("m3", "alice", "bob", T0)));
        feed.handle(item(image));

        assertEquals(List.of(image), archived());
        assertTrue(store.sharedWith("bob", sha, T0), "the recipient may download the image its sender uploaded");
    }

    @Test
    void archivedMessagesAreCountedWithHowLateTheLatestWasArchived() throws Exception {
        FeedProgress progress = new FeedProgress();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(T0 + 1_500), ZoneOffset.UTC);
        ArchiveFeed counted = new ArchiveFeed(store, codec, clock, progress, changesUnused(clock));
        assertEquals(OptionalLong.empty(), progress.latestServerTs());
        counted.handle(item(ChatMessage.text("m1", "hi").stamped("m1", "alice", "bob", T0)));
        counted.handle(item(Receipt.read("m1", "bob", "alice", T0 + 1_000)));
        counted.handle(item(ChatMessage.text("m2", "again").stamped("m2", "alice", "bob", T0 + 1_000)));

        assertEquals(2, progress.archivedMessages(), "messages, not read markers");
        assertEquals(500, progress.lagMillis());
        assertEquals(OptionalLong.of(T0 + 1_000), progress.latestServerTs());
    }

    @Test
    void anItemArrivingWhileMongoIsDownIsHandedBackForARetry() {
        mongo.close();
        assertThrows(RetryLater.class, () -> feed.handle(item(ChatMessage.text("m1", "hi")
                .stamped("m1", "alice", "bob", T0))));
    }
}
