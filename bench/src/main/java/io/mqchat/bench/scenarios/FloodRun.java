package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.brokers.RunningBroker;
import io.mqchat.bench.load.DeviceFleet;
import io.mqchat.bench.load.Dialect;
import io.mqchat.bench.load.Endpoint;
import io.mqchat.bench.load.FixedRate;
import io.mqchat.bench.load.MessageLedger;
import io.mqchat.bench.load.Payloads;
import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.procfs.LoadAverage;
import io.mqchat.bench.stats.LatencySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * One broker, one round of the flood scenario: bystander pairs chat 1-1 at a fixed rate through a warm-up, a quiet
 * phase, then each flood phase, in which one more user sends as fast as the rate limit lets it. Every device is
 * connected for the whole run, so the phases differ in traffic only, and every phase drains before the next starts.
 */
final class FloodRun {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(2);
    /** No flood message or receipt arrived for this long: the rest were refused, or are not coming. */
    private static final Duration FLOOD_STALL = Duration.ofSeconds(5);

    private final BenchContext context;
    private final BrokerSetup setup;
    private final int round;
    private RunningBroker broker;
    private Traffic bystanders;

    private FloodRun(BenchContext context, BrokerSetup setup, int round) {
        this.context = context;
        this.setup = setup;
        this.round = round;
    }

    static List<FloodResult> execute(BenchContext context, BrokerSetup setup, int round) throws InterruptedException {
        return new FloodRun(context, setup, round).execute();
    }

    private List<FloodResult> execute() throws InterruptedException {
        FloodOptions options = context.options().flood();
        List<FloodResult> results = new ArrayList<>();
        context.progress().say("flood round " + round + ": starting " + setup.label());
        try (RunningBroker running = context.launcher().start(setup, context.folder("flood-r" + round + "-" + setup.label()))) {
            broker = running;
            Dialect dialect = ChatRun.dialectFor(BrokerKind.MQCHAT, context);
            bystanders = new Traffic(new MessageLedger(capacity(
                    Math.max(options.bystanderRate(), options.warmupBystanderRate()))), dialect,
                    Payloads.DEFAULT_BODY, context.nanos());
            int devices = 2 * options.pairs();
            int[] peers = new int[devices];
            for (int i = 0; i < devices; i++) {
                peers[i] = i ^ 1;
            }
            context.progress().status(() -> setup.label() + " connecting bystanders and flooders");
            try (DeviceFleet fleet = DeviceFleet.connect(devices, i -> (i % 2 == 0 ? "a" : "b") + (i / 2),
                    Endpoint.loopback(broker.port()), dialect, bystanders, context.nanos(), CONNECT_TIMEOUT);
                 GroupFlooder group = GroupFlooder.connect(context, broker.port(), options.members(), CONNECT_TIMEOUT);
                 DirectFlooder direct = DirectFlooder.connect(context, broker.port(), options.recipients(),
                         capacity(options.floodRate()), CONNECT_TIMEOUT)) {
                bystanders.attach(fleet, peers);
                if (!options.warmup().isZero()) {
                    phase("warmup", options.warmupBystanderRate(), group, options.warmupGroupRate(), options.warmup());
                }
                results.add(phase("quiet", options.bystanderRate(), null, 0, options.phase()));
                for (String flood : options.floods()) {
                    Flooder flooder = flood.equals(FloodOptions.GROUP) ? group : direct;
                    results.add(phase(flooder.phase(), options.bystanderRate(), flooder, options.floodRate(),
                            options.phase()));
                }
            }
        }
        return results;
    }

    /** Room for every message of a run at {@code rate} (warm-up and every phase, twice over), within --max-messages. */
    private int capacity(double rate) {
        FloodOptions options = context.options().flood();
        double seconds = options.warmup().toSeconds() + options.phase().toSeconds() * (1 + options.floods().size());
        return (int) Math.min(context.options().maxMessages(), 1_000 + 2 * rate * seconds);
    }

