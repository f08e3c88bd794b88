package io.mqchat.bench.stats;

import java.util.List;

/**
 * Median and range of one figure over repeated rounds: the median is what we report, the range says how
 * much a noisy machine moved it.
 *
 * @param median median of the rounds (mean of the middle two for an even count)
 * @param min    smallest round
 * @param max    largest round
 * @param rounds every round's value, in run order
 */
public record Spread(double median, double min, double max, List<Double> rounds) {

    public static Spread of(List<Double> values) {
        double[] finite = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, List.copyOf(values));
        }
        int n = finite.length;
        double median = n % 2 == 1 ? finite[n / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
        return new Spread(median, finite[0], finite[n - 1], List.copyOf(values));
    }

    /** (max - min) / median: 0.1 means the rounds lay within 10% of the median's size. */
    public double relativeRange() {
        return median == 0 ? Double.NaN : (max - min) / median;
    }

    /** The ratio of two medians, e.g. mqchat / bare HiveMQ. */
    public double ratioTo(Spread other) {
        return median / other.median;
    }

}
