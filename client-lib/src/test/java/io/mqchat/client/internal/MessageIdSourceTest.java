package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.testing.ManualClock;
import io.mqchat.protocol.MessageIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageIdSourceTest {

    private final ManualClock clock = new ManualClock(1_795_000_000_000L);

    @Test
    void idsMadeInTheSameMillisecondSortInTheOrderTheyWereMade() {
        MessageIdSource ids = new MessageIdSource(clock);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            made.add(ids.next());
        }
        clock.advance(Duration.ofMillis(1));
        made.add(ids.next());

        assertEquals(made.stream().sorted().toList(), made);
        assertTrue(made.stream().allMatch(MessageIds::isValid));
    }

    @Test
    void aClockThatGoesBackDoesNotBreakTheOrder() {
        MessageIdSource ids = new MessageIdSource(clock);
        String before = ids.next();
        clock.advance(Duration.ofSeconds(-5));

        assertTrue(ids.next().compareTo(before) > 0);
    }

    @Test
    void twoDevicesOfOneUserMakeDifferentIdsInTheSameMillisecond() {
        assertNotEquals(new MessageIdSource(clock).next(), new MessageIdSource(clock).next());
    }
}
