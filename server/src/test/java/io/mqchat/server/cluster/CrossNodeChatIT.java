package io.mqchat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Conversation;
import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.Message;
import io.mqchat.client.ReadReceipt;
import io.mqchat.client.SentMessage;
import io.mqchat.client.groups.Group;
import io.mqchat.client.presence.PresenceState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, users homed on different ones: a 1-1 message crosses to the recipient's node before the sender is told
 * SENT, and the receipts, read markers and typing come back across; a block holds across them.
 */
class CrossNodeChatIT {

    @TempDir
    static Path folder;
    private static TestCluster cluster;
    private final List<AppDevice> devices = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.start(folder, 3, Map.of());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void closeDevices() {
        devices.forEach(AppDevice::close);
    }

    @Test
    void usersOnDifferentNodesChatWithSentDeliveredAndRead() throws Exception {
        AppDevice alice = device("alice", "phone", 1);
        AppDevice bob = device("bob", "phone", 2);

        SentMessage sent = alice.client().send("bob", "hi bob, from node-1").get(15, TimeUnit.SECONDS);
        Message arrived = bob.nextMessage();
        assertEquals("hi bob, from node-1", arrived.text());
        assertEquals("alice", arrived.from());
        DeliveryReceipt delivered = alice.nextDelivered();
        assertEquals(sent.id(), delivered.messageId());
        assertEquals("bob", delivered.by());

        bob.client().markRead("alice", arrived.id()).get(15, TimeUnit.SECONDS);
        ReadReceipt read = alice.nextRead();
        assertEquals(sent.id(), read.upToMessageId());
        assertEquals("bob", read.by());

        SentMessage reply = bob.client().send("alice", "hi alice, from node-2").get(15, TimeUnit.SECONDS);
        assertEquals("hi alice, from node-2", alice.nextMessage().text());
        assertEquals(reply.id(), bob.nextDelivered().messageId());
        assertEquals("node-1 1", cluster.home("alice"));
        assertEquals("node-2 1", cluster.home("bob"));
    }

    @Test
    void aMessageForAnOfflineDeviceWaitsOnItsNodeUntilItComesBack() throws Exception {
        AppDevice carol = device("carol", "phone", 3);
        carol.close();
        AppDevice dave = device("dave", "phone", 1);

        SentMessage sent = dave.client().send("carol", "while you were away").get(15, TimeUnit.SECONDS);

        // No catch-up from history: the message comes from the device's queue on its home node.
        AppDevice back = AppDevice.connectWithoutCatchUp(cluster, "carol", "phone", cluster.node(3).port());
        devices.add(back);
        assertEquals("while you were away", back.nextMessage().text());
        assertEquals(sent.id(), dave.nextDelivered().messageId());
    }

    @Test
    void aGroupWithMembersOnThreeNodesChatsWithDeliveredAndReadReceipts() throws Exception {
        AppDevice gina = device("gina", "phone", 1);
        AppDevice hank = device("hank", "phone", 2);
        AppDevice ivy = device("ivy", "phone", 3);
        Group group = gina.client().groups().create("three nodes", "hank", "ivy").get(15, TimeUnit.SECONDS);

        SentMessage sent = gina.client().sendToGroup(group.id(), "hello, all nodes").get(15, TimeUnit.SECONDS);

        assertEquals("hello, all nodes", hank.awaitText("hello, all nodes").text());
        assertEquals("hello, all nodes", ivy.awaitText("hello, all nodes").text());
        Set<String> deliveredTo = new TreeSet<>();
        while (deliveredTo.size() < 2) {
            DeliveryReceipt receipt = gina.nextDelivered();
            assertEquals(sent.id(), receipt.messageId());
            deliveredTo.add(receipt.by());
        }
        assertEquals(Set.of("hank", "ivy"), deliveredTo);

        hank.client().markRead(Conversation.group(group.id()), sent.id()).get(15, TimeUnit.SECONDS);
        ReadReceipt read = gina.nextRead();
        assertEquals("hank", read.by());
        assertEquals(sent.id(), read.upToMessageId());

        SentMessage reply = ivy.client().sendToGroup(group.id(), "hello from node-3").get(15, TimeUnit.SECONDS);
        assertEquals(reply.id(), gina.awaitText("hello from node-3").id());
        assertEquals(reply.id(), hank.awaitText("hello from node-3").id());
    }

    @Test
    void presenceCrossesNodes() throws Exception {
        AppDevice jack = device("jack", "phone", 1);
        BlockingQueue<PresenceState> seen = new LinkedBlockingQueue<>();
        jack.client().presence("kim", seen::add);

        device("kim", "phone", 2);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        PresenceState state = null;
        while ((state == null || !state.online()) && System.nanoTime() < deadline) {
            state = seen.poll(1, TimeUnit.SECONDS);
        }
        assertTrue(state != null && state.online(), "jack on node-1 saw kim, homed on node-2, come online: " + state);
    }

    @Test
    void typingCrossesNodes() throws Exception {
        AppDevice erin = device("erin", "phone", 2);
        AppDevice frank = device("frank", "phone", 3);

        erin.client().typing(Conversation.with("frank")).get(15, TimeUnit.SECONDS);

        assertEquals("erin", frank.nextTyping().from());
    }

    @Test
    void aBlockedUserOnAnotherNodeIsSentButNeverReachesTheBlockerUntilTheUnblock() throws Exception {
        AppDevice lena = device("lena", "phone", 1);
        AppDevice mike = device("mike", "phone", 2);
        assertEquals(List.of("mike"), lena.client().block("mike").get(15, TimeUnit.SECONDS));

        mike.client().send("lena", "are you there?").get(15, TimeUnit.SECONDS);
        lena.client().unblock("mike").get(15, TimeUnit.SECONDS);
        SentMessage after = mike.client().send("lena", "sorry").get(15, TimeUnit.SECONDS);

        assertEquals(after.id(), lena.nextMessage().id(), "what mike sent while blocked never reached lena's node");
        assertEquals(after.id(), mike.nextDelivered().messageId(), "nor was it DELIVERED");
    }

    private AppDevice device(String user, String device, int node) throws Exception {
        AppDevice app = AppDevice.connect(cluster, user, device, cluster.node(node).port());
        devices.add(app);
        return app;
    }
}
