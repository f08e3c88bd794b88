package io.mqchat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationFormatTest {

    @Test
    void everyUnitIsRead() {
        assertEquals(Duration.ofMillis(500), DurationFormat.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), DurationFormat.parse("30s"));
        assertEquals(Duration.ofMinutes(10), DurationFormat.parse("10m"));
        assertEquals(Duration.ofHours(24), DurationFormat.parse("24h"));
        assertEquals(Duration.ofDays(7), DurationFormat.parse("7d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x", "10", "s", "1.5h", "-1s", "PT10S", "10 s", ""})
    void malformedDurationsAreRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> DurationFormat.parse(text));
    }

    @Test
    void formattingPicksTheLargestExactUnit() {
        assertEquals("7d", DurationFormat.format(Duration.ofDays(7)));
        assertEquals("90s", DurationFormat.format(Duration.ofSeconds(90)));
        assertEquals("1500ms", DurationFormat.format(Duration.ofMillis(1500)));
        assertEquals("0ms", DurationFormat.format(Duration.ZERO));
    }
}
