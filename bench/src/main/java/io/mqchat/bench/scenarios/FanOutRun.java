package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.brokers.RunningBroker;
import io.mqchat.bench.load.ClosedLoop;
import io.mqchat.bench.load.DeviceFleet;
import io.mqchat.bench.load.Dialect;
import io.mqchat.bench.load.Endpoint;
import io.mqchat.bench.load.FanOutLedger;
import io.mqchat.bench.load.FanOutTraffic;
import io.mqchat.bench.load.FixedRate;
import io.mqchat.bench.load.GroupCreation;
import io.mqchat.bench.load.Payloads;
import io.mqchat.bench.load.PubSubGroupDialect;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.procfs.ThreadCpu;
import io.mqchat.bench.report.Format;
import io.mqchat.bench.stats.LatencySummary;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * One broker, one round of group fan-out: for each group size a fresh group of its own users (created through
 * mqchat's protocol, or a plain topic on a bare broker), a warm-up on the first group only, then a fixed number
 * of messages at a fixed rate, then saturation. Every phase drains (deliveries and, on mqchat, receipts) before
 * the next starts, so no phase pays for another's backlog.
 */
final class FanOutRun {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration GROUP_TIMEOUT = Duration.ofSeconds(30);
    /** No new receipt for this long after every recipient had every message: the rest are not coming. */
    private static final Duration RECEIPT_STALL = Duration.ofSeconds(5);

    private final BenchContext context;
    private final BrokerSetup setup;
    private final int round;
    private RunningBroker broker;

    private FanOutRun(BenchContext context, BrokerSetup setup, int round) {
        this.context = context;
        this.setup = setup;
        this.round = round;
    }

    static List<FanOutResult> execute(BenchContext context, BrokerSetup setup, int round) throws InterruptedException {
        return new FanOutRun(context, setup, round).execute();
    }

    private List<FanOutResult> execute() throws InterruptedException {
        List<FanOutResult> results = new ArrayList<>();
        context.progress().say("groups round " + round + ": starting " + setup.label());
        try (RunningBroker running = context.launcher().start(setup,
                context.folder("groups-r" + round + "-" + setup.label()))) {
            broker = running;
            boolean first = true;
            for (int size : context.options().groups().sizes()) {
                results.addAll(group(size, first));
                first = false;
            }
        }
        return results;
    }

    private boolean mqchat() {
        return setup.kind() == BrokerKind.MQCHAT;
    }

    private List<FanOutResult> group(int size, boolean warmUp) throws InterruptedException {
        BenchOptions.GroupOptions options = context.options().groups();
        String name = "g" + size;
        IntFunction<String> users = i -> name + "m" + i;
        PubSubGroupDialect pubSub = new PubSubGroupDialect(name);
        Dialect dialect = mqchat() ? ChatRun.dialectFor(BrokerKind.MQCHAT, context) : pubSub;
        FanOutTraffic traffic = new FanOutTraffic(FanOutLedger.forDeliveries(context.options().maxMessages(), size - 1),
                Payloads.DEFAULT_BODY, context.nanos());
        context.progress().status(() -> setup.label() + " connecting " + size + " devices");
        try (DeviceFleet fleet = DeviceFleet.connect(size, users, Endpoint.loopback(broker.port()), dialect, traffic,
                context.nanos(), CONNECT_TIMEOUT)) {
            String topic = mqchat() ? Topics.sendToGroup(create(traffic, fleet, name, users, size)) : pubSub.topic();
            traffic.attach(fleet.device(FanOutTraffic.SENDER), topic);
            List<FanOutResult> results = new ArrayList<>();
            if (warmUp && !options.warmup().isZero()) {
                phase(traffic, size, "warmup", Double.NaN, options.warmup());
            }
            results.add(phase(traffic, size, rateName(options.rate()), options.rate(), options.ratePhase()));
            if (!options.saturation().isZero()) {
                results.add(phase(traffic, size, "saturation", Double.NaN, options.saturation()));
            }
            return results;
        }
    }

    /** Creates the group of the sending device's user and every other device's; returns its id. */
    private String create(FanOutTraffic traffic, DeviceFleet fleet, String name, IntFunction<String> users, int size)
            throws InterruptedException {
        context.progress().status(() -> setup.label() + " creating group " + name);
        List<String> members = IntStream.range(1, size).mapToObj(users).toList();
        String id = GroupCreation.create(traffic, fleet.device(FanOutTraffic.SENDER), name, members, GROUP_TIMEOUT);
        // Every member's "created" event has arrived once the worker has fanned out to all of them: a first
        // delivery to a member then measures the message, not the group's first fan-out.
        if (!await(() -> traffic.events() >= size - 1, GROUP_TIMEOUT)) {
            context.progress().say(setup.label() + ": only " + traffic.events() + " of " + (size - 1)
                    + " members heard of the creation of group " + name);
        }
        return id;
    }

    private static String rateName(double rate) {
        return (rate == Math.rint(rate) ? Long.toString((long) rate) : Format.decimal(rate, 1)) + "/s";
    }

    private FanOutResult phase(FanOutTraffic traffic, int size, String name, double rate, Duration length) {
        BenchOptions.GroupOptions options = context.options().groups();
        FanOutLedger ledger = traffic.ledger();
        int from = ledger.position();
        long start = context.nanos().getAsLong();
        String label = "r" + round + " " + setup.label() + " " + size + " members " + name;
        context.progress().status(() -> status(label, traffic, from, start));
        CpuWindow.Start cpu = CpuWindow.start(broker.pid(), start);
        ThreadCpu threads = ThreadCpu.of(broker.pid());
        long until = start + length.toNanos();
        if (Double.isNaN(rate)) {
            ClosedLoop.run(traffic, options.window(), until);
        } else {
            // Two seconds of traffic may be outstanding; beyond that the rate is more than the broker carries.
            FixedRate.run(traffic, rate, start, until, Math.max(1, (long) (2 * rate)));
            waitUntil(until);
        }
        long end = context.nanos().getAsLong();
        CpuWindow window = cpu.stop(end);
        ThreadCpu after = ThreadCpu.of(broker.pid());
        int to = ledger.position();
        drain(ledger, from, to);
        FanOutLedger.Tally tally = ledger.tally(from, to, end);
        double wall = Math.max(1, end - start);
        double seconds = wall / 1e9;
        FanOutResult result = new FanOutResult(setup.label(), round, size, name, rate, seconds, tally.messages(),
                tally.allDeliveredByEnd() / seconds, tally.deliveriesByEnd() / seconds,
                LatencySummary.ofNanos(tally.allDeliveredLatencyNanos(), tally.allDelivered()),
                LatencySummary.ofNanos(tally.deliveryLatencyNanos(), tally.deliveries()),
                tally.lost(), tally.duplicates(), mqchat() ? Math.max(0, tally.deliveries() - tally.receipts()) : 0,
                window,
                mqchat() ? 100 * after.nanosSince(threads, BrokerThreads::groupWorker) / wall : Double.NaN,
                mqchat() ? 100 * after.nanosSince(threads, BrokerThreads::groupStore) / wall : Double.NaN,
                tally.deliveriesByEnd() == 0 ? Double.NaN : window.brokerNanos() / 1000.0 / tally.deliveriesByEnd(),
                traffic.anomalies());
        context.progress().say(String.format(Locale.ROOT,
                "%s: %.0f msg/s, %.0f deliveries/s, all-delivered p50 %.2f ms p99 %.2f ms, lost %d, dup %d,"
                        + " broker CPU %.0f%%%s %s",
                label, result.messagesPerSecond(), result.deliveriesPerSecond(), result.allDelivered().p50(),
                result.allDelivered().p99(), result.lost(), result.duplicates(), window.brokerPct(),
                mqchat() ? String.format(Locale.ROOT, " (group-worker %.0f%%, store %.0f%%)", result.workerPct(),
                        result.storePct()) : "",
                window.brokerThreads()));
        return result;
    }

    private void waitUntil(long nanos) {
        long left;
        while ((left = nanos - context.nanos().getAsLong()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * Waits for every recipient, up to the drain timeout; on mqchat then for every DELIVERED receipt, while they
     * keep coming: receipts the broker dropped from the sender's full queue never will, and the next phase must
     * not start while the rest still flood the sender.
     */
    private void drain(FanOutLedger ledger, int from, int to) {
        long deadline = context.nanos().getAsLong() + context.options().drainTimeout().toNanos();
        await(() -> ledger.allDelivered(from, to) == to - from, context.options().drainTimeout());
        if (!mqchat()) {
            return;
        }
        long expected = (long) (to - from) * ledger.recipients();
        long seen = -1;
        long lastProgress = context.nanos().getAsLong();
        while (context.nanos().getAsLong() - deadline < 0
                && context.nanos().getAsLong() - lastProgress < RECEIPT_STALL.toNanos()) {
            long receipts = ledger.receipts(from, to);
            if (receipts >= expected) {
                return;
            }
            if (receipts != seen) {
                seen = receipts;
                lastProgress = context.nanos().getAsLong();
            }
            LockSupport.parkNanos(50_000_000L);
        }
    }

    private boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = context.nanos().getAsLong() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (context.nanos().getAsLong() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        return true;
    }

    private String status(String label, FanOutTraffic traffic, int from, long start) {
        int sent = traffic.ledger().position() - from;
        double seconds = (context.nanos().getAsLong() - start) / 1e9;
        return String.format(Locale.ROOT, "%s: %.0fs sent %d (%.0f/s) outstanding %d", label, seconds, sent,
                sent / Math.max(seconds, 0.001), traffic.outstanding());
    }
}
