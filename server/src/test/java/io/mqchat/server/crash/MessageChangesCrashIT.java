package io.mqchat.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Topics;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reactions take the archive's path (broker, archive lane, archive-worker, every participant's inbox), in 1-1 and
 * through the group-worker in a group. The packaged server is killed ({@code kill -9}) while they stream and started
 * again on the same data: every reaction the broker acknowledged (SENT) must reach the message's sender, offline
 * device included, and be on its message in history.
 */
class MessageChangesCrashIT {

    private static final String SECRET = "changes-crash-test-secret-0123456789abcdef-0123456789";
    private static final int MESSAGES = 400;

    private final TokenMinter minter = new TokenMinter(SECRET, Clock.systemUTC());

    @TempDir
    Path data;

    private static String reaction(String id, String targetId, String targetFrom) {
        return "{\"v\":1,\"type\":\"reaction\",\"id\":\"" + id + "\",\"target\":{\"id\":\"" + targetId
                + "\",\"from\":\"" + targetFrom + "\"},\"emoji\":\"+1\"}";
    }

    @Test
    void noSentReactionIsLostWhenTheServerIsKilledWhileTheyStream() throws Exception {
        int port = CrashSafetyIT.freePort();
        Map<String, String> env = CrashSafetyIT.environment(SECRET, port);
        ServerProcess server = ServerProcess.start(data, env);
        List<ChatDevice> devices = new ArrayList<>();
        try {
            ChatDevice alice = device(devices, "alice", "phone", port);
            ChatDevice aliceLaptop = device(devices, "alice", "laptop", port);
            ChatDevice bob = device(devices, "bob", "phone", port);
            ChatDevice carol = device(devices, "carol", "phone", port);
            aliceLaptop.disconnect();
            String group = CrashSafetyIT.createGroup(alice, "bob", "carol");
            Set<String> messages = new TreeSet<>(PublishStream.of(alice, Topics.send("bob"), "d-", 1000, MESSAGES,
                    PublishStream.TEXT).start().awaitSent());
            messages.addAll(PublishStream.of(alice, Topics.sendToGroup(group), "g-", 1000, MESSAGES,
                    PublishStream.TEXT).start().awaitSent());
            assertEquals(2 * MESSAGES, messages.size(), "every message to react to was SENT");

            PublishStream bobReacts = PublishStream.of(bob, Topics.send("alice"), "rb-", 200, MESSAGES,
                    (id, i) -> reaction(id, PublishStream.idOf("d-", i), "alice")).start();
            PublishStream carolReacts = PublishStream.of(carol, Topics.sendToGroup(group), "rc-", 200, MESSAGES,
                    (id, i) -> reaction(id, PublishStream.idOf("g-", i), "alice")).start();
            Thread.sleep(ThreadLocalRandom.current().nextLong(500, 1500));
            server.kill();
            int atKill = bobReacts.published() + carolReacts.published();
            server = ServerProcess.start(data, env);
            Set<String> sentByBob = bobReacts.awaitSent();
            Set<String> sentByCarol = carolReacts.awaitSent();
            assertTrue(atKill < 2 * MESSAGES, "killed while the reactions streamed: " + atKill + " published");
            assertTrue(sentByBob.size() > MESSAGES / 2 && sentByCarol.size() > MESSAGES / 2,
                    "SENT: " + sentByBob.size() + " 1-1, " + sentByCarol.size() + " group reactions");

            aliceLaptop.reconnect();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            Set<String> expected = new TreeSet<>(sentByBob);
            expected.addAll(sentByCarol);
            Map<String, Set<String>> missing = new HashMap<>();
            for (ChatDevice device : List.of(alice, aliceLaptop)) {
                while (!device.changes().containsAll(expected) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Set<String> lacking = new TreeSet<>(expected);
                lacking.removeAll(device.changes());
                if (!lacking.isEmpty()) {
                    missing.put(device.toString(), lacking);
                }
            }
            Set<String> notInHistory = new TreeSet<>();
            notInHistory.addAll(withoutReaction(alice, "\"with\":\"bob\"", "bob", sentByBob, "rb-", "d-"));
            notInHistory.addAll(withoutReaction(alice, "\"group\":\"" + group + "\"", "carol", sentByCarol, "rc-",
                    "g-"));
            System.out.printf("measured: kill -9 while reactions streamed (%d of %d published at the kill): SENT %d "
                            + "1-1 and %d group reactions; missing at devices %s; SENT but not in history %d%n", atKill,
                    2 * MESSAGES, sentByBob.size(), sentByCarol.size(), missing.keySet(), notInHistory.size());

            assertEquals(Map.of(), missing, "every SENT reaction reached the message's sender, offline device too");
            assertEquals(Set.of(), notInHistory, "every SENT reaction is on its message in history");
        } finally {
            devices.forEach(ChatDevice::close);
            server.close();
        }
    }

    /** The SENT reactions whose message does not show {@code reactor}'s reaction in history. */
    private static Set<String> withoutReaction(ChatDevice reader, String conversation, String reactor,
                                               Set<String> sent, String reactionPrefix, String messagePrefix)
            throws Exception {
        Map<String, ChatMessage> history = new HashMap<>();
        HistoryPages.all(reader, conversation).forEach(message -> history.put(message.id(), message));
        Set<String> lacking = new TreeSet<>();
        IntStream.range(0, MESSAGES).filter(i -> sent.contains(PublishStream.idOf(reactionPrefix, i))).forEach(i -> {
            ChatMessage message = history.get(PublishStream.idOf(messagePrefix, i));
            if (message == null || message.reactions() == null || !"+1".equals(message.reactions().get(reactor))) {
                lacking.add(PublishStream.idOf(reactionPrefix, i));
            }
        });
        return lacking;
    }

    private ChatDevice device(List<ChatDevice> devices, String user, String device, int port) {
        ChatDevice chat = ChatDevice.connect(user, device, port, minter.mint(user, Duration.ofHours(1)));
        devices.add(chat);
        return chat;
    }
}
