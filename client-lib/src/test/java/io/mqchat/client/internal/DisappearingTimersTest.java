package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.client.Conversation;
import io.mqchat.protocol.Cursor;
import org.junit.jupiter.api.Test;

class DisappearingTimersTest {

    private static final Conversation BOB = Conversation.with("bob");
    private final DisappearingTimers timers = new DisappearingTimers();

    @Test
    void aConversationWithoutTimerMessagesHasNoTimer() {
        assertEquals(0, timers.seconds(BOB));
    }

    @Test
    void anOlderTimerChangeSeenLaterDoesNotTurnBackANewerOne() {
        timers.learn(BOB, 86_400, new Cursor(2_000, "bob", "t2"));
        timers.learn(BOB, 604_800, new Cursor(1_000, "alice", "t1"));

        assertEquals(86_400, timers.seconds(BOB));
    }

    @Test
    void theConversationListYieldsToATimerChangeOfTheSameMillisecondOrLater() {
        timers.learn(BOB, 0, new Cursor(5_000, "bob", "off"));
        timers.learnFromSummary(BOB, 86_400, 5_000);
        assertEquals(0, timers.seconds(BOB));

        timers.learnFromSummary(BOB, 86_400, 5_001);
        assertEquals(86_400, timers.seconds(BOB));
    }

    @Test
    void aChangeThisDeviceSendsAppliesAtOnceAndIsUndoneWhenRefused() {
        timers.learn(BOB, 86_400, new Cursor(1_000, "bob", "t1"));

        Runnable undo = timers.setByMe(BOB, 604_800, new Cursor(2_000, "alice", "t2"));
        assertEquals(604_800, timers.seconds(BOB));

        undo.run();
        assertEquals(86_400, timers.seconds(BOB));
    }

    @Test
    void undoingARefusedChangeLeavesAChangeThatCameAfterIt() {
        Runnable undo = timers.setByMe(BOB, 604_800, new Cursor(2_000, "alice", "t2"));
        timers.learn(BOB, 0, new Cursor(3_000, "bob", "t3"));

        undo.run();

        assertEquals(0, timers.seconds(BOB));
    }
}
