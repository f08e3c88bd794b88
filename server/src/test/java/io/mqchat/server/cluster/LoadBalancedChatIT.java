package io.mqchat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes behind HAProxy, configured as docs/CLUSTER.md says: third-party clients of both MQTT versions, and the
 * client library over WebSocket, reach their users' homes without knowing there is a cluster, and chat across nodes; when a node dies, its users come back
 * through HAProxy on another node and miss nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancedChatIT {

    @TempDir
    static Path folder;
    private static TestCluster cluster;
    private static LoadBalancer balancer;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(LoadBalancer.installed(), "HAProxy is not installed here (.ci/run installs it)");
        cluster = TestCluster.start(folder, 3, Map.of());
        balancer = LoadBalancer.start(folder, cluster.nodes());
    }

    @AfterAll
    static void stop() throws Exception {
        if (balancer != null) {
            balancer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void mqtt311AndMqtt5ClientsChatAcrossNodesThroughTheLoadBalancer() throws Exception {
        List<String> users = usersOnDistinctNodes("lb", 2);
        String alice = users.get(0);
        String bob = users.get(1);
        String aliceHome = cluster.home(alice);

        BlockingQueue<String> aliceGot = new LinkedBlockingQueue<>();
        Mqtt3BlockingClient aliceLaptop = mqtt311(alice, "laptop", aliceGot);
        Mqtt3BlockingClient alicePhone = mqtt311(alice, "phone", new LinkedBlockingQueue<>());
        BlockingQueue<String> bobGot = new LinkedBlockingQueue<>();
        Mqtt5BlockingClient bobPhone = mqtt5(bob, "phone", bobGot);
        try {
            assertEquals(aliceHome, cluster.home(alice), "both of alice's devices reached her home");

            aliceLaptop.publishWith().topic(Topics.send(bob)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"v\":1,\"type\":\"text\",\"id\":\"lb-1\",\"body\":\"through haproxy\"}"
                            .getBytes(StandardCharsets.UTF_8)).send();

            String arrived = awaitContaining(bobGot, "\"lb-1\"");
            assertTrue(arrived.contains("\"from\":\"" + alice + "\""), arrived);
            String receipt = awaitContaining(aliceGot, "\"delivered\"");
            assertTrue(receipt.contains("\"lb-1\""), receipt);
        } finally {
            aliceLaptop.disconnect();
            alicePhone.disconnect();
            bobPhone.disconnect();
        }
    }

    @Test
    @Order(2)
    void aWebSocketDeviceLandsOnItsUsersHomeThroughTheLoadBalancer() throws Exception {
        List<String> users = usersOnDistinctNodes("ws", 2);
        String erin = users.get(0);
        String homeBefore = cluster.home(erin);
        try (AppDevice erinBrowser = AppDevice.connect(cluster, erin, "browser",
                "ws://127.0.0.1:" + balancer.websocketPort() + "/mqtt?user=" + erin);
             AppDevice frank = AppDevice.connect(cluster, users.get(1), "phone", balancer.port())) {
            assertEquals(homeBefore, cluster.home(erin), "the WebSocket device reached erin's home: no move");
            frank.client().send(erin, "to the browser").get(15, TimeUnit.SECONDS);
            erinBrowser.awaitText("to the browser");
        }
    }

    @Test
    @Order(3)
    void whenANodeDiesItsUsersComeBackThroughTheLoadBalancerOnAnotherNode() throws Exception {
        List<String> users = usersOnDistinctNodes("gone", 2);
        String carol = users.get(0);
        String dave = users.get(1);
        String carolNode = cluster.home(carol).split(" ")[0];
        try (AppDevice carolPhone = AppDevice.connect(cluster, carol, "phone", balancer.port());
             AppDevice davePhone = AppDevice.connect(cluster, dave, "phone", balancer.port())) {
            davePhone.client().send(carol, "before").get(15, TimeUnit.SECONDS);
            carolPhone.awaitText("before");

            cluster.node(Integer.parseInt(carolNode.substring("node-".length()))).process().kill();
            long killedAt = System.nanoTime();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (cluster.home(carol).startsWith(carolNode + " ") || !carolPhone.client().isConnected()) {
                assertTrue(System.nanoTime() < deadline, carol + " was not served again: " + cluster.home(carol));
                Thread.sleep(100);
            }
            long servedAgainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            davePhone.client().send(carol, "after").get(30, TimeUnit.SECONDS);
            carolPhone.awaitText("after");
            System.out.printf("measured: kill -9 of a user's node behind HAProxy: served again on %s after %d ms, "
                    + "a message sent then arrived %d ms after the kill%n", cluster.home(carol), servedAgainMillis,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
            assertNotEquals(carolNode, cluster.home(carol).split(" ")[0]);
        }
    }

    /** {@code count} users (named {@code prefix} and a number) whom HAProxy homes on different live nodes. */
    private static List<String> usersOnDistinctNodes(String prefix, int count) {
        List<String> users = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        for (int i = 0; users.size() < count && i < 100; i++) {
            String user = prefix + i;
            Mqtt5BlockingClient probe = MqttClient.builder().useMqttVersion5().identifier(user + ":probe")
                    .serverHost("127.0.0.1").serverPort(balancer.port()).buildBlocking();
            probe.connectWith().cleanStart(true).sessionExpiryInterval(0).simpleAuth().username(user)
                    .password(cluster.token(user).getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
            probe.disconnect();
            String node = cluster.home(user).split(" ")[0];
            if (!nodes.contains(node)) {
                nodes.add(node);
                users.add(user);
            }
        }
        assertEquals(count, users.size(), "HAProxy spread users over the nodes");
        return users;
    }

    private Mqtt3BlockingClient mqtt311(String user, String device, BlockingQueue<String> received) {
        Mqtt3BlockingClient client = MqttClient.builder().useMqttVersion3().identifier(user + ":" + device)
                .serverHost("127.0.0.1").serverPort(balancer.port()).buildBlocking();
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL,
                publish -> received.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        client.connectWith().cleanSession(false).simpleAuth().username(user)
                .password(cluster.token(user).getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        client.subscribeWith().topicFilter(Topics.userTree(user)).qos(MqttQos.AT_LEAST_ONCE).send();
        return client;
    }

    private Mqtt5BlockingClient mqtt5(String user, String device, BlockingQueue<String> received) {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier(user + ":" + device)
                .serverHost("127.0.0.1").serverPort(balancer.port()).buildBlocking();
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL,
                publish -> received.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)));
        client.connectWith().cleanStart(false).sessionExpiryInterval(3600).simpleAuth().username(user)
                .password(cluster.token(user).getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        client.subscribeWith().topicFilter(Topics.userTree(user)).qos(MqttQos.AT_LEAST_ONCE).send();
        return client;
    }

    private static String awaitContaining(BlockingQueue<String> received, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String payload = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertTrue(payload != null, "nothing with " + text + " arrived");
            if (payload.contains(text)) {
                return payload;
            }
        }
    }
}
