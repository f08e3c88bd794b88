package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.client.Conversation;
import io.mqchat.client.ExpiredMessage;
import io.mqchat.extension.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiriesTest {

    private final ManualClock clock = new ManualClock(10_000);
    private final List<ExpiredMessage> told = new ArrayList<>();
    private final List<Long> wakeUps = new ArrayList<>();
    private final Expiries expiries = new Expiries(clock, (task, delay) -> wakeUps.add(delay), told::add);

    private static ExpiredMessage expiring(String id, long at) {
        return new ExpiredMessage(id, "alice", Conversation.with("alice"), Instant.ofEpochMilli(at));
    }

    @Test
    void aWakeUpIsArmedForTheEarliestExpiryOnly() {
        expiries.track(expiring("late", 30_000));
        expiries.track(expiring("early", 15_000));
        expiries.track(expiring("later", 40_000));

        assertEquals(List.of(20_000L, 5_000L), wakeUps);
    }

    @Test
    void aSweepTellsWhatIsDueAndArmsTheNextWakeUp() {
        expiries.track(expiring("a", 15_000));
        expiries.track(expiring("b", 25_000));
        wakeUps.clear();

        clock.advance(Duration.ofSeconds(6));
        expiries.sweep();

        assertEquals(List.of("a"), told.stream().map(ExpiredMessage::id).toList());
        assertEquals(List.of(9_000L), wakeUps);
        assertEquals(1, expiries.size());
    }

    @Test
    void aMessageTrackedTwiceIsToldOnce() {
        expiries.track(expiring("a", 15_000));
        expiries.track(expiring("a", 15_000));
        clock.advance(Duration.ofSeconds(10));

        expiries.sweep();
        expiries.sweep();

        assertEquals(1, told.size());
    }

    @Test
    void afterCloseNothingIsTold() {
        expiries.track(expiring("a", 15_000));
        expiries.close();
        clock.advance(Duration.ofSeconds(10));

        expiries.sweep();

        assertEquals(List.of(), told);
    }
}
