package io.mqchat.client.internal;

import static io.mqchat.client.internal.DeviceState.START;
import static io.mqchat.client.internal.DeviceState.inGroup;
import static io.mqchat.client.internal.DeviceState.text;
import static io.mqchat.client.internal.DeviceState.timer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.history.HistoryRequestException;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Bob's device catching up from an archive in memory: what it pages, what it hands over, in which order. */
class CatchUpTest {

    private final DeviceState bob = new DeviceState("bob");
    private final FakeArchive archive = new FakeArchive("bob");
    /** What the catch-up scheduled: hold limits, settling runs, retries; they run when a test says so. */
    private final List<Scheduled> scheduled = new ArrayList<>();
    private final CatchUp catchUp = new CatchUp(archive, bob.delivery, bob.book, bob.timers, Duration.ofHours(1),
            (task, delayMillis) -> scheduled.add(new Scheduled(task, delayMillis)));
    private final List<String> acks = new ArrayList<>();

    private record Scheduled(Runnable task, long delayMillis) {
    }

    /** Runs (once) every task scheduled with {@code delay}; returns how many ran. */
    private int runScheduled(Duration delay) {
        List<Scheduled> due = scheduled.stream().filter(task -> task.delayMillis() == delay.toMillis()).toList();
        scheduled.removeAll(due);
        due.forEach(task -> task.task().run());
        return due.size();
    }

    private static ChatMessage fromAlice(int i) {
        return text("m" + i, "alice", "bob", START + i);
    }

    /** A connection came up and its subscription is confirmed at once. */
    private CompletableFuture<Void> connected(boolean sessionPresent) {
        return catchUp.connected(sessionPresent, CompletableFuture.completedFuture(null));
    }

    private void live(ChatMessage message) {
        bob.delivery.live(message, () -> acks.add(message.id()));
    }

    @Test
    void afterAReconnectWhatTheQueueDroppedComesFirstThenTheSurvivorsEachOnceInOrder() {
        live(fromAlice(1));
        archive.holding(fromAlice(1), fromAlice(2), fromAlice(3), fromAlice(4), fromAlice(5));
        archive.pause();

        CompletableFuture<Void> done = connected(true);
        live(fromAlice(4)); // the queue kept the newest two
        live(fromAlice(5));
        while (archive.answerNext()) {
            // conversations, then one page
        }

        assertTrue(done.isDone());
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5"), bob.ids());
        assertEquals(List.of("conversations", "messages alice after " + fromAliceCursor(1)), archive.asked);
    }

    private static String fromAliceCursor(int i) {
        return io.mqchat.protocol.Cursor.of(fromAlice(i)).toString();
    }

    @Test
    void anOverflowAfterTheNewestMessagesArrivedStillPagesFromWhereTheConnectionStarted() {
        live(fromAlice(1));
        connected(true).join(); // the archive has nothing yet
        live(fromAlice(5));
        archive.holding(fromAlice(1), fromAlice(2), fromAlice(3), fromAlice(4), fromAlice(5));

        catchUp.start(CatchUp.Trigger.OVERFLOW).join();

        assertEquals(List.of("m1", "m5", "m2", "m3", "m4"), bob.ids(), "late, but none missing and none twice");
    }

    @Test
    void theFirstRunOfAClientOnItsOldSessionLeavesConversationsItHasNothingOf() {
        archive.holding(fromAlice(1), fromAlice(2));

        connected(true).join();
        catchUp.start(CatchUp.Trigger.APP).join();

        assertEquals(List.of(), bob.ids(), "the session's queue holds what an earlier run of the app did not have");
        assertEquals(List.of("conversations", "conversations"), archive.asked);
    }

    @Test
    void aNewSessionFetchesWhatTheLookBackReaches() {
        archive.now = START + Duration.ofHours(2).toMillis();
        ChatMessage tooOld = text("old", "alice", "bob", START);
        ChatMessage recent = text("recent", "alice", "bob", archive.now - 1000);
        archive.holding(tooOld, recent);

        connected(false).join();

        assertEquals(List.of("recent"), bob.ids());
        assertEquals(Message.Origin.CATCH_UP, bob.messages.get(0).origin());
    }

