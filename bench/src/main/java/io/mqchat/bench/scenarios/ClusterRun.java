package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.brokers.RegistryRedis;
import io.mqchat.bench.brokers.RunningCluster;
import io.mqchat.bench.load.ClosedLoop;
import io.mqchat.bench.load.DeviceFleet;
import io.mqchat.bench.load.Dialect;
import io.mqchat.bench.load.Endpoint;
import io.mqchat.bench.load.FixedRate;
import io.mqchat.bench.load.MessageLedger;
import io.mqchat.bench.load.Payloads;
import io.mqchat.bench.load.SenderSubset;
import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.load.Workload;
import io.mqchat.bench.procfs.CpuTimes;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.procfs.LoadAverage;
import io.mqchat.bench.procfs.ThreadCpu;
import io.mqchat.bench.stats.LatencySummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * One setup of one round of the cluster scenario: a fresh registry Redis, {@code nodes} mqchat nodes each in its own
 * process, and the chat pairs, every device connected directly to its user's home node ({@link PairLayout}). Then a
 * warm-up until the JIT compilers are nearly done, each fixed rate with every pair, and saturation with every pair and,
 * on several nodes if asked, with only the same-node pairs and with only the cross-node ones. Every phase drains
 * before the next starts.
 */
final class ClusterRun {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(2);
    /** The warm-up goes in slices of this length, saturation and the low rate in turn, checking the JIT compilers. */
    private static final Duration WARMUP_SLICE = Duration.ofSeconds(5);
    /** At least this many slices, one of each load, whatever the compilers do: they compile in bursts. */
    private static final int MIN_WARMUP_SLICES = 2;
    /** The nodes' JIT compiler threads together below this share of one core at the low rate: warm enough to measure. */
    private static final double JIT_QUIET_PERCENT = 10;
    /** After the warm-up, the nodes' CPU at rest is measured over this long. */
    private static final Duration REST = Duration.ofSeconds(2);

    private final BenchContext context;
    private final BrokerSetup setup;
    private final int nodes;
    private final int round;
    private final String clusterSecret;
    private PairLayout layout;
    private RunningCluster cluster;
    private RegistryRedis registry;
    private Traffic traffic;

    private ClusterRun(BenchContext context, BrokerSetup setup, int nodes, int round, String clusterSecret) {
        this.context = context;
        this.setup = setup;
        this.nodes = nodes;
        this.round = round;
        this.clusterSecret = clusterSecret;
    }

    static List<ClusterPhase> execute(BenchContext context, BrokerSetup setup, int nodes, int round,
                                      String clusterSecret) {
        return new ClusterRun(context, setup, nodes, round, clusterSecret).execute();
    }

    private List<ClusterPhase> execute() {
        ClusterOptions options = context.options().cluster();
        List<ClusterPhase> results = new ArrayList<>();
        Path folder = context.folder("cluster-r" + round + "-" + nodes + "n");
        context.progress().say("cluster round " + round + ": starting the registry and " + ClusterPhase.setup(nodes));
        context.progress().status(() -> "starting the registry and " + ClusterPhase.setup(nodes));
        try (RegistryRedis redis = RegistryRedis.start(folder.resolve("redis"), context.launcher().keepData());
             RunningCluster running = RunningCluster.start(context.launcher(), setup, nodes, redis, clusterSecret,
                     folder)) {
            registry = redis;
            cluster = running;
            layout = PairLayout.of(context.options().pairs(), nodes);
            Dialect dialect = ChatRun.dialectFor(BrokerKind.MQCHAT, context);
            traffic = new Traffic(new MessageLedger(context.options().maxMessages()), dialect, Payloads.DEFAULT_BODY,
                    context.nanos());
            int devices = layout.devices();
            int[] peers = IntStream.range(0, devices).map(PairLayout::peer).toArray();
            context.progress().status(() -> ClusterPhase.setup(nodes) + " connecting " + devices + " devices");
            // Each device goes straight to its user's home: the first device of a user homes it where it connects.
            try (DeviceFleet fleet = DeviceFleet.connect(devices, PairLayout::user,
                    device -> Endpoint.loopback(cluster.node(layout.home(device)).port()), dialect, traffic,
                    context.nanos(), CONNECT_TIMEOUT)) {
                traffic.attach(fleet, peers);
                WarmUp warm = warmUp(options.warmup(), options.rates());
                // Every pair at each rate: the ledger tells same-node messages from cross-node ones, which shared
                // the same nodes at the same moments, so their latencies compare directly.
                for (int rate : options.rates()) {
                    results.add(phase(rate + "/s", ClusterPhase.ALL, traffic, rate, options.phase(), warm));
                }
                if (options.saturates()) {
                    for (Map.Entry<String, Workload> kind : saturationWorkloads(options).entrySet()) {
                        results.add(phase(ClusterPhase.SATURATION, kind.getKey(), kind.getValue(), Double.NaN,
                                options.saturation(), warm));
                    }
                }
            }
        }
        return results;
    }

