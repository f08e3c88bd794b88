package io.mqchat.bench.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {

    private static ClusterOptions setups(Integer... nodes) {
        return new ClusterOptions(List.of(nodes), List.of(200, 1000), Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(15), true, 1);
    }

    @Test
    void theSetupsRunSmallestFirstAndTheLargestIsCompared() {
        ClusterOptions options = setups(3, 1, 3);
        assertEquals(List.of(1, 3), options.setups());
        assertEquals(3, options.nodes());
        assertEquals(2, setups(2).nodes());
    }

    @Test
    void aClusterHasMoreThanOneNodeAndFitsTheMachine() {
        assertThrows(IllegalArgumentException.class, () -> setups(1));
        assertThrows(IllegalArgumentException.class, () -> setups(0, 3));
        assertThrows(IllegalArgumentException.class, () -> setups(1, ClusterOptions.MAX_NODES + 1));
        assertThrows(IllegalArgumentException.class, () -> new ClusterOptions(List.of(1, 3), List.of(0), Duration.ofSeconds(1),
                Duration.ZERO, Duration.ZERO, true, 1));
    }
}