    @Test
    void aLongConversationIsPagedToItsEnd() {
        live(fromAlice(0));
        for (int i = 1; i <= 450; i++) {
            archive.holding(fromAlice(i));
        }

        connected(true).join();

        assertEquals(451, bob.messages.size());
        assertEquals("m450", bob.messages.get(450).id());
        assertEquals(4, archive.asked.size(), "the list and three pages of 200: " + archive.asked);
    }

    @Test
    void conversationsAreMergedOldestFirstAndAGroupThisUserLeftIsSkipped() {
        live(fromAlice(0));
        live(inGroup("g0", "carol", "trip", START));
        live(inGroup("x0", "dave", "left", START));
        archive.holding(fromAlice(2), inGroup("g1", "carol", "trip", START + 1), inGroup("g3", "carol", "trip",
                START + 3), inGroup("x1", "dave", "left", START + 1));
        archive.notMemberOf("left");

        connected(true).join();

        assertEquals(List.of("m0", "g0", "x0", "g1", "m2", "g3"), bob.ids());
    }

    @Test
    void aFailedCatchUpHandsOverTheLiveMessagesThatWaitedAndTriesAgainNextTime() {
        live(fromAlice(1));
        archive.holding(fromAlice(1), fromAlice(2), fromAlice(3));
        archive.pause();
        archive.failWith(ErrorCode.UNAVAILABLE);

        CompletableFuture<Void> failed = connected(true);
        live(fromAlice(3));
        archive.answerNext();

        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                failed::get);
        assertTrue(failure.getCause() instanceof HistoryRequestException);
        assertEquals(List.of("m1", "m3"), bob.ids());