    /**
     * What the warm-up took, and the nodes' CPU at rest after it.
     *
     * @param seconds     the warm-up's load
     * @param idlePercent all nodes' CPU without their JIT compilers' at rest right after, % of one core: what they spend
     *                    with devices connected and nothing sent (heartbeats, fence, timers)
     */
    private record WarmUp(double seconds, double idlePercent) {
    }

    /**
     * Every pair, at saturation and at the lowest fixed rate in turn, until the nodes' JIT compilers have little left to
     * do, at most {@code longest}; then the nodes' CPU at rest. A fixed warm-up would not be fair: several
     * JVMs each compile the same code on the same two cores, so they take several times as long as one, and a phase
     * measured while they compile counts the compilers' CPU as the messages'. Both kinds of load, because in trial runs
     * the compilers, starved under saturation, took a whole core as soon as the load was lighter, and a quiet broker
     * takes other branches (one receipt at a time, not batches). They are judged at the low rate, where they have the
     * CPU to work. On two cores three nodes do not get there within a minute: each HiveMQ JVM compiles some 10,000
     * methods, and was still compiling about a thousand a minute after two minutes (jstat).
     */
    private WarmUp warmUp(Duration longest, List<Integer> rates) {
        if (longest.isZero()) {
            return new WarmUp(0, Double.NaN);
        }
        double lowRate = rates.stream().mapToInt(Integer::intValue).min().orElse(0);
        MessageLedger ledger = traffic.ledger();
        long start = context.nanos().getAsLong();
        long deadline = start + longest.toNanos();
        int slices = 0;
        double lastJit = Double.NaN;
        String label = "r" + round + " " + ClusterPhase.setup(nodes) + " warm-up";
        while (true) {
            // Saturation first, then the low rate, and so on; with no fixed rate, saturation only.
            boolean saturate = lowRate == 0 || slices % 2 == 0;
            ThreadCpu before = nodeThreads();
            long sliceStart = context.nanos().getAsLong();
            long sliceEnd = Math.min(sliceStart + WARMUP_SLICE.toNanos(), deadline);
            int from = ledger.position();
            String sliceLabel = String.format(Locale.ROOT, "%s (%.0f s so far, JIT compilers %.0f%% of a core in the"
                    + " last slice)", label, (sliceStart - start) / 1e9, lastJit);
            context.progress().status(() -> status(sliceLabel, from, sliceStart));
            if (saturate) {
                ClosedLoop.run(traffic, context.options().window(), sliceEnd);
            } else {
                FixedRate.run(traffic, lowRate, sliceStart, sliceEnd, Math.max(1000, 2L * (long) lowRate));
            }
            drain(ledger, from, ledger.position());
            long now = context.nanos().getAsLong();
            lastJit = 100.0 * jitNanos(before, nodeThreads()) / Math.max(1, now - sliceStart);
            slices++;
            boolean judged = !saturate || lowRate == 0;
            if ((slices >= MIN_WARMUP_SLICES && judged && lastJit < JIT_QUIET_PERCENT) || now - deadline >= 0) {
                break;
            }
        }
        double loaded = (context.nanos().getAsLong() - start) / 1e9;
        // Then a moment at rest, devices connected and nothing sent: what the nodes spend on heartbeats, fence and timers.
        // (The compilers idle too: HotSpot drops queued compilations of methods that stopped running.)
        context.progress().status(() -> label + ": at rest");
        ThreadCpu threadsBefore = nodeThreads();
        CpuTimes cpuBefore = CpuTimes.of(cluster.pids());
        long restStart = context.nanos().getAsLong();
        LockSupport.parkNanos(REST.toNanos());
        long wall = Math.max(1, context.nanos().getAsLong() - restStart);
        long cpu = CpuTimes.of(cluster.pids()).nanosSince(cpuBefore).stream().mapToLong(Long::longValue).sum();
        double idle = 100.0 * (cpu - jitNanos(threadsBefore, nodeThreads())) / wall;
        context.progress().say(String.format(Locale.ROOT, "%s: %.0f s (JIT compilers %.0f%% of a core in the last"
                        + " slice%s); at rest the nodes took %.1f%% of a core without JIT", label, loaded, lastJit,
                lastJit < JIT_QUIET_PERCENT ? "" : ", the longest warm-up is over", idle));
        return new WarmUp(loaded, idle);
    }

