package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Conversation;
import io.mqchat.client.presence.PresenceState;
import io.mqchat.client.presence.PresenceSubscription;
import io.mqchat.client.typing.TypingSignal;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Presence;
import io.mqchat.protocol.Typing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What alice's device makes of presence and typing signals, and how it manages presence subscriptions. */
class PresenceAndTypingDispatchTest {

    private final Codec codec = new Codec();
    private final List<String> topicCalls = new ArrayList<>();
    private final List<PresenceState> everyPresence = new ArrayList<>();
    private final List<TypingSignal> typing = new ArrayList<>();
    private final PresenceBook book = new PresenceBook(everyPresence::add, new PresenceBook.Topics() {
        @Override
        public void subscribe(String user) {
            topicCalls.add("subscribe " + user);
        }

        @Override
        public void unsubscribe(String user) {
            topicCalls.add("unsubscribe " + user);
        }
    });
    private final InboundDispatcher alicesDevice = new InboundDispatcher("alice", codec, new Deduplicator(100),
            Listeners.none().withPresence(everyPresence::add).withTyping(typing::add), Clock.systemUTC(), book,
            new GroupState(new GroupDirectory("alice"), PendingRequests.groups(java.time.Duration.ofMinutes(1)),
                    new GroupReceiptTracker("alice", 10, status -> { })));

    @Test
    void theRetainedStateFillsCurrentAndChangesReachTheListeners() {
        List<PresenceState> bobs = new ArrayList<>();
        PresenceSubscription bob = book.open("bob", bobs::add);
        assertEquals(Optional.empty(), bob.current());

        alicesDevice.dispatch(codec.encode(Presence.online("bob", 1_000)));
        alicesDevice.dispatch(codec.encode(Presence.offline("bob", 1_500, 2_000)));

        PresenceState offline = bob.current().orElseThrow();
        assertFalse(offline.online());
        assertEquals(Optional.of(Instant.ofEpochMilli(1_500)), offline.lastSeen());
        assertTrue(bobs.get(0).online());
        assertEquals(bobs, everyPresence);
    }

    @Test
    void theSameStateAgainAfterAResubscribeIsNoNews() {
        List<PresenceState> bobs = new ArrayList<>();
        book.open("bob", bobs::add);
        byte[] online = codec.encode(Presence.online("bob", 1_000));

        alicesDevice.dispatch(online);
        book.resubscribeAll();
        alicesDevice.dispatch(online);

        assertEquals(1, bobs.size());
        assertEquals(List.of("subscribe bob", "subscribe bob"), topicCalls);
    }

    @Test
    void aHiddenUserIsNeitherOnlineNorLastSeen() {
        PresenceSubscription carol = book.open("carol", state -> { });

        alicesDevice.dispatch(codec.encode(Presence.hidden("carol", 3_000)));

        assertEquals(new PresenceState("carol", false, Optional.empty(), true, Instant.ofEpochMilli(3_000)),
                carol.current().orElseThrow());
    }

    @Test
    void oneTopicSubscriptionServesEveryWatcherAndEndsWithTheLast() {
        List<PresenceState> first = new ArrayList<>();
        PresenceSubscription a = book.open("bob", first::add);
        PresenceSubscription b = book.open("bob", state -> { });

        a.close();
        alicesDevice.dispatch(codec.encode(Presence.online("bob", 1_000)));
        b.close();
        b.close();

        assertTrue(first.isEmpty(), "a closed subscription hears nothing");
        assertEquals(List.of("subscribe bob", "unsubscribe bob"), topicCalls);
    }

    @Test
    void presenceOfAUserNobodyWatchesIsIgnored() {
        alicesDevice.dispatch(codec.encode(Presence.online("mallory", 1_000)));

        assertTrue(everyPresence.isEmpty());
    }

    @Test
    void typingSignalsNameTheirConversation() {
        alicesDevice.dispatch(codec.encode(new Typing("bob", null, Typing.TYPING, 4_000)));
        alicesDevice.dispatch(codec.encode(new Typing("carol", "g-1", Typing.PAUSED, 5_000)));

        assertEquals(new TypingSignal(Conversation.with("bob"), "bob", TypingSignal.State.TYPING,
                Instant.ofEpochMilli(4_000)), typing.get(0));
        assertEquals(Conversation.group("g-1"), typing.get(1).conversation());
        assertFalse(typing.get(1).isTyping());
    }
}
