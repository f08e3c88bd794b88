package io.mqchat.bench.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NodeProjectionTest {

    @Test
    void oneNodeIsWhatWasMeasured() {
        NodeProjection projection = new NodeProjection(8000, 1.5);
        assertEquals(0.0, NodeProjection.crossShare(1));
        assertEquals(1.0, projection.costFactor(1));
        assertEquals(8000, projection.total(1), 1e-9);
        assertEquals(8000, projection.added(1), 1e-9);
    }

    @Test
    void crossNodeMessagesCostTheirRatioInTheShareThatCrosses() {
        NodeProjection projection = new NodeProjection(8000, 1.5);
        // 3 nodes: 2/3 cross, each at 1.5 the CPU: 1 + 2/3 * 0.5 = 4/3 per message
        assertEquals(4.0 / 3, projection.costFactor(3), 1e-9);
        assertEquals(3 * 8000 * 3.0 / 4, projection.total(3), 1e-9);
        assertEquals(projection.total(3) - projection.total(2), projection.added(3), 1e-9);
        assertEquals(8000 / 1.5, projection.addedInTheLimit(), 1e-9);
        // the 100th node adds close to the limit
        assertEquals(projection.addedInTheLimit(), projection.added(100), 1);
    }

    @Test
    void freeCrossingScalesLinearly() {
        NodeProjection projection = new NodeProjection(1000, 1.0);
        assertEquals(5000, projection.total(5), 1e-9);
        assertEquals(5.0, projection.relativeTotal(5), 1e-9);
    }

    @Test
    void withoutAOneNodeRateOnlyTheRelativeFiguresAreKnown() {
        NodeProjection projection = new NodeProjection(Double.NaN, 2.0);
        assertEquals(Double.NaN, projection.total(3));
        assertEquals(2.0 / (1 + 0.5), projection.relativeTotal(2), 1e-9);
    }
}
