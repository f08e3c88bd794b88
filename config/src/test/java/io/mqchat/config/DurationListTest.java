package io.mqchat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationListTest {

    private final ValueParser<List<Duration>> timers = ValueParsers.durations(Duration.ofSeconds(1), Duration.ofDays(366));

    @Test
    void aListOfDurationsKeepsItsOrder() {
        assertEquals(List.of(Duration.ofDays(7), Duration.ofHours(24), Duration.ofSeconds(5)), timers.parse("7d, 24h,5s"));
    }

    @Test
    void emptyEntriesRepeatsAndOutOfRangeEntriesAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> timers.parse("1h,,2h")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> timers.parse("1h,60m")).getMessage().contains("twice"));
        assertThrows(IllegalArgumentException.class, () -> timers.parse("1h,400d"));
        assertThrows(IllegalArgumentException.class, () -> timers.parse("soon"));
    }
}
