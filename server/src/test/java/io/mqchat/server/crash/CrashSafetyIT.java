package io.mqchat.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.Topics;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise users rely on, tested as it is broken: the packaged server runs in its own JVM with its embedded Redis
 * and MongoDB-wire store; 1-1 (500 msg/s) and group (5 members, 100 msg/s) traffic streams to online and offline
 * devices with persistent sessions; the server is killed mid-stream ({@code kill -9}, or SIGTERM) and started again
 * on the same data folder while the traffic goes on. Then every message the broker acknowledged (SENT) must reach
 * every device it was for, the sender's other device included, and be in history exactly once.
 */
class CrashSafetyIT {

    private static final String SECRET = "crash-safety-test-secret-0123456789abcdef-0123456789";
    private static final int DIRECT_PER_SECOND = 500;
    private static final int GROUP_PER_SECOND = 100;

    private final TokenMinter minter = new TokenMinter(SECRET, Clock.systemUTC());

    @TempDir
    Path data;

    @RepeatedTest(4)
    void nothingSentIsLostWhenTheServerIsKilledMidStream() throws Exception {
        streamThroughARestart(true);
    }

    @Test
    void nothingSentIsLostWhenTheServerIsStoppedMidStream() throws Exception {
        streamThroughARestart(false);
    }

    private void streamThroughARestart(boolean kill) throws Exception {
        int port = freePort();
        Map<String, String> env = environment(SECRET, port);
        ServerProcess server = ServerProcess.start(data, env);
        List<ChatDevice> devices = new ArrayList<>();
        try {
            ChatDevice alice = device(devices, "alice", "phone", port);
            ChatDevice aliceLaptop = device(devices, "alice", "laptop", port);
            ChatDevice bob = device(devices, "bob", "phone", port);
            ChatDevice bobTablet = device(devices, "bob", "tablet", port);
            ChatDevice carol = device(devices, "carol", "phone", port);
            ChatDevice dave = device(devices, "dave", "phone", port);
            ChatDevice erin = device(devices, "erin", "laptop", port);
            List<ChatDevice> offline = List.of(aliceLaptop, bobTablet, dave);
            offline.forEach(ChatDevice::disconnect);
            String group = createGroup(alice, "bob", "carol", "dave", "erin");

            PublishStream direct = PublishStream.texts(alice, Topics.send("bob"), "d-", DIRECT_PER_SECOND).start();
            PublishStream toGroup = PublishStream.texts(alice, Topics.sendToGroup(group), "g-", GROUP_PER_SECOND).start();
            Thread.sleep(ThreadLocalRandom.current().nextLong(1000, 2000));
            if (kill) {
                server.kill();
            } else {
                server.stop();
            }
            int beforeRestart = direct.published() + toGroup.published();
            server = ServerProcess.start(data, env);
            Thread.sleep(2000);
            Set<String> sentDirect = direct.stopAndAwaitSent();
            Set<String> sentToGroup = toGroup.stopAndAwaitSent();
            assertTrue(direct.published() + toGroup.published() > beforeRestart, "traffic went on after the restart");
            assertTrue(sentDirect.size() > DIRECT_PER_SECOND && sentToGroup.size() > GROUP_PER_SECOND,
                    "SENT: " + sentDirect.size() + " 1-1, " + sentToGroup.size() + " group");

            offline.forEach(ChatDevice::reconnect);
            Map<String, Set<String>> missing = new HashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (ChatDevice device : List.of(bob, bobTablet, aliceLaptop)) {
                missing.putAll(awaitAll(device, "1-1 at " + device, sentDirect, deadline));
            }
            for (ChatDevice device : List.of(bob, bobTablet, carol, dave, erin, aliceLaptop)) {
                missing.putAll(awaitAll(device, "group at " + device, sentToGroup, deadline));
            }
            // The archive may still be catching up on the backlog the restart left: history is complete eventually.
            long archived = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Map<String, Integer> directHistory = historyHolding(bob, "\"with\":\"alice\"", sentDirect, archived);
            Map<String, Integer> groupHistory = historyHolding(bob, "\"group\":\"" + group + "\"", sentToGroup,
                    archived);
            System.out.printf("measured: %s mid-stream: SENT %d 1-1 and %d group messages; missing at devices %s; "
                            + "history holds %d 1-1 and %d group messages%n", kill ? "kill -9" : "SIGTERM",
                    sentDirect.size(), sentToGroup.size(), counts(missing), directHistory.size(), groupHistory.size());

            assertEquals(Map.of(), missing, "every SENT message reached every device it was for");
            assertEquals(Set.of(), difference(sentDirect, directHistory.keySet()), "every SENT 1-1 message is in history");
            assertEquals(Set.of(), difference(sentToGroup, groupHistory.keySet()), "every SENT group message is in history");
            assertEquals(Map.of(), repeated(directHistory), "history holds each 1-1 message once");
            assertEquals(Map.of(), repeated(groupHistory), "history holds each group message once");
        } finally {
            devices.forEach(ChatDevice::close);
            server.close();
        }
    }