        archive.failWith(null);
        CompletableFuture<Void> retried = catchUp.start(CatchUp.Trigger.OVERFLOW);
        while (archive.answerNext()) {
            // conversations, then one page
        }
        retried.join();
        assertEquals(List.of("m1", "m3", "m2"), bob.ids());
    }

    @Test
    void aConnectAfterAFailedRunStillFetchesWhatLayBeforeTheLiveMessagesThatWaited() {
        live(fromAlice(1));
        archive.holding(fromAlice(1), fromAlice(2), fromAlice(3));
        archive.pause();
        archive.failWith(ErrorCode.UNAVAILABLE);
        CompletableFuture<Void> failed = connected(true);
        live(fromAlice(3)); // the queue kept only the newest
        archive.answerNext();
        assertTrue(failed.isCompletedExceptionally());
        assertEquals(List.of("m1", "m3"), bob.ids(), "handed over after the failure");

        archive.failWith(null);
        CompletableFuture<Void> next = connected(true);
        while (archive.answerNext()) {
            // conversations, then one page
        }

        next.join();
        assertEquals(List.of("m1", "m3", "m2"), bob.ids(), "late, but none missing and none twice");
    }

    @Test
    void aReconnectDuringARunDoesNotStartAfterLiveMessagesTheHoldLimitHandedOver() {
        live(fromAlice(1));
        archive.holding(fromAlice(1), fromAlice(2), fromAlice(3));
        archive.pause();
        connected(true);
        live(fromAlice(3));
        runScheduled(CatchUp.HOLD_LIMIT); // the archive did not answer in time
        assertEquals(List.of("m1", "m3"), bob.ids());

        CompletableFuture<Void> second = connected(true); // ends the first run
        while (archive.answerNext()) {
            // the first run's list comes too late, then the second's and its page
        }

        second.join();
        assertEquals(List.of("m1", "m3", "m2"), bob.ids());
    }

    @Test
    void aFailedRunLeavesTheNextStartingFromTheAppsRecordAsItWasBeforeTheLiveMessagesThatWaited() {
        bob.appRecord.put(Conversation.with("alice"), io.mqchat.client.history.Cursor.parse(fromAliceCursor(1)));
        archive.holding(fromAlice(1), fromAlice(2), fromAlice(3));
        archive.pause();
        archive.failWith(ErrorCode.UNAVAILABLE);
        CompletableFuture<Void> failed = connected(true); // a new run of the app, on its old session
        live(fromAlice(3));
        archive.answerNext();
        assertTrue(failed.isCompletedExceptionally());
        assertEquals(List.of("m3"), bob.ids(), "the app records it");

        archive.failWith(null);
        CompletableFuture<Void> next = connected(true);
        while (archive.answerNext()) {
            // conversations, then one page
        }

        next.join();
        assertEquals(List.of("m3", "m2"), bob.ids());
    }

    @Test
    void aConversationListTheArchiveCutIsFollowedToItsEnd() {
        List<String> peers = List.of("alice", "carol", "dave", "erin", "frank");
        for (int i = 0; i < peers.size(); i++) {
            archive.holding(text("from-" + peers.get(i), peers.get(i), "bob", START + i));
        }
        archive.cutListsAfter(2);

        connected(false).join(); // a new session: every conversation the look-back reaches

        assertEquals(List.of("from-alice", "from-carol", "from-dave", "from-erin", "from-frank"), bob.ids());
        assertEquals(3, archive.asked.stream().filter("conversations"::equals).count(), "three parts of the list");
    }

    @Test
    void aTriggerDuringARunRunsItOnceMoreAfterwards() {
        live(fromAlice(1));
        archive.pause();
        CompletableFuture<Void> first = connected(true);
        CompletableFuture<Void> second = catchUp.start(CatchUp.Trigger.OVERFLOW);
        CompletableFuture<Void> third = catchUp.start(CatchUp.Trigger.APP);

        while (archive.answerNext()) {
            // the first run's list, then the second's
        }

        assertTrue(first.isDone() && first == second && second == third, "one run answers every trigger");
        assertEquals(List.of("conversations", "conversations"), archive.asked);
    }

    @Test
    void aReconnectEndsARunWaitingForAnAnswerThatMayNeverComeAndStartsOver() {
        archive.holding(fromAlice(1));
        archive.pause();
        CompletableFuture<Void> first = connected(false);
        assertEquals(List.of("conversations"), archive.asked);

        CompletableFuture<Void> second = connected(true);
        assertEquals(List.of("conversations", "conversations"), archive.asked, "asked again at once");
        while (archive.answerNext()) {
            // the first answer comes too late (nobody waits for it any more), then the second and its page
        }

        assertTrue(first.isCompletedExceptionally(), "the run that waited in vain ended");
        second.join();
        assertEquals(List.of("m1"), bob.ids(), "the new session's look-back was not forgotten");
    }

    @Test
    void aRunThatFailedOwesItsLookBackToTheNextRun() {
        archive.holding(fromAlice(1));
        archive.failWith(ErrorCode.UNAVAILABLE);
        assertTrue(connected(false).isCompletedExceptionally());

        archive.failWith(null);
        catchUp.start(CatchUp.Trigger.APP).join();

        assertEquals(List.of("m1"), bob.ids());
    }

    @Test
    void liveMessagesWaitNoLongerThanTheHoldLimitForASlowArchive() {
        live(fromAlice(1));
        archive.holding(fromAlice(1), fromAlice(2), fromAlice(3));
        archive.pause();
        connected(true);
        live(fromAlice(3));

        runScheduled(CatchUp.HOLD_LIMIT); // the archive did not answer in time
        assertEquals(List.of("m1", "m3"), bob.ids());
        live(fromAlice(4));
        assertEquals(List.of("m1", "m3", "m4"), bob.ids(), "no longer held");

        while (archive.answerNext()) {
            // the late answers
        }
        assertEquals(List.of("m1", "m3", "m4", "m2"), bob.ids(), "what the catch-up found comes late, not never");
    }

    @Test
    void aLaterRunAsksOnlyForConversationsChangedSinceTheLastWithSomeOverlap() {
        connected(true).join();
        archive.now += 60_000;
        catchUp.start(CatchUp.Trigger.APP).join();

        assertEquals(null, archive.sinceAsked.get(0));
        assertEquals(Long.valueOf(START - CatchUp.OVERLAP.toMillis()), archive.sinceAsked.get(1));
    }

    @Test
    void theConversationListTeachesTheDisappearingTimers() {
        archive.holding(timer("t1", "alice", "bob", START, 604_800), fromAlice(1));

        connected(true).join();

        assertEquals(604_800, bob.timers.seconds(Conversation.with("alice")));
    }

    @Test
    void aNewSessionAsksTheArchiveAgainAFewSecondsLaterForWhatItStoredAfterTheFirstLook() {
        live(fromAlice(1));
        archive.holding(fromAlice(1), fromAlice(2));
        connected(false).join();
        live(fromAlice(5));
        // m3 and m4 were routed while this device had no queue, and reached the archive after it was read
        archive.holding(fromAlice(3), fromAlice(4), fromAlice(5));

        assertEquals(1, runScheduled(CatchUp.SETTLE_DELAY));

        assertEquals(List.of("m1", "m2", "m5", "m3", "m4"), bob.ids(), "late, but none missing and none twice");
        assertEquals("messages alice after " + fromAliceCursor(1), archive.asked.get(archive.asked.size() - 1),
                "from where the first run started, not after the live message");
        assertEquals(0, runScheduled(CatchUp.SETTLE_DELAY), "one settling run");
    }

    @Test
    void aQueueOverflowAsksTheArchiveAgainToo() {
        live(fromAlice(1));
        connected(true).join();
        archive.holding(fromAlice(1), fromAlice(2));
        catchUp.start(CatchUp.Trigger.OVERFLOW).join();
        archive.holding(fromAlice(3));

        runScheduled(CatchUp.SETTLE_DELAY);

        assertEquals(List.of("m1", "m2", "m3"), bob.ids());
    }

    @Test
    void aSettlingRunPagesFromNoEarlierThanAMinuteBeforeTheFirstRunsAnswer() {
        live(fromAlice(1));
        archive.now = START + Duration.ofHours(1).toMillis();
        ChatMessage recent = text("recent", "alice", "bob", archive.now - 1000);
        archive.holding(fromAlice(1), fromAlice(2), recent);
        connected(false).join();
        ChatMessage late = text("late", "alice", "bob", archive.now - 500);
        archive.holding(late);

        runScheduled(CatchUp.SETTLE_DELAY);

        assertEquals(List.of("m1", "m2", "recent", "late"), bob.ids());
        String floor = new io.mqchat.protocol.Cursor(archive.now - CatchUp.SETTLE_REACH.toMillis(), "-", "-")
                .toString();
        assertEquals("messages alice after " + floor, archive.asked.get(archive.asked.size() - 1),
                "the hour the first run paged is not paged again");
    }

    @Test
    void aReconnectOnTheSessionItHadNeedsNoSettlingRun() {
        live(fromAlice(1));
        archive.holding(fromAlice(1));

        connected(true).join();

        assertEquals(0, runScheduled(CatchUp.SETTLE_DELAY));
    }

    @Test
    void aFailedRunIsTriedAgainByItselfAfterAPauseThatGrows() {
        live(fromAlice(1));
        archive.holding(fromAlice(1), fromAlice(2));
        archive.failWith(ErrorCode.UNAVAILABLE);
        assertTrue(connected(true).isCompletedExceptionally());

        assertEquals(1, runScheduled(CatchUp.RETRY_FIRST), "tried again after the first pause");
        assertEquals(1, runScheduled(CatchUp.RETRY_FIRST.multipliedBy(2)), "and after a longer one");
        archive.failWith(null);
        assertEquals(1, runScheduled(CatchUp.RETRY_FIRST.multipliedBy(4)));

        assertEquals(List.of("m1", "m2"), bob.ids());
        assertTrue(scheduled.stream().noneMatch(task -> task.delayMillis() > CatchUp.HOLD_LIMIT.toMillis()),
                "no more retries once one went through: " + scheduled);
    }
}
