package io.mqchat.bench.stats;

import java.util.Arrays;

/**
 * Percentiles of one set of latencies, in milliseconds, by the nearest-rank method (the value at rank
 * ceil(p * n)), so every reported figure is a latency that was actually observed.
 *
 * @param count number of samples
 * @param p50   median
 * @param p90   90th percentile
 * @param p99   99th percentile
 * @param p999  99.9th percentile
 * @param max   largest sample
 */
public record LatencySummary(int count, double p50, double p90, double p99, double p999, double max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Summarises the first {@code n} entries of {@code nanos}; the array is sorted in place. */
    public static LatencySummary ofNanos(long[] nanos, int n) {
        if (n == 0) {
            return EMPTY;
        }
        Arrays.sort(nanos, 0, n);
        return new LatencySummary(n, millis(rank(nanos, n, 0.50)), millis(rank(nanos, n, 0.90)),
                millis(rank(nanos, n, 0.99)), millis(rank(nanos, n, 0.999)), millis(nanos[n - 1]));
    }

    /** The nearest-rank percentile {@code p} (0..1] of the sorted first {@code n} values. */
    static long rank(long[] sorted, int n, double p) {
        int index = (int) Math.ceil(p * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
