package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.brokers.ClassHistogram;
import io.mqchat.bench.brokers.HeapStats;
import io.mqchat.bench.brokers.Mosquitto;
import io.mqchat.bench.brokers.RunningBroker;
import io.mqchat.bench.load.DeviceFleet;
import io.mqchat.bench.load.Dialect;
import io.mqchat.bench.load.Endpoint;
import io.mqchat.bench.load.FixedRate;
import io.mqchat.bench.load.MessageLedger;
import io.mqchat.bench.load.Payloads;
import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.procfs.ProcessSample;
import io.mqchat.bench.report.Format;
import io.mqchat.bench.report.ScenarioReport;
import io.mqchat.bench.report.Table;
import io.mqchat.bench.stats.LatencySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Scenario 4, connected devices: one broker holds more and more idle persistent-session devices (held by
 * separate worker processes); at each checkpoint the broker's RSS and live heap are read, and a background
 * chat load's delivery latency is measured with no idle devices and with all of them. The marginal memory
 * per device is the RSS slope between 10,000 devices and the top.
 */
public final class ConnectedDevices implements Scenario {

    private static final int BACKGROUND_PAIRS = 20;
    private static final Duration BACKGROUND_PHASE = Duration.ofSeconds(15);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final int SLOPE_FROM = 10_000;
    private static final long NODE_BYTES = 24L << 30;

    @Override
    public String name() {
        return "devices";
    }

    /**
     * Memory of one broker at one device count.
     *
     * @param devices    idle devices connected (plus the background load's devices, the same at every checkpoint)
     * @param openFiles  the broker's open file descriptors
     * @param rssBytes   resident set size
     * @param heap       live heap and direct memory after full GCs (JVM brokers), else null
     * @param rampSeconds time to connect the devices added since the previous checkpoint
     */
    public record Checkpoint(int devices, long openFiles, long rssBytes, HeapStats heap, double rampSeconds) {
    }

    /**
     * One broker's result.
     *
     * @param broker              e.g. {@code mqchat/file}
     * @param jvmOptions          the broker JVM's options
     * @param checkpoints         memory by device count
     * @param rssSlopeBytes       RSS per device between {@value #SLOPE_FROM} devices and the top
     * @param heapSlopeBytes      live heap per device over the same range (JVM brokers)
     * @param projectedPerNode    devices a 24 GiB node would hold at that slope, after the broker's base RSS
     * @param idleLatency         background chat latency with no idle devices
     * @param loadedLatency       the same with every idle device connected
     * @param backgroundLost      background messages never delivered
     * @param perDeviceClasses    live bytes per device by class over the slope's range (JVM brokers)
     * @param rampFailure         why the ramp stopped short of the target, or null
     */
    public record Result(String broker, List<String> jvmOptions, List<Checkpoint> checkpoints, double rssSlopeBytes,
                         double heapSlopeBytes, double projectedPerNode, LatencySummary idleLatency,
                         LatencySummary loadedLatency, int backgroundLost, Map<String, Double> perDeviceClasses,
                         String rampFailure) {
    }

