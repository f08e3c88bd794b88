package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Every knob of a benchmark run, bounded by default so that a full run ends in about twenty minutes.
 *
 * @param pairs              1-1 conversations (two devices each, both sending)
 * @param rounds             rounds of the broker comparison (A B C A B C ...)
 * @param brokers            brokers of the comparison and catch-up scenarios, in the order they alternate
 * @param filePersistence    durable file persistence, else in memory
 * @param brokerJvm          options of the JVM brokers
 * @param warmup             closed-loop warm-up before each broker's measurements (not reported)
 * @param saturation         length of the saturation phase
 * @param ratePhase          length of each fixed-rate phase
 * @param rates              fixed rates, chat messages per second over all pairs
 * @param window             messages each sender keeps outstanding at saturation
 * @param maxMessages        bound on messages per broker run
 * @param drainTimeout       how long to wait for stragglers after a phase before calling them lost
 * @param devices            idle devices to ramp one broker to
 * @param deviceCheckpoints  device counts at which memory is measured
 * @param devicesPerWorker   idle devices per load-generator process
 * @param deviceBrokers      brokers of the connected-devices scenario
 * @param backgroundRate     chat messages per second of the background load while devices are connected
 * @param catchUpMessages    messages queued for the offline device of the catch-up scenario
 * @param profile            record a JFR profile of the mqchat broker during the comparison
 * @param persistenceBuckets HiveMQ persistence buckets of both HiveMQ brokers (0: HiveMQ's default)
 * @param devicesBrokerJvm   JVM options of the broker in the connected-devices scenario
 * @param groups             the group fan-out scenario's knobs
 * @param flood              the flood scenario's knobs
 * @param cluster            the cluster scenario's knobs
 */
public record BenchOptions(int pairs, int rounds, List<BrokerKind> brokers, boolean filePersistence,
                           List<String> brokerJvm, Duration warmup, Duration saturation, Duration ratePhase,
                           List<Integer> rates, int window, int maxMessages, Duration drainTimeout, int devices,
                           List<Integer> deviceCheckpoints, int devicesPerWorker, List<BrokerKind> deviceBrokers,
                           int backgroundRate, int catchUpMessages, boolean profile, int persistenceBuckets,
                           List<String> devicesBrokerJvm, GroupOptions groups, FloodOptions flood,
                           ClusterOptions cluster) {

    public BenchOptions {
        brokers = List.copyOf(brokers);
        brokerJvm = List.copyOf(brokerJvm);
        rates = List.copyOf(rates);
        deviceCheckpoints = List.copyOf(deviceCheckpoints);
        deviceBrokers = List.copyOf(deviceBrokers);
        devicesBrokerJvm = List.copyOf(devicesBrokerJvm);
        if (pairs < 1 || rounds < 1 || window < 1 || maxMessages < 1000) {
            throw new IllegalArgumentException("pairs, rounds and window must be positive, max messages at least 1000");
        }
    }

    /**
     * The group fan-out scenario: for each group size, a fixed number of messages at a fixed rate, then a
     * closed-loop saturation phase, one sender per group.
     *
     * @param sizes      group sizes, the sender included (a message reaches size - 1 other members), each once
     * @param messages   messages of the fixed-rate phase
     * @param rate       messages per second of the fixed-rate phase
     * @param saturation length of the saturation phase (zero: none)
     * @param warmup     closed-loop warm-up on the first group of each broker run (not reported)
     * @param window     messages the sender keeps outstanding at saturation (complete: every member has it)
     */
    public record GroupOptions(List<Integer> sizes, int messages, double rate, Duration saturation, Duration warmup,
                               int window) {

        /** The largest group a broker run holds: the group-worker's member limit. */
        public static final int MAX_SIZE = 10_000;

        public GroupOptions {
            // Each size's users are named after it, so a size asked for twice is run once.
            sizes = List.copyOf(new LinkedHashSet<>(sizes));
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 2 || n > MAX_SIZE)) {
                throw new IllegalArgumentException("--group-sizes must be between 2 and " + MAX_SIZE + ": " + sizes);
            }
            if (messages < 1 || !(rate > 0) || window < 1 || saturation.isNegative() || warmup.isNegative()) {
                throw new IllegalArgumentException("--group-messages, --group-rate and --group-window must be positive");
            }
        }

        /** How long the fixed-rate phase takes. */
        public Duration ratePhase() {
            return Duration.ofNanos((long) (messages * (1e9 / rate)));
        }
    }
}