    private FloodResult phase(String name, double bystanderRate, Flooder flooder, double floodRate, Duration length)
            throws InterruptedException {
        MessageLedger ledger = bystanders.ledger();
        int from = ledger.position();
        int floodFrom = flooder == null ? 0 : flooder.position();
        long start = context.nanos().getAsLong();
        String label = "r" + round + " " + name;
        context.progress().status(() -> status(label, from, flooder, floodFrom, start));
        CpuWindow.Start cpu = CpuWindow.start(broker.pid(), start);
        long until = start + length.toNanos();
        // The flooder never waits for its messages to complete: it sends on whatever happens to them.
        Thread flood = flooder == null ? null : new Thread(
                () -> FixedRate.run(flooder.workload(), floodRate, start, until, Long.MAX_VALUE), "flooder");
        if (flood != null) {
            flood.start();
        }
        // Two seconds of traffic may be outstanding, as in the chat scenario; beyond that the bystanders pause.
        FixedRate.run(bystanders, bystanderRate, start, until, Math.max(1000, 2L * (long) bystanderRate));
        if (flood != null) {
            flood.join();
        }
        long end = context.nanos().getAsLong();
        CpuWindow window = cpu.stop(end);
        double load = LoadAverage.oneMinute();
        int to = ledger.position();
        int floodTo = flooder == null ? 0 : flooder.position();
        drain(from, to, flooder, floodFrom, floodTo);
        MessageLedger.Tally tally = ledger.tally(from, to);
        Flooder.Tally floods = flooder == null ? new Flooder.Tally(0, 0, 0, 0, LatencySummary.EMPTY)
                : flooder.tally(floodFrom, floodTo, end);
        double seconds = (end - start) / 1e9;
        FloodResult result = new FloodResult(round, name, seconds, tally.sent(),
                ledger.completedBy(from, to, end, true) / seconds,
                LatencySummary.ofNanos(tally.deliveryLatencyNanos(), tally.delivered()),
                LatencySummary.ofNanos(tally.receiptLatencyNanos(), tally.receipted()),
                tally.lost(), tally.delivered() - tally.receipted(), tally.duplicateDeliveries(),
                floods.sent(), floods.accepted(), floods.refused(), floods.deliveriesByEnd() / seconds, floods.latency(),
                window, load, bystanders.anomalies());
        context.progress().say(String.format(Locale.ROOT,
                "%s: bystanders %.0f msg/s, p50 %.2f ms, p99 %.2f ms, lost %d; flooder sent %d, accepted %d, refused %d,"
                        + " %.0f deliveries/s; broker CPU %.0f%%, other %.0f%%, load %.1f",
                label, result.bystanderRate(), result.delivery().p50(), result.delivery().p99(), result.lost(),
                result.floodSent(), result.floodAccepted(), result.floodRefused(), result.floodDeliveriesPerSecond(),
                window.brokerPct(), window.otherPct(), load));
        return result;
    }

    /**
     * Waits for every bystander message and receipt, and for the flood while its messages still arrive (refused ones
     * never will), up to the drain timeout: the next phase must not pay for this one's backlog.
     */
    private void drain(int from, int to, Flooder flooder, int floodFrom, int floodTo) {
        long now = context.nanos().getAsLong();
        long deadline = now + context.options().drainTimeout().toNanos();
        long lastProgress = now;
        long seen = -1;
        while ((now = context.nanos().getAsLong()) - deadline < 0) {
            boolean bystandersDone = bystanders.ledger().completed(from, to, true) == to - from;
            boolean floodDone = flooder == null || flooder.complete(floodFrom, floodTo)
                    || now - lastProgress > FLOOD_STALL.toNanos();
            if (bystandersDone && floodDone) {
                return;
            }
            long progress = flooder == null ? 0 : flooder.progress(floodFrom, floodTo);
            if (progress != seen) {
                seen = progress;
                lastProgress = now;
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    private String status(String label, int from, Flooder flooder, int floodFrom, long start) {
        int sent = bystanders.ledger().position() - from;
        double seconds = (context.nanos().getAsLong() - start) / 1e9;
        return String.format(Locale.ROOT, "%s: %.0fs bystanders sent %d (%.0f/s) outstanding %d%s", label, seconds, sent,
                sent / Math.max(seconds, 0.001), bystanders.outstanding(),
                flooder == null ? "" : ", flooder sent " + (flooder.position() - floodFrom) + " outstanding "
                        + flooder.workload().outstanding());
    }
}
