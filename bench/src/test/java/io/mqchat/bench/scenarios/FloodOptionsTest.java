package io.mqchat.bench.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodOptionsTest {

    private static FloodOptions floods(int members, double floodRate, List<String> floods) {
        return new FloodOptions(50, 200, Duration.ofSeconds(30), Duration.ofSeconds(15), 1000, 5, members, floodRate, 50,
                floods);
    }

    @Test
    void aFloodAskedForTwiceRunsOnce() {
        assertEquals(List.of("group", "1-1"), floods(256, 30, List.of("group", "1-1", "group")).floods());
    }

    @Test
    void refusesWhatCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> floods(1, 30, List.of("group")));
        assertThrows(IllegalArgumentException.class, () -> floods(256, 0, List.of("group")));
        assertThrows(IllegalArgumentException.class, () -> floods(256, 30, List.of("broadcast")));
        assertThrows(IllegalArgumentException.class, () -> new FloodOptions(50, 200, Duration.ZERO, Duration.ZERO, 1000, 5,
                256, 30, 50, List.of("group")));
    }
}
