package io.mqchat.bench.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupOptionsTest {

    @Test
    void theFixedRatePhaseLastsAsLongAsItsMessagesTake() {
        BenchOptions.GroupOptions options = new BenchOptions.GroupOptions(List.of(10, 256), 25, 5, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 4);
        assertEquals(Duration.ofSeconds(5), options.ratePhase());
    }

    @Test
    void aGroupNeedsASenderAndARecipient() {
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions.GroupOptions(List.of(1), 25, 5,
                Duration.ZERO, Duration.ZERO, 4));
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions.GroupOptions(List.of(), 25, 5,
                Duration.ZERO, Duration.ZERO, 4));
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions.GroupOptions(List.of(10), 25, 0,
                Duration.ZERO, Duration.ZERO, 4));
    }
}