    private ThreadCpu nodeThreads() {
        return ThreadCpu.sum(cluster.pids().stream().map(ThreadCpu::of).toList());
    }

    /** CPU time of the nodes' JIT compiler threads (C1 and C2) between two samples. */
    private static long jitNanos(ThreadCpu before, ThreadCpu after) {
        return after.nanosSince(before, group -> group.equals(ClusterTables.JIT_THREADS));
    }

    /**
     * Every pair; on several nodes with the split, also the same-node pairs alone and the cross-node pairs alone: CPU
     * cannot be told apart within one phase, and at saturation it is spent on messages, not on waiting for them.
     */
    private Map<String, Workload> saturationWorkloads(ClusterOptions options) {
        Map<String, Workload> kinds = new LinkedHashMap<>();
        kinds.put(ClusterPhase.ALL, traffic);
        int[] same = layout.senders(false);
        int[] cross = layout.senders(true);
        if (options.split() && same.length > 0 && cross.length > 0) {
            kinds.put(ClusterPhase.SAME_NODE, new SenderSubset(traffic, same));
            kinds.put(ClusterPhase.CROSS_NODE, new SenderSubset(traffic, cross));
        }
        return kinds;
    }

    private ClusterPhase phase(String name, String kind, Workload workload, double rate, Duration length,
                               WarmUp warm) {
        MessageLedger ledger = traffic.ledger();
        int from = ledger.position();
        String label = "r" + round + " " + ClusterPhase.setup(nodes) + " " + name + " " + kind;
        List<Long> processes = new ArrayList<>(cluster.pids());
        processes.add(registry.pid());
        CpuTimes before = CpuTimes.of(processes);
        long start = context.nanos().getAsLong();
        context.progress().status(() -> status(label, from, start));
        CpuWindow.Start cpu = CpuWindow.start(cluster.pids(), start);
        ThreadCpu threadsBefore = nodeThreads();
        long until = start + length.toNanos();
        if (Double.isNaN(rate)) {
            ClosedLoop.run(workload, context.options().window(), until);
        } else {
            // Two seconds of traffic may be outstanding, as in the chat scenario; beyond that the rate is too much.
            FixedRate.run(workload, rate, start, until, Math.max(1000, 2L * (long) rate));
        }
        long end = context.nanos().getAsLong();
        CpuWindow window = cpu.stop(end);
        List<Double> percents = CpuTimes.of(processes).percentSince(before, end - start);
        long jit = jitNanos(threadsBefore, nodeThreads());
        double load = LoadAverage.oneMinute();
        int to = ledger.position();
        drain(ledger, from, to);
        int done = ledger.completedBy(from, to, end, true);
        MessageLedger.Tally tally = ledger.tally(from, to);
        ClusterPhase.Population same = population(ledger, from, to, false);
        ClusterPhase.Population cross = population(ledger, from, to, true);
        double seconds = (end - start) / 1e9;
        ClusterPhase result = new ClusterPhase(nodes, round, warm.seconds(), warm.idlePercent(), name, kind,
                tally.sent() == 0 ? Double.NaN : (double) cross.sent() / tally.sent(), seconds, tally.sent(),
                done / seconds, LatencySummary.ofNanos(tally.deliveryLatencyNanos(), tally.delivered()),
                LatencySummary.ofNanos(tally.receiptLatencyNanos(), tally.receipted()), same, cross, tally.lost(),
                tally.delivered() - tally.receipted(), tally.duplicateDeliveries(), window,
                percents.subList(0, nodes), percents.get(nodes),
                done == 0 ? Double.NaN : window.brokerNanos() / 1000.0 / done, 100.0 * jit / (end - start),
                done == 0 ? Double.NaN : (window.brokerNanos() - jit) / 1000.0 / done,
                done == 0 ? Double.NaN : (window.brokerNanos() - jit - warm.idlePercent() / 100 * (end - start))
                        / 1000.0 / done, load, traffic.anomalies());
        context.progress().say(String.format(Locale.ROOT,
                "%s: %.0f msg/s, deliver p50 %.2f ms p99 %.2f ms, receipt p99 %.2f ms, lost %d, dup %d, nodes CPU %.0f%%"
                        + " %s (JIT %.0f%%), %.1f µs/msg (%.1f without JIT), registry %.1f%%, other %.0f%%", label,
                result.ratePerSecond(),
                result.delivery().p50(), result.delivery().p99(), result.receipt().p99(), result.lost(),
                result.duplicates(), window.brokerPct(), percents.subList(0, nodes).stream()
                        .map(p -> String.format(Locale.ROOT, "%.0f%%", p)).toList(), result.jitPercent(),
                result.brokerMicrosPerMessage(), result.steadyMicrosPerMessage(), result.registryPercent(),
                window.otherPct()));
        return result;
    }

