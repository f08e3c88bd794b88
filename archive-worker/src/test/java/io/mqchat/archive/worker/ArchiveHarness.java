package io.mqchat.archive.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.archive.store.ArchiveStore;
import io.mqchat.archive.store.MongoArchiveStore;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.groups.store.MongoGroupStore;
import io.mqchat.groups.worker.GroupWorker;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.privacy.MongoPrivacyStore;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.Topics;
import io.mqchat.service.LaneSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Archive-workers (and, for group traffic, a real group-worker) connected to a test broker and an embedded
 * MongoDB-wire store, with plain MQTT devices. The broker belongs to the test class; everything else to the harness.
 */
final class ArchiveHarness implements AutoCloseable {

    static final Codec CODEC = new Codec();

    private final TestBroker broker;
    private final String database = "mqchat" + UUID.randomUUID().toString().replace("-", "");
    private final List<AutoCloseable> opened = new ArrayList<>();
    private EmbeddedMongo mongo;

    ArchiveHarness(TestBroker broker, Path dir) {
        this.broker = broker;
        this.mongo = EmbeddedMongo.start(dir.resolve("mongo"));
    }

    /** A started archive-worker that owns every lane, with its own MongoDB client, like a separate process. */
    ArchiveWorker archiveWorker(String instance, Clock clock, ArchiveSettings settings) {
        return archiveWorker(instance, LaneSet.everyLane(), clock, settings);
    }

    /** A started archive-worker that owns {@code lanes}, with its own MongoDB client, like a separate process. */
    ArchiveWorker archiveWorker(String instance, LaneSet lanes, Clock clock, ArchiveSettings settings) {
        ArchiveWorker worker = new ArchiveWorker(settings, clock, store(), new BrokerLink(broker.host(), broker.port(),
                instance, lanes, () -> broker.serviceToken(ArchiveWorker.SERVICE)));
        worker.start();
        opened.add(worker);
        return worker;
    }

    ArchiveWorker archiveWorker(String instance) {
        return archiveWorker(instance, Clock.systemUTC(), ArchiveSettings.defaults());
    }

    /** A started group-worker on the same database, which feeds group messages and events to the archive. */
    GroupWorker groupWorker() {
        GroupWorker worker = new GroupWorker(GroupSettings.defaults(), Clock.systemUTC(),
                new MongoGroupStore(client().getDatabase(database), GroupSettings.DEFAULT_MAX_MEMBERS),
                new MongoPrivacyStore(client().getDatabase(database)),
                new io.mqchat.groups.worker.BrokerLink(broker.host(), broker.port(), "1",
                        () -> broker.serviceToken(GroupWorker.SERVICE)));
        worker.start();
        opened.add(worker);
        return worker;
    }

    /** The archive as the workers see it, through a client of its own. */
    ArchiveStore store() {
        return new MongoArchiveStore(client().getDatabase(database));
    }

    private MongoClient client() {
        MongoClient client = MongoConnector.connect(mongo.connectionString());
        opened.add(client);
        return client;
    }

    MqttDevice device(String user, String device) {
        MqttDevice d = MqttDevice.v5(broker, user, device);
        opened.add(d);
        return d;
    }

    /** A connection with {@code service}'s token, as a worker has, that subscribes to nothing yet. */
    MqttDevice serviceDevice(String service, String instance) {
        MqttDevice d = MqttDevice.service(broker, service, instance);
        opened.add(d);
        return d;
    }

    /** Stops the store; workers see it as MongoDB being down. */
    void stopMongo() {
        mongo.close();
    }

    /** Starts the store again on the same port and data. */
    void restartMongo() {
        mongo = mongo.startAgain();
    }

    /** Creates a group of {@code creator} through the group-worker; returns its id. */
    static String createGroup(MqttDevice device, String creator, String... members) {
        Response response = groupRequest(device, creator, "{\"v\":1,\"op\":\"create\",\"name\":\"Trip\",\"members\":["
                + String.join(",", List.of(members).stream().map(m -> "\"" + m + "\"").toList()) + "]}");
        assertTrue(response.ok(), () -> "create failed: " + response);
        return response.group().id();
    }

    /** Publishes a group request and waits for its response. */
    static Response groupRequest(MqttDevice device, String user, String json) {
        String ref = newRef();
        device.publish(Topics.groupRequests(), json.replaceFirst("\\{", "{\"ref\":\"" + ref + "\","));
        return await(device, Topics.responses(user), Response.class, r -> ref.equals(r.ref()));
    }

    static String newRef() {
        return "r" + UUID.randomUUID().toString().replace("-", "");
    }

    static String text(String id, String body) {
        return "{\"v\":1,\"type\":\"text\",\"id\":\"" + id + "\",\"body\":\"" + body + "\"}";
    }

    /** The next envelope of {@code type} matching {@code match} on {@code topic}, skipping others; fails after 20 s. */
    static <T extends Envelope> T await(MqttDevice device, String topic, Class<T> type, Predicate<T> match) {
        return type.cast(decode(awaitPayload(device, topic, type, match)));
    }

    /** The payload of what {@link #await} would return, exactly as it arrived. */
    static <T extends Envelope> String awaitPayload(MqttDevice device, String topic, Class<T> type,
                                                    Predicate<T> match) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<MqttDevice.Received> next = device.poll(topic, deadline - System.currentTimeMillis());
            if (next.isPresent()) {
                Envelope envelope = decode(next.get().payload());
                if (type.isInstance(envelope) && match.test(type.cast(envelope))) {
                    return next.get().payload();
                }
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " on " + topic);
    }

    static Envelope decode(String payload) {
        try {
            return CODEC.decode(payload.getBytes(StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            throw new AssertionError("undecodable payload " + payload, e);
        }
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception ignored) {
                // closing what is already gone
            }
        }
        mongo.close();
    }
}