    private ChatDevice device(List<ChatDevice> devices, String user, String device, int port) {
        ChatDevice chat = ChatDevice.connect(user, device, port, minter.mint(user, Duration.ofHours(1)));
        devices.add(chat);
        return chat;
    }

    static String createGroup(ChatDevice creator, String... members) throws Exception {
        String list = java.util.Arrays.stream(members).map(m -> "\"" + m + "\"").collect(Collectors.joining(","));
        assertTrue(creator.publish(Topics.groupRequests(),
                "{\"v\":1,\"op\":\"create\",\"name\":\"Crash\",\"members\":[" + list + "],\"ref\":\"create\"}")
                .get(30, TimeUnit.SECONDS));
        while (true) {
            Envelope answer = creator.nextResponse(30);
            assertNotNull(answer, "the group was created");
            if (answer instanceof Response response && "create".equals(response.ref())) {
                assertTrue(response.ok(), response.toString());
                return response.group().id();
            }
        }
    }

    /** What {@code device} still lacks of {@code expected} at {@code deadline} (nano time), keyed by {@code what}. */
    private static Map<String, Set<String>> awaitAll(ChatDevice device, String what, Set<String> expected,
                                                     long deadline) throws InterruptedException {
        while (!device.received().containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Set<String> lacking = difference(expected, device.received());
        return lacking.isEmpty() ? Map.of() : Map.of(what, lacking);
    }

    /** {@link #history} once it holds every one of {@code expected}, or as it is at {@code deadline} (nano time). */
    private static Map<String, Integer> historyHolding(ChatDevice reader, String conversation, Set<String> expected,
                                                       long deadline) throws Exception {
        Map<String, Integer> history = history(reader, conversation);
        while (!history.keySet().containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            history = history(reader, conversation);
        }
        return history;
    }

    /** Every message id of one conversation's history, with how often it appeared. */
    private static Map<String, Integer> history(ChatDevice reader, String conversation) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        HistoryPages.all(reader, conversation).forEach(message -> seen.merge(message.id(), 1, Integer::sum));
        return seen;
    }

    private static Set<String> difference(Set<String> expected, Set<String> present) {
        Set<String> lacking = new TreeSet<>(expected);
        lacking.removeAll(present);
        return lacking;
    }

    private static Map<String, Integer> repeated(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, Integer> counts(Map<String, Set<String>> missing) {
        return missing.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
    }

    /**
     * The server's environment in a crash test: its own secret and port, no web socket, metrics or media ports, and
     * limits far above one user's, since the test streams are about crashes, not limits.
     */
    static Map<String, String> environment(String secret, int port) {
        Map<String, String> env = new HashMap<>(Map.of("MQCHAT_JWT_SECRET", secret,
                "MQCHAT_MQTT_PORT", Integer.toString(port), "MQCHAT_WEBSOCKET_PORT", "0", "MQCHAT_METRICS_PORT", "0",
                "MQCHAT_MEDIA_PORT", "0"));
        env.putAll(Map.of("MQCHAT_RATE_MESSAGES_PER_SECOND", "100000", "MQCHAT_RATE_BURST", "100000",
                "MQCHAT_RATE_GROUP_MESSAGES_PER_SECOND", "100000", "MQCHAT_RATE_GROUP_BURST", "100000",
                "MQCHAT_GROUPS_FANOUT_PER_SECOND", "1000000", "MQCHAT_GROUPS_FANOUT_BURST", "1000000"));
        return env;
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
