package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.client.Conversation;
import io.mqchat.client.Message;
import io.mqchat.client.media.ImageRef;
import io.mqchat.extension.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentSharesTest {

    private static final String ID = "a".repeat(64);

    private final ManualClock clock = new ManualClock(1_795_000_000_000L);
    private final RecentShares shares = new RecentShares(clock);

    @Test
    void aLiveImageMayBeBeingRecordedForAWhile() {
        shares.handedOver(message(Message.Origin.LIVE));

        assertTrue(shares.mayBeRecording(ID));
        clock.advance(RecentShares.WINDOW);
        assertFalse(shares.mayBeRecording(ID), "after the window a not-found is the answer");
    }

    @Test
    void imagesFromTheArchiveAreRecordedAlreadyAndUnknownOnesAreNotRecent() {
        shares.handedOver(message(Message.Origin.CATCH_UP));
        shares.handedOver(message(Message.Origin.HISTORY));

        assertFalse(shares.mayBeRecording(ID));
        assertFalse(shares.mayBeRecording("b".repeat(64)));
    }

    private static Message message(Message.Origin origin) {
        ImageRef image = new ImageRef(ID, "image/png", 10, 1, 1, ID, null);
        return new Message("m-1", "alice", "bob", null, Instant.ofEpochMilli(1_795_000_000_000L), false,
                Conversation.with("alice"), null, null, origin, image);
    }
}
