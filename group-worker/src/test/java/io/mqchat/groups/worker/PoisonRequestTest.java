package io.mqchat.groups.worker;

import static io.mqchat.groups.worker.GroupHarness.createGroup;
import static io.mqchat.groups.worker.GroupHarness.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.protocol.Response;
import io.mqchat.protocol.ServiceTopics;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request whose answer the broker could never take (larger than a packet may be) is answered with an error,
 * not retried for ever, so the requests behind it on its lane are answered too.
 */
class PoisonRequestTest {

    @TempDir
    Path dir;
    private GroupHarness harness;

    @BeforeEach
    void start() {
        harness = GroupHarness.start(dir, config -> config);
        harness.worker("1", "all", GroupSettings.defaults().withAnswerMaxBytes(2048));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aMineListTooLargeToSendIsAnsweredTooLargeAndTheNextRequestOnItsLaneIsAnswered() {
        MqttDevice alice = harness.device("alice", "phone");
        String member = "member-with-a-rather-long-user-id-to-fill-the-answer";
        for (int i = 0; i < 12; i++) {
            createGroup(alice, "alice", "Group number " + i, member + "-a", member + "-b", member + "-c");
        }
        Response mine = request(alice, "alice", "{\"v\":1,\"op\":\"mine\"}");
        assertFalse(mine.ok());
        assertEquals("too_large", mine.code());

        // Another user whose requests share alice's lane is still answered.
        String other = "bob";
        for (int i = 0; ServiceTopics.laneOf(other) != ServiceTopics.laneOf("alice"); i++) {
            other = "bob" + i;
        }
        MqttDevice next = harness.device(other, "phone");
        Response answered = request(next, other, "{\"v\":1,\"op\":\"mine\"}");
        assertTrue(answered.ok(), answered::toString);
    }
}
