package io.mqchat.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void nearestRankPercentilesOfOneToThousandMillis() {
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (1000 - i) * 1_000_000L; // reversed: the summary must sort
        }
        LatencySummary s = LatencySummary.ofNanos(nanos, nanos.length);
        assertEquals(1000, s.count());
        assertEquals(500.0, s.p50());
        assertEquals(900.0, s.p90());
        assertEquals(990.0, s.p99());
        assertEquals(999.0, s.p999());
        assertEquals(1000.0, s.max());
    }

    @Test
    void onlyTheFirstNEntriesCount() {
        long[] nanos = {3_000_000, 1_000_000, 2_000_000, 999_000_000};
        LatencySummary s = LatencySummary.ofNanos(nanos, 3);
        assertEquals(2.0, s.p50());
        assertEquals(3.0, s.max());
    }

    @Test
    void smallSamplesReportObservedValues() {
        long[] one = {7_000_000};
        LatencySummary s = LatencySummary.ofNanos(one, 1);
        assertEquals(7.0, s.p50());
        assertEquals(7.0, s.p999());
    }

    @Test
    void emptyIsNaN() {
        LatencySummary s = LatencySummary.ofNanos(new long[0], 0);
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.p99()));
    }
}
