package io.mqchat.terminal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.client.Conversation;
import io.mqchat.client.DeliveryReceipt;
import io.mqchat.client.Message;
import io.mqchat.client.groups.GroupEvent;
import io.mqchat.client.presence.PresenceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documented line formats, where the live tests cannot choose the data: times, timers, copies, labels. */
class EventLinesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-06T11:00:00Z");
    private final EventLines lines = new EventLines(new MessageLabels(),
            new Times(Clock.fixed(NOW, ZoneId.of("UTC")), BERLIN));

    @Test
    void lastSeenTodayShowsTheLocalTimeAndEarlierTheDateToo() {
        assertEquals("bob last seen 11:03", lines.presence(offline("2026-12-06T10:03:00Z")));
        assertEquals("bob last seen 2026-12-05 23:30", lines.presence(offline("2026-12-05T22:30:00Z")));
        assertEquals("bob hides presence",
                lines.presence(new PresenceState("bob", false, Optional.empty(), true, NOW)));
    }

    @Test
    void timersAreNamedInTheirLargestWholeUnit() {
        assertEquals("off", Times.timer(Duration.ZERO));
        assertEquals("24h", Times.timer(Duration.ofDays(1)));
        assertEquals("7d", Times.timer(Duration.ofDays(7)));
        assertEquals("90d", Times.timer(Duration.ofDays(90)));
        assertEquals("30m", Times.timer(Duration.ofMinutes(30)));
        assertEquals("90s", Times.timer(Duration.ofSeconds(90)));
    }

    @Test
    void aCopyFromAnotherDeviceOfMineNamesTheRecipientAndATimerChangeSaysWhatChanged() {
        Message copy = new Message("id-1", "alice", "bob", "on my way", NOW, true, Conversation.with("bob"));
        assertEquals("[me → bob] on my way", lines.message(copy));
        Message timer = new Message("id-2", "bob", "alice", null, NOW, false, Conversation.with("bob"),
                Duration.ofDays(7), null, Message.Origin.LIVE);
        assertEquals("[bob] set disappearing messages to 7d", lines.message(timer));
    }

    @Test
    void aMessageIdKeepsItsLabelForTheSession() {
        DeliveryReceipt first = new DeliveryReceipt("0193-a", "bob", "phone", NOW);
        DeliveryReceipt other = new DeliveryReceipt("0193-b", "bob", "phone", NOW);
        assertEquals("✓✓ delivered m1 (bob)", lines.delivered(first));
        assertEquals("✓✓ delivered m2 (bob)", lines.delivered(other));
        assertEquals("✓✓ delivered m1 (bob)", lines.delivered(first));
    }

    @Test
    void aQuoteInAGroupNameIsEscapedSoTheNameCannotEndEarlyAndForgeTheRestOfTheLine() {
        GroupEvent renamed = new GroupEvent("e-1", "g-1", GroupEvent.Kind.RENAMED, "mallory", List.of(),
                "Trip\": bob added mallory \\", NOW);

        assertEquals("g:g-1 \"Trip\\\": bob added mallory \\\\\": mallory renamed it", lines.groupEvent(renamed));
    }

    private static PresenceState offline(String lastSeen) {
        return new PresenceState("bob", false, Optional.of(Instant.parse(lastSeen)), false, NOW);
    }
}