    @Override
    public ScenarioReport run(BenchContext context) throws Exception {
        BenchOptions options = context.options();
        List<Table> tables = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        Table.Builder summary = Table.builder("Connected idle devices on one broker (" + options.devices()
                        + " devices, " + (options.filePersistence() ? "file" : "in-memory") + " persistence)",
                "broker", "RSS/device KiB (slope " + SLOPE_FROM + "→top)", "live heap/device KiB", "projected devices per 24 GiB",
                "bg p50 ms idle → loaded", "bg p99 ms idle → loaded", "bg lost");
        for (BrokerKind kind : options.deviceBrokers()) {
            if (kind == BrokerKind.MOSQUITTO && Mosquitto.binary().isEmpty()) {
                summary.note("Mosquitto skipped: not installed.");
                continue;
            }
            Result r = runOne(context, kind);
            results.add(r);
            summary.row(r.broker(), Format.kib(r.rssSlopeBytes()), Format.kib(r.heapSlopeBytes()),
                    Format.rate(r.projectedPerNode()),
                    Format.millis(r.idleLatency().p50()) + " → " + Format.millis(r.loadedLatency().p50()),
                    Format.millis(r.idleLatency().p99()) + " → " + Format.millis(r.loadedLatency().p99()),
                    r.backgroundLost());
            if (r.rampFailure() != null) {
                summary.note(r.broker() + ": " + r.rampFailure());
            }
            tables.add(checkpoints(r));
            if (!r.perDeviceClasses().isEmpty()) {
                Table.Builder classes = Table.builder(r.broker() + ": live heap per device by class (" + SLOPE_FROM
                        + " → top)", "class", "bytes/device");
                r.perDeviceClasses().forEach((name, bytes) -> classes.row(name, Format.decimal(bytes, 1)));
                tables.add(classes.build());
            }
        }
        summary.note("Background load: " + BACKGROUND_PAIRS + " chat pairs at " + options.backgroundRate()
                + " msg/s for " + BACKGROUND_PHASE.toSeconds() + " s, send → delivered. Idle devices are held by "
                + "separate processes, connecting from 127.0.0.2, 127.0.0.3, ...");
        tables.add(0, summary.build());
        return new ScenarioReport(name(), "done", tables, Map.of("results", results));
    }

    private static Table checkpoints(Result r) {
        String jvm = r.jvmOptions().isEmpty() ? "" : " (JVM: " + String.join(" ", r.jvmOptions()) + ")";
        Table.Builder table = Table.builder(r.broker() + " by device count" + jvm,
                "devices", "open files", "RSS MiB", "live heap MiB", "heap committed MiB", "netty direct MiB",
                "ramp s", "connects/s");
        Checkpoint previous = null;
        for (Checkpoint c : r.checkpoints()) {
            int added = previous == null ? 0 : c.devices() - previous.devices();
            table.row(c.devices(), c.openFiles(), Format.mib(c.rssBytes()),
                    c.heap() == null ? "-" : Format.mib(c.heap().heapUsed()),
                    c.heap() == null ? "-" : Format.mib(c.heap().heapCommitted()),
                    c.heap() == null || c.heap().nettyDirect() < 0 ? "-" : Format.mib(c.heap().nettyDirect()),
                    Format.decimal(c.rampSeconds(), 1),
                    added == 0 ? "-" : Format.rate(added / c.rampSeconds()));
            previous = c;
        }
        return table.build();
    }

    private Result runOne(BenchContext context, BrokerKind kind) throws Exception {
        BenchOptions options = context.options();
        BrokerSetup setup = new BrokerSetup(kind, options.filePersistence(), options.devicesBrokerJvm(), 10_000, false,
                options.persistenceBuckets());
        Path folder = context.folder("devices-" + setup.label());
        context.progress().say("devices: starting " + setup.label());
        try (RunningBroker broker = context.launcher().start(setup, folder)) {
            Dialect dialect = ChatRun.dialectFor(kind, context);
            Traffic traffic = new Traffic(new MessageLedger(options.backgroundRate() * 40 + 1000), dialect,
                    Payloads.DEFAULT_BODY, context.nanos());
            int[] peers = new int[2 * BACKGROUND_PAIRS];
            for (int i = 0; i < peers.length; i++) {
                peers[i] = i ^ 1;
            }
            try (DeviceFleet fleet = DeviceFleet.connect(peers.length, i -> "bg" + i, Endpoint.loopback(broker.port()),
                    dialect, traffic, context.nanos(), Duration.ofMinutes(2));
                 IdleDeviceWorkers workers = new IdleDeviceWorkers(
                         (options.devices() + options.devicesPerWorker() - 1) / options.devicesPerWorker(),
                         broker.port(), kind == BrokerKind.MQCHAT, context.secret(), folder)) {
                traffic.attach(fleet, peers);
                LatencySummary idle = background(context, traffic, setup.label() + " background, 0 idle devices");
                List<Checkpoint> checkpoints = new ArrayList<>();
                Map<Integer, ClassHistogram> histograms = new java.util.HashMap<>();
                String rampFailure = null;
                TreeSet<Integer> counts = new TreeSet<>(options.deviceCheckpoints());
                counts.add(0);
                counts.add(options.devices());
                for (int count : counts.headSet(options.devices(), true)) {
                    context.progress().status(() -> setup.label() + " connecting up to " + count + " idle devices, broker has "
                            + openFiles(broker.pid()) + " open files");
                    long start = context.nanos().getAsLong();
                    if (count > 0) {
                        try {
                            workers.connect(count);
                        } catch (IllegalStateException full) {
                            // e.g. the broker ran out of file descriptors: report how far it got, not a crash
                            rampFailure = "could not reach " + count + " devices (broker had " + openFiles(broker.pid())
                                    + " open files): " + full.getMessage();
                            context.progress().say(setup.label() + ": " + rampFailure);
                            break;
                        }
                    }
                    double ramp = (context.nanos().getAsLong() - start) / 1e9;
                    LockSupport.parkNanos(SETTLE.toNanos());
                    HeapStats heap = broker.heap();
                    if (kind.jvm()) {
                        histograms.put(count, ClassHistogram.take(broker.pid(), folder.resolve("histogram-" + count + ".txt")));
                    }
                    Checkpoint c = new Checkpoint(count, openFiles(broker.pid()), ProcessSample.of(broker.pid()).rssBytes(),
                            heap, ramp);
                    checkpoints.add(c);
                    context.progress().say(String.format(Locale.ROOT, "%s: %d idle devices, RSS %s MiB, live heap %s MiB",
                            setup.label(), count, Format.mib(c.rssBytes()), heap == null ? "-" : Format.mib(heap.heapUsed())));
                }
                LatencySummary loaded = background(context, traffic, setup.label() + " background, "
                        + checkpoints.get(checkpoints.size() - 1).devices() + " idle devices");
                MessageLedger.Tally all = traffic.ledger().tally(0, traffic.ledger().position());
                return summarise(setup, checkpoints, idle, loaded, all.lost(), histograms, rampFailure);
            }
        }
    }

