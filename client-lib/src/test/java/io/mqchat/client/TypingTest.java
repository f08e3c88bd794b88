package io.mqchat.client;

import static io.mqchat.client.TestDevice.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.groups.GroupRequestException;
import io.mqchat.client.presence.PresencePrivacy;
import io.mqchat.client.typing.TypingSignal;
import io.mqchat.extension.testing.PerClassBroker;
import io.mqchat.protocol.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typing signals reach the peer's connected devices; needs nothing but the broker. */
class TypingTest {

    @RegisterExtension
    static final PerClassBroker broker = new PerClassBroker();

    @Test
    void aPeerSeesTypingThenPausedNamedByTheSender() {
        Recorder<TypingSignal> bobSees = new Recorder<>("bob's typing signals");
        try (TestDevice alice = TestDevice.online(broker.get(), "alice1", "phone");
             TestDevice bob = TestDevice.online(broker.get(), "bob1", "phone", builder -> builder.onTyping(bobSees))) {

            TestDevice.await(alice.client.typing(Conversation.with("bob1")));
            TestDevice.await(alice.client.stoppedTyping(Conversation.with("bob1")));

            TypingSignal typing = bobSees.next();
            assertEquals(Conversation.with("alice1"), typing.conversation());
            assertEquals("alice1", typing.from());
            assertTrue(typing.isTyping());
            assertEquals(TypingSignal.State.PAUSED, bobSees.next().state());
        }
    }

    @Test
    void typingIsNotKeptForADeviceThatWasOffline() {
        Recorder<TypingSignal> bobSees = new Recorder<>("bob's typing signals");
        TestDevice.online(broker.get(), "bob2", "phone").close();
        try (TestDevice alice = TestDevice.online(broker.get(), "alice2", "phone")) {
            TestDevice.await(alice.client.typing(Conversation.with("bob2")));

            try (TestDevice bob = TestDevice.online(broker.get(), "bob2", "phone",
                    builder -> builder.onTyping(bobSees))) {
                // Messages are queued, signals are not: had the signal been queued, it would have reached bob
                // before the message, and so before the PAUSED that alice sends once he has the message.
                SentMessage sent = alice.send("bob2", "are you there?");
                assertEquals(sent.id(), bob.messages.next().id());
                TestDevice.await(alice.client.stoppedTyping(Conversation.with("bob2")));
                assertEquals(TypingSignal.State.PAUSED, bobSees.next().state());
            }
        }
    }

    @Test
    void thePrivacySettingIsAcceptedByTheServer() {
        try (TestDevice alice = TestDevice.online(broker.get(), "alice3", "phone")) {
            TestDevice.await(alice.client.setPresencePrivacy(PresencePrivacy.NOBODY));
            TestDevice.await(alice.client.setPresencePrivacy(PresencePrivacy.EVERYONE));
        }
    }

    @Test
    void aGroupRequestTheServerWouldRefuseFailsAtOnceWithTheServersCode() {
        try (TestDevice alice = TestDevice.online(broker.get(), "alice4", "phone")) {
            Throwable failure = failureOf(alice.client.groups().create("x".repeat(101), "bob4"));

            GroupRequestException refused = assertInstanceOf(GroupRequestException.class, failure);
            assertEquals(Optional.of(ErrorCode.INVALID_ENVELOPE), refused.code());
            assertEquals("create", refused.op());
        }
    }
}