    /** The messages in [from, to) from conversations that cross nodes, or from those that do not. */
    private ClusterPhase.Population population(MessageLedger ledger, int from, int to, boolean crossing) {
        MessageLedger.Tally tally = ledger.tally(from, to, sender -> layout.crosses(sender) == crossing);
        if (tally.sent() == 0) {
            return ClusterPhase.Population.NONE;
        }
        return new ClusterPhase.Population(tally.sent(),
                LatencySummary.ofNanos(tally.deliveryLatencyNanos(), tally.delivered()),
                LatencySummary.ofNanos(tally.receiptLatencyNanos(), tally.receipted()));
    }

    private void drain(MessageLedger ledger, int from, int to) {
        long deadline = context.nanos().getAsLong() + context.options().drainTimeout().toNanos();
        while (ledger.completed(from, to, true) < to - from && context.nanos().getAsLong() - deadline < 0) {
            LockSupport.parkNanos(100_000_000L);
        }
    }

    private String status(String label, int from, long start) {
        int sent = traffic.ledger().position() - from;
        double seconds = (context.nanos().getAsLong() - start) / 1e9;
        return String.format(Locale.ROOT, "%s: %.0fs sent %d (%.0f/s) outstanding %d", label, seconds, sent,
                sent / Math.max(seconds, 0.001), traffic.outstanding());
    }
}