    private static Result summarise(BrokerSetup setup, List<Checkpoint> checkpoints, LatencySummary idle,
                                    LatencySummary loaded, int lost, Map<Integer, ClassHistogram> histograms,
                                    String rampFailure) {
        Checkpoint top = checkpoints.get(checkpoints.size() - 1);
        Checkpoint from = checkpoints.stream().filter(c -> c.devices() >= SLOPE_FROM).findFirst().orElse(checkpoints.get(0));
        int span = top.devices() - from.devices();
        double rssSlope = span == 0 ? Double.NaN : (double) (top.rssBytes() - from.rssBytes()) / span;
        double heapSlope = span == 0 || top.heap() == null ? Double.NaN
                : (double) (top.heap().heapUsed() - from.heap().heapUsed()) / span;
        double perNode = (NODE_BYTES - checkpoints.get(0).rssBytes()) / rssSlope;
        Map<String, Double> classes = histograms.isEmpty() || span == 0 ? Map.of()
                : histograms.get(top.devices()).perDeviceSince(histograms.get(from.devices()), span, 12);
        return new Result(setup.label(), setup.kind().jvm() ? setup.jvmOptions() : List.of(), checkpoints, rssSlope,
                heapSlope, perNode, idle, loaded, lost, classes, rampFailure);
    }

    private LatencySummary background(BenchContext context, Traffic traffic, String label) {
        MessageLedger ledger = traffic.ledger();
        int from = ledger.position();
        long start = context.nanos().getAsLong();
        context.progress().status(() -> label + ": sent " + (ledger.position() - from));
        int rate = context.options().backgroundRate();
        FixedRate.run(traffic, rate, start, start + BACKGROUND_PHASE.toNanos(), Math.max(1000, 2L * rate));
        int to = ledger.position();
        long deadline = context.nanos().getAsLong() + context.options().drainTimeout().toNanos();
        while (ledger.completed(from, to, false) < to - from && context.nanos().getAsLong() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        MessageLedger.Tally tally = ledger.tally(from, to);
        LatencySummary latency = LatencySummary.ofNanos(tally.deliveryLatencyNanos(), tally.delivered());
        context.progress().say(String.format(Locale.ROOT, "%s: p50 %.2f ms, p99 %.2f ms, lost %d", label,
                latency.p50(), latency.p99(), tally.lost()));
        return latency;
    }

    private static long openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
