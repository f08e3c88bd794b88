package io.mqchat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes (the packaged server, each in its own JVM with its own data) sharing a real redis-server: every device of
 * a user ends up on the user's home node, whichever node it reaches first; a device arriving through a balanced
 * listener moves its user and the old home lets go; a dead home's users are served where they reach next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterHomingIT {

    @TempDir
    static Path folder;
    private static TestCluster cluster;
    private static TestCluster.Node one;
    private static TestCluster.Node two;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.start(folder, 2, Map.of());
        one = cluster.node(1);
        two = cluster.node(2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (RuntimeException alreadyDisconnected) {
                // a node let go of it, or was killed
            }
        }
    }

    @Test
    @Order(1)
    void aDeviceThatReachesAnotherNodeIsRedirectedToItsUsersHome() throws Exception {
        AppDevice alicePhone = device("alice", "phone", one.port());
        AppDevice bob = device("bob", "phone", one.port());
        AppDevice aliceLaptop = device("alice", "laptop", two.port());

        bob.client().send("alice", "hello from node-1").get(10, TimeUnit.SECONDS);

        assertEquals("hello from node-1", aliceLaptop.nextMessage().text(), "the laptop, pointed at node-2, chats on node-1");
        assertEquals("hello from node-1", alicePhone.nextMessage().text());
        assertEquals("node-1 1", home("alice"));
    }

    @Test
    @Order(2)
    void mqtt5ClientsAreToldTheHomeAndMqtt311ClientsToTryAgain() throws Exception {
        device("alice", "phone", one.port());

        Mqtt5ConnAckException redirected = assertInstanceOf(Mqtt5ConnAckException.class, connectFailure(() ->
                MqttClient.builder().useMqttVersion5().identifier("alice:tablet").serverHost("127.0.0.1")
                        .serverPort(two.port()).buildBlocking().connectWith().simpleAuth().username("alice")
                        .password(token("alice")).applySimpleAuth().send()));
        assertEquals(Mqtt5ConnAckReasonCode.USE_ANOTHER_SERVER, redirected.getMqttMessage().getReasonCode());
        assertEquals(Optional.of("127.0.0.1:" + one.port()),
                redirected.getMqttMessage().getServerReference().map(Object::toString));

        Mqtt3ConnAckException refused = assertInstanceOf(Mqtt3ConnAckException.class, connectFailure(() ->
                MqttClient.builder().useMqttVersion3().identifier("alice:old").serverHost("127.0.0.1")
                        .serverPort(two.port()).buildBlocking().connectWith().simpleAuth().username("alice")
                        .password(token("alice")).applySimpleAuth().send()));
        assertEquals(Mqtt3ConnAckReturnCode.SERVER_UNAVAILABLE, refused.getMqttMessage().getReturnCode());
    }

    @Test
    @Order(3)
    void aDeviceArrivingThroughTheLoadBalancerTakesItsUserOverAndTheOldHomeLetsGo() throws Exception {
        AppDevice carolPhone = device("carol", "phone", one.port());
        AppDevice bob = device("bob", "phone", one.port());
        Mqtt5BlockingClient tablet = rawClient("carol", "tablet", one.port());
        tablet.subscribeWith().topicFilter(Topics.userTree("carol")).qos(MqttQos.AT_LEAST_ONCE).send();
        tablet.disconnect();
        bob.client().send("carol", "queued for the tablet on node-1").get(10, TimeUnit.SECONDS);
        assertEquals("queued for the tablet on node-1", carolPhone.nextMessage().text());

        AppDevice carolLaptop = device("carol", "laptop", two.balancedPort());
        assertEquals("node-2 2", home("carol"), "the balanced listener took carol over");

        AppDevice dave = device("dave", "phone", two.port());
        dave.client().send("carol", "carol lives on node-2 now").get(10, TimeUnit.SECONDS);
        // The laptop's catch-up from history may bring the earlier message first.
        carolLaptop.awaitText("carol lives on node-2 now");
        carolPhone.awaitText("carol lives on node-2 now");

        // carol comes back to node-1 through its balanced listener: the tablet's session from before the move is gone,
        // so nothing it queued then is delivered again (history sync is the way back to it). The laptop goes first: a
        // device on node-2's balanced listener would take carol back (behind a load balancer, all devices agree).
        carolLaptop.client().close();
        BlockingQueue<String> stale = new LinkedBlockingQueue<>();
        Mqtt5BlockingClient returning = MqttClient.builder().useMqttVersion5().identifier("carol:tablet")
                .serverHost("127.0.0.1").serverPort(one.balancedPort()).buildBlocking();
        returning.toAsync().publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL,
                publish -> stale.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        Mqtt5ConnAck connAck = returning.connectWith().cleanStart(false).sessionExpiryInterval(86_400)
                .simpleAuth().username("carol").password(token("carol")).applySimpleAuth().send();
        clients.add(returning::disconnect);
        assertFalse(connAck.isSessionPresent(), "the session from before the move was dropped");
        assertEquals(null, stale.poll(2, TimeUnit.SECONDS), "nothing queued before the move is delivered again");
        assertEquals("node-1 3", home("carol"));
    }

    @Test
    @Order(4)
    void whenAHomeDiesItsUsersAreServedByTheNodeTheyReachNext() throws Exception {
        device("erin", "laptop", one.port());
        AppDevice erinPhone = device("erin", "phone", two.port());
        assertEquals("node-1 1", home("erin"));

        one.process().kill();

        // The phone's configured server is node-2: once node-1's heartbeat has expired, node-2 claims erin.
        AppDevice frank = device("frank", "phone", two.port());
        awaitHome("erin", "node-2 2");
        frank.client().send("erin", "node-1 is gone").get(30, TimeUnit.SECONDS);
        assertEquals("node-1 is gone", erinPhone.nextMessage().text());
    }

    private AppDevice device(String user, String device, int port) throws Exception {
        AppDevice app = AppDevice.connect(cluster, user, device, port);
        clients.add(app);
        return app;
    }

    private Mqtt5BlockingClient rawClient(String user, String device, int port) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(user + ":" + device)
                .serverHost("127.0.0.1").serverPort(port).buildBlocking();
        client.connectWith().cleanStart(false).sessionExpiryInterval(86_400).simpleAuth().username(user)
                .password(token(user)).applySimpleAuth().send();
        return client;
    }

    private static Throwable connectFailure(Runnable connect) {
        try {
            connect.run();
        } catch (CompletionException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the CONNECT was accepted");
    }

    private static String home(String user) {
        return cluster.home(user);
    }

    private static void awaitHome(String user, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!expected.equals(home(user))) {
            assertTrue(System.nanoTime() < deadline, user + "'s home is " + home(user) + ", not " + expected);
            Thread.sleep(100);
        }
    }

    private static byte[] token(String user) {
        return cluster.token(user).getBytes(StandardCharsets.UTF_8);
    }
}
