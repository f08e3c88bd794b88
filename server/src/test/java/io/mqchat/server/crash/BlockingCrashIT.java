package io.mqchat.server.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.HistoryResponse;
import io.mqchat.protocol.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A block holds through a crash: the packaged server is killed ({@code kill -9}) while a blocked user's messages
 * stream to its blocker, and started again on the same data. Every one of them SENT is in the sender's history, and
 * none reaches the blocker's devices (one of them offline through the crash) or its history, while another user's
 * messages, sent after, all do.
 */
class BlockingCrashIT {

    private static final String SECRET = "blocking-crash-test-secret-0123456789abcdef-0123456789";
    private static final int MESSAGES = 300;

    private final TokenMinter minter = new TokenMinter(SECRET, Clock.systemUTC());

    @TempDir
    Path data;

    @Test
    void aBlockedUsersMessagesReachNoDeviceOfTheBlockerAcrossAKill() throws Exception {
        int port = CrashSafetyIT.freePort();
        Map<String, String> env = CrashSafetyIT.environment(SECRET, port);
        ServerProcess server = ServerProcess.start(data, env);
        List<ChatDevice> devices = new ArrayList<>();
        try {
            ChatDevice alice = device(devices, "alice", "phone", port);
            ChatDevice aliceLaptop = device(devices, "alice", "laptop", port);
            ChatDevice mallory = device(devices, "mallory", "phone", port);
            ChatDevice bob = device(devices, "bob", "phone", port);
            aliceLaptop.disconnect();
            assertTrue(alice.publish(Topics.historyRequests(),
                    "{\"v\":1,\"op\":\"settings\",\"settings\":{\"block\":\"mallory\"},\"ref\":\"b1\"}")
                    .get(30, TimeUnit.SECONDS));
            HistoryResponse blocked = HistoryPages.awaitHistory(alice, "b1");
            assertTrue(blocked.ok(), blocked.toString());
            assertEquals(List.of("mallory"), blocked.settings().blocked());

            PublishStream stream = PublishStream.of(mallory, Topics.send("alice"), "m-", 300, MESSAGES,
                    PublishStream.TEXT).start();
            Thread.sleep(ThreadLocalRandom.current().nextLong(300, 800));
            server.kill();
            int atKill = stream.published();
            server = ServerProcess.start(data, env);
            Set<String> sentByMallory = stream.awaitSent();
            assertTrue(atKill < MESSAGES, "killed while the messages streamed: " + atKill + " published");
            Set<String> sentByBob = PublishStream.of(bob, Topics.send("alice"), "b-", 1000, 50, PublishStream.TEXT)
                    .start().awaitSent();

            aliceLaptop.reconnect();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (ChatDevice device : List.of(alice, aliceLaptop)) {
                while (!device.received().containsAll(sentByBob) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            Set<String> reachedAlice = new TreeSet<>();
            for (ChatDevice device : List.of(alice, aliceLaptop)) {
                device.received().stream().filter(id -> id.startsWith("m-")).forEach(reachedAlice::add);
            }
            // The archive stores what the broker routed a moment later; after a restart, its backlog first.
            Set<String> inMallorysHistory = historyOf(mallory, "alice");
            while (!inMallorysHistory.containsAll(sentByMallory) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                inMallorysHistory = historyOf(mallory, "alice");
            }
            Set<String> inAlicesHistory = historyOf(alice, "mallory");
            Set<String> notKept = new TreeSet<>(sentByMallory);
            notKept.removeAll(inMallorysHistory);
            System.out.printf("measured: kill -9 while a blocked user's messages streamed (%d of %d published at the "
                            + "kill): SENT %d; reached the blocker's devices %d, its history %d; SENT but not in the "
                            + "sender's history %d; the other user's %d SENT reached both devices: %s%n", atKill,
                    MESSAGES, sentByMallory.size(), reachedAlice.size(), inAlicesHistory.size(), notKept.size(),
                    sentByBob.size(), alice.received().containsAll(sentByBob)
                            && aliceLaptop.received().containsAll(sentByBob));

            assertTrue(sentByMallory.size() > MESSAGES / 2, "SENT: " + sentByMallory.size());
            assertTrue(alice.received().containsAll(sentByBob) && aliceLaptop.received().containsAll(sentByBob),
                    "the messages of a user not blocked all arrived");
            assertEquals(Set.of(), reachedAlice, "no message of the blocked user reached the blocker");
            assertEquals(Set.of(), inAlicesHistory, "nor the blocker's history");
            assertEquals(Set.of(), notKept, "every SENT message of the blocked user is in its own history");
        } finally {
            devices.forEach(ChatDevice::close);
            server.close();
        }
    }

    private static Set<String> historyOf(ChatDevice reader, String peer) throws Exception {
        return HistoryPages.all(reader, "\"with\":\"" + peer + "\"").stream().map(ChatMessage::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private ChatDevice device(List<ChatDevice> devices, String user, String device, int port) {
        ChatDevice chat = ChatDevice.connect(user, device, port, minter.mint(user, Duration.ofHours(1)));
        devices.add(chat);
        return chat;
    }
}
