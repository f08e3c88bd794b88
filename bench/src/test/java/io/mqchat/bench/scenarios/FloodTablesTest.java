package io.mqchat.bench.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.report.Table;
import io.mqchat.bench.stats.LatencySummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloodTablesTest {

    private static FloodResult result(int round, String phase, double p99, long lost) {
        return new FloodResult(round, phase, 30, 6000, 200, new LatencySummary(6000, 1, 2, p99, p99, p99),
                new LatencySummary(6000, 2, 3, p99 + 1, p99 + 1, p99 + 1), lost, 0, 0, phase.equals("quiet") ? 0 : 900,
                900, 0, 7000, new LatencySummary(900, 50, 90, 100, 100, 100), new CpuWindow(100, 20, 30, 0, Map.of()), 4.5,
                new Traffic.Anomalies(0, 0, 0, null));
    }

    private static final List<FloodResult> TWO_ROUNDS = List.of(
            result(1, "quiet", 4, 0), result(1, "group flood", 40, 0), result(1, "1-1 flood", 6, 0),
            result(2, "quiet", 5, 0), result(2, "group flood", 20, 1), result(2, "1-1 flood", 5, 0));

    @Test
    void eachRoundsFloodP99IsSetAgainstThatRoundsQuietP99() {
        assertEquals(List.of(10.0, 4.0), FloodTables.p99Ratios(TWO_ROUNDS, "group flood"));
        assertEquals(List.of(1.5, 1.0), FloodTables.p99Ratios(TWO_ROUNDS, "1-1 flood"));
        assertEquals(List.of(), FloodTables.p99Ratios(TWO_ROUNDS.subList(1, 3), "group flood"));
    }

    @Test
    void theVerdictGoesByTheMedianAndCountsTheRoundsWithinTheTarget() {
        assertEquals("no (1 of 2 rounds)", FloodTables.verdict(List.of(10.0, 4.0), 5));
        assertEquals("yes (2 of 3 rounds)", FloodTables.verdict(List.of(1.0, 6.0, 4.9), 5));
        assertEquals("yes (1 of 1 rounds)", FloodTables.verdict(List.of(5.0), 5));
        assertEquals("-", FloodTables.verdict(List.of(), 5));
    }

    @Test
    void theMediansTableHasARowPerPhaseWithRatiosLossesAndFlooderCounts() {
        BenchOptions options = new BenchOptions(100, 2, List.of(), true, List.of(), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, List.of(), 4, 1000, Duration.ZERO, 0, List.of(), 1, List.of(), 0, 0, false, 0, List.of(),
                new BenchOptions.GroupOptions(List.of(10), 1, 1, Duration.ZERO, Duration.ZERO, 1),
                new FloodOptions(50, 200, Duration.ofSeconds(30), Duration.ZERO, 1000, 5, 256, 30, 50,
                        List.of(FloodOptions.GROUP, FloodOptions.DIRECT)),
                new ClusterOptions(List.of(1, 3), List.of(1000), Duration.ofSeconds(20), Duration.ZERO, Duration.ZERO, true, 1));
        Table table = new FloodTables(options, "mqchat/file", TWO_ROUNDS).medians();
        assertEquals(3, table.rows().size());
        List<String> quiet = table.rows().get(0);
        List<String> group = table.rows().get(1);
        int ratio = table.columns().indexOf("p99 / quiet p99");
        assertEquals("1", quiet.get(ratio));
        assertEquals("7.00 [4.00–10.00]", group.get(ratio));
        assertEquals("no (1 of 2 rounds)", group.get(table.columns().indexOf("within 5x?")));
        assertEquals("1", group.get(table.columns().indexOf("lost")));
        assertEquals("900 [900–900]", group.get(table.columns().indexOf("flooder sent")));
        assertEquals("-", quiet.get(table.columns().indexOf("flooder sent")));
        assertEquals(6, new FloodTables(options, "mqchat/file", TWO_ROUNDS).rounds().rows().size());
    }
}
