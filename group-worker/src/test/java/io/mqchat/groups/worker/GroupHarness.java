package io.mqchat.groups.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.limits.RateLimit;
import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.groups.settings.FanoutLimit;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.groups.store.MongoGroupStore;
import io.mqchat.mongodb.MongoConnector;
import io.mqchat.mongodb.embedded.EmbeddedMongo;
import io.mqchat.privacy.MongoPrivacyStore;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.Topics;
import io.mqchat.service.LaneSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A real broker with the extension, an embedded MongoDB-wire store, and group-workers connected to both, for
 * end-to-end tests with plain MQTT devices.
 */
final class GroupHarness implements AutoCloseable {

    static final Codec CODEC = new Codec();
    /** A fan-out budget no test but the budget's own reaches. */
    static final FanoutLimit UNLIMITED = new FanoutLimit(1_000_000, 1_000_000);

    private final TestBroker broker;
    private final String database = "mqchat" + UUID.randomUUID().toString().replace("-", "");
    private final List<AutoCloseable> opened = new ArrayList<>();
    private EmbeddedMongo mongo;

    private GroupHarness(TestBroker broker, Path mongoDir) {
        this.broker = broker;
        this.mongo = EmbeddedMongo.start(mongoDir);
    }

    /** With the broker's limit on group messages per user out of the way (the worker's own budget decides). */
    static GroupHarness start(Path dir, UnaryOperator<ExtensionConfig> extension) {
        return new GroupHarness(TestBroker.start(config -> extension.apply(
                config.withGroupRateLimit(new RateLimit(1_000_000, 1_000_000)))), dir.resolve("mongo"));
    }

    TestBroker broker() {
        return broker;
    }

    /** A started worker that owns every lane, with its own MongoDB client and store, like a separate process. */
    GroupWorker worker(String instance, int maxMembers) {
        return worker(instance, "all", maxMembers);
    }

    /**
     * A started worker that owns {@code lanes} (as in {@code worker.lanes}), like a separate process. Its fan-out
     * budget is out of the way: tests of other things send more than one user may (FanoutBudgetTest tests it).
     */
    GroupWorker worker(String instance, String lanes, int maxMembers) {
        return worker(instance, lanes, GroupSettings.defaults().withMaxMembers(maxMembers).withFanout(UNLIMITED));
    }

    /** A started worker with {@code settings} that owns {@code lanes}, like a separate process. */
    GroupWorker worker(String instance, String lanes, GroupSettings settings) {
        MongoClient client = MongoConnector.connect(mongo.connectionString());
        opened.add(client);
        MongoGroupStore store = new MongoGroupStore(client.getDatabase(database), settings.maxMembers());
        GroupWorker worker = new GroupWorker(settings, Clock.systemUTC(),
                store, new MongoPrivacyStore(client.getDatabase(database)),
                new BrokerLink(broker.host(), broker.port(), instance, LaneSet.parse(lanes).orElseThrow(),
                        () -> broker.serviceToken(GroupWorker.SERVICE)));
        worker.start();
        opened.add(worker);
        return worker;
    }

    /** Stops the store; workers see it as MongoDB being down. */
    void stopMongo() {
        mongo.close();
    }

    /** Starts the store again on the same port and data. */
    void restartMongo() {
        mongo = mongo.startAgain();
    }

    MqttDevice device(String user, String device) {
        MqttDevice d = MqttDevice.v5(broker, user, device);
        opened.add(d);
        return d;
    }

    /** Publishes a group request and waits for its response (matched by {@code ref}) on the user's tree. */
    static Response request(MqttDevice device, String user, String json) {
        String ref = "r" + UUID.randomUUID().toString().replace("-", "");
        String withRef = json.replaceFirst("\\{", "{\"ref\":\"" + ref + "\",");
        device.publish(Topics.groupRequests(), withRef);
        return await(device, Topics.responses(user), Response.class, r -> ref.equals(r.ref()));
    }

    /** Creates a group of {@code creator} with {@code members}; returns its id. */
    static String createGroup(MqttDevice device, String creator, String name, String... members) {
        Response response = request(device, creator, "{\"v\":1,\"op\":\"create\",\"name\":\"" + name
                + "\",\"members\":[" + quoted(members) + "]}");
        assertTrue(response.ok(), () -> "create failed: " + response);
        return response.group().id();
    }

    static String quoted(String... users) {
        return String.join(",", java.util.Arrays.stream(users).map(u -> "\"" + u + "\"").toList());
    }

    /**
     * Items of a batch that {@link #await} or {@link #drain} read but did not hand out yet, per device and topic: the
     * server batches receipts that pile up, so one publish may carry several.
     */
    private static final Map<MqttDevice, Map<String, Deque<Envelope>>> UNREAD =
            Collections.synchronizedMap(new IdentityHashMap<>());

    /** The next envelope of {@code type} matching {@code match} on {@code topic}, skipping others; fails after 20 s. */
    static <T extends Envelope> T await(MqttDevice device, String topic, Class<T> type, Predicate<T> match) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<Envelope> envelope = next(device, topic, deadline - System.currentTimeMillis());
            if (envelope.isPresent() && type.isInstance(envelope.get()) && match.test(type.cast(envelope.get()))) {
                return type.cast(envelope.get());
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " on " + topic);
    }

    /** Every envelope of {@code type} arriving on {@code topic} within {@code millis}. */
    static <T extends Envelope> List<T> drain(MqttDevice device, String topic, Class<T> type, long millis) {
        List<T> found = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            next(device, topic, Math.max(1, deadline - System.currentTimeMillis()))
                    .filter(type::isInstance)
                    .ifPresent(e -> found.add(type.cast(e)));
        }
        return found;
    }

    /** The next envelope on {@code topic}, a batch's items one by one. */
    private static Optional<Envelope> next(MqttDevice device, String topic, long millis) {
        Deque<Envelope> unread = UNREAD.computeIfAbsent(device, d -> new ConcurrentHashMap<>())
                .computeIfAbsent(topic, t -> new ArrayDeque<>());
        if (unread.isEmpty()) {
            device.poll(topic, millis).ifPresent(received -> unread.addAll(decodeAll(received.payload())));
        }
        return Optional.ofNullable(unread.poll());
    }

    static List<Envelope> decodeAll(String payload) {
        try {
            return CODEC.decodeAll(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            throw new AssertionError("undecodable payload " + payload, e);
        }
    }

    static Envelope decode(String payload) {
        try {
            return CODEC.decode(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
        try {
            mongo.close();
        } finally {
            broker.close();
        }
    }
}
