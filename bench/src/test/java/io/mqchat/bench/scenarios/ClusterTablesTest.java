package io.mqchat.bench.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.report.Table;
import io.mqchat.bench.stats.LatencySummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterTablesTest {

    private static ClusterPhase phase(int nodes, String phase, String traffic, double rate, double micros, double p99) {
        LatencySummary latency = new LatencySummary(1000, p99 / 4, p99 / 2, p99, p99, p99);
        LatencySummary slower = new LatencySummary(1000, p99 / 4, p99 / 2, p99 + 5, p99 + 5, p99 + 5);
        ClusterPhase.Population some = new ClusterPhase.Population(500, latency, latency);
        ClusterPhase.Population crossing = new ClusterPhase.Population(500, slower, slower);
        return new ClusterPhase(nodes, 1, 20, 30, phase, traffic, traffic.equals(ClusterPhase.CROSS_NODE) ? 1
                : traffic.equals(ClusterPhase.SAME_NODE) || nodes == 1 ? 0 : 0.66, 10, 1000, rate, latency, latency,
                some, nodes == 1 ? ClusterPhase.Population.NONE : crossing, 0, 0, 0,
                new CpuWindow(150, 30, 5, 0, Map.of()), nodes == 1 ? List.of(150.0) : List.of(50.0, 50.0, 50.0), 0.5,
                micros, 10, micros - 50, micros - 80, 2.5, new Traffic.Anomalies(0, 0, 0, null));
    }

    private static final List<ClusterPhase> ONE_ROUND = List.of(
            phase(1, "1000/s", ClusterPhase.ALL, 1000, 600, 3),
            phase(1, ClusterPhase.SATURATION, ClusterPhase.ALL, 8000, 150, 80),
            phase(3, "1000/s", ClusterPhase.ALL, 1000, 1200, 6),
            phase(3, ClusterPhase.SATURATION, ClusterPhase.ALL, 5000, 250, 120),
            phase(3, ClusterPhase.SATURATION, ClusterPhase.SAME_NODE, 6000, 200, 100),
            phase(3, ClusterPhase.SATURATION, ClusterPhase.CROSS_NODE, 4000, 300, 150));

    private static BenchOptions options(Duration saturation) {
        return new BenchOptions(100, 1, List.of(), true, List.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO,
                List.of(), 4, 1000, Duration.ofSeconds(60), 0, List.of(), 1, List.of(), 0, 0, false, 0, List.of(),
                new BenchOptions.GroupOptions(List.of(10), 1, 1, Duration.ZERO, Duration.ZERO, 1),
                new FloodOptions(50, 200, Duration.ofSeconds(30), Duration.ZERO, 1000, 5, 256, 30, 50, List.of()),
                new ClusterOptions(List.of(1, 3), List.of(1000), Duration.ofSeconds(20), Duration.ZERO, saturation, true, 1));
    }

    @Test
    void theCrossNodeCostComesFromTheSaturationPhasesOfEachKindAlone() {
        ClusterTables tables = new ClusterTables(options(Duration.ofSeconds(15)), ONE_ROUND);
        // without JIT: (300 - 50) / (200 - 50)
        assertEquals(250.0 / 150, tables.crossCostRatio().ratio(), 1e-9);
        assertTrue(tables.crossCostRatio().source().contains("saturation"));
        assertEquals(8000, tables.projection().oneNodeRate(), 1e-9);
    }

    @Test
    void withoutSaturationThereIsNoRatioAndNoProjection() {
        List<ClusterPhase> rateOnly = ONE_ROUND.stream().filter(r -> !r.saturation()).toList();
        ClusterTables tables = new ClusterTables(options(Duration.ZERO), rateOnly);
        assertTrue(Double.isNaN(tables.crossCostRatio().ratio()));
        assertTrue(Double.isNaN(tables.projection().oneNodeRate()));
        assertEquals("-", tables.projectionTable().rows().get(2).get(3));
    }

    @Test
    void withoutTheSplitTheRatioIsSolvedFromTheMixedSaturationAgainstOneNode() {
        List<ClusterPhase> mixed = ONE_ROUND.stream().filter(r -> r.traffic().equals(ClusterPhase.ALL)).toList();
        ClusterTables tables = new ClusterTables(options(Duration.ofSeconds(15)), mixed);
        // without JIT 200 = 100 * (1 + 0.66 (k - 1))
        assertEquals(1 + (200.0 / 100 - 1) / 0.66, tables.crossCostRatio().ratio(), 1e-9);
    }

    @Test
    void everyTableHasItsRows() {
        ClusterTables tables = new ClusterTables(options(Duration.ofSeconds(15)), ONE_ROUND);
        Table phases = tables.phases();
        assertEquals(6, phases.rows().size());
        assertEquals("50% / 50% / 50%", phases.rows().get(2).get(phases.columns().indexOf("CPU by node")));
        Table cost = tables.crossCostTable();
        // per phase: one node, every pair, its two populations and their difference; at saturation also each kind
        // alone, their ratio and their difference
        assertEquals(14, cost.rows().size());
        List<String> ratio = cost.rows().stream().filter(r -> r.get(1).equals("cross / same, each alone")).findFirst()
                .orElseThrow();
        assertEquals("1.50", ratio.get(cost.columns().indexOf("nodes µs/msg")));
        assertEquals("1.67", ratio.get(cost.columns().indexOf("without JIT")));
        assertEquals("1.50", ratio.get(cost.columns().indexOf("deliver p99")));
        List<String> difference = cost.rows().stream().filter(r -> r.get(1).equals("cross − same, every pair"))
                .findFirst().orElseThrow();
        assertEquals("5.00", difference.get(cost.columns().indexOf("deliver p99")));
        Table projection = tables.projectionTable();
        assertEquals(ClusterTables.PROJECTED_NODES.size(), projection.rows().size());
        assertEquals("8,000", projection.rows().get(0).get(projection.columns().indexOf("msg/s")));
        // 3 nodes: 3 * 8000 / (1 + 2/3 * (5/3 - 1))
        assertEquals("16,615", projection.rows().get(2).get(projection.columns().indexOf("msg/s")));
        assertEquals(6, tables.rounds().rows().size());
    }
}
