package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.brokers.RunningBroker;
import io.mqchat.bench.load.ChatDialect;
import io.mqchat.bench.load.ClosedLoop;
import io.mqchat.bench.load.DeviceFleet;
import io.mqchat.bench.load.Dialect;
import io.mqchat.bench.load.Endpoint;
import io.mqchat.bench.load.FixedRate;
import io.mqchat.bench.load.MessageLedger;
import io.mqchat.bench.load.Payloads;
import io.mqchat.bench.load.PubSubDialect;
import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.stats.LatencySummary;
import io.mqchat.extension.auth.TokenMinter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * One broker, one round of 1-1 chat: N pairs of devices (a{i} and b{i}) each sending to the other, first
 * a warm-up, then saturation (closed loop), then each fixed rate. Every phase drains before the next starts,
 * so no phase pays for another's backlog.
 */
final class ChatRun {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(2);

    private final BenchContext context;
    private final BrokerSetup setup;
    private final int round;
    private RunningBroker broker;
    private Traffic traffic;

    private ChatRun(BenchContext context, BrokerSetup setup, int round) {
        this.context = context;
        this.setup = setup;
        this.round = round;
    }

    static List<PhaseResult> execute(BenchContext context, BrokerSetup setup, int round) {
        return new ChatRun(context, setup, round).execute();
    }

    /**
     * The protocol spoken to a broker: mqchat's chat protocol, or plain pub/sub on a bare broker (with receipts
     * published by the recipients' apps for the {@code +receipts} kinds).
     */
    static Dialect dialectFor(BrokerKind kind, BenchContext context) {
        return kind.server() == BrokerKind.MQCHAT ? new ChatDialect(new TokenMinter(context.secret(), context.clock()))
                : new PubSubDialect(kind.appReceipts());
    }

    private List<PhaseResult> execute() {
        BenchOptions options = context.options();
        List<PhaseResult> results = new ArrayList<>();
        context.progress().say("round " + round + ": starting " + setup.label());
        try (RunningBroker running = context.launcher().start(setup, context.folder("r" + round + "-" + setup.label()))) {
            broker = running;
            Dialect dialect = dialectFor(setup.kind(), context);
            traffic = new Traffic(new MessageLedger(options.maxMessages()), dialect, Payloads.DEFAULT_BODY, context.nanos());
            int devices = 2 * options.pairs();
            int[] peers = new int[devices];
            for (int i = 0; i < devices; i++) {
                peers[i] = i ^ 1;
            }
            context.progress().status(() -> setup.label() + " connecting " + devices + " devices");
            try (DeviceFleet fleet = DeviceFleet.connect(devices, i -> (i % 2 == 0 ? "a" : "b") + (i / 2),
                    Endpoint.loopback(broker.port()), dialect, traffic, context.nanos(), CONNECT_TIMEOUT)) {
                traffic.attach(fleet, peers);
                phase("warmup", Double.NaN, options.warmup());
                results.add(phase("saturation", Double.NaN, options.saturation()));
                for (int rate : options.rates()) {
                    results.add(phase(rate + "/s", rate, options.ratePhase()));
                }
            }
        }
        return results;
    }

    private PhaseResult phase(String name, double rate, Duration length) {
        BenchOptions options = context.options();
        MessageLedger ledger = traffic.ledger();
        boolean receipts = traffic.completesOnReceipt();
        int from = ledger.position();
        long start = context.nanos().getAsLong();
        String label = "r" + round + " " + setup.label() + " " + name;
        context.progress().status(() -> status(label, from, start));
        CpuWindow.Start cpu = CpuWindow.start(broker.pid(), start);
        long until = start + length.toNanos();
        if (Double.isNaN(rate)) {
            ClosedLoop.run(traffic, options.window(), until);
        } else {
            // Two seconds of traffic may be outstanding; beyond that the rate is more than the broker carries.
            FixedRate.run(traffic, rate, start, until, Math.max(1000, 2L * (long) rate));
        }
        long end = context.nanos().getAsLong();
        CpuWindow window = cpu.stop(end);
        int to = ledger.position();
        drain(ledger, from, to, receipts);
        int done = ledger.completedBy(from, to, end, receipts);
        MessageLedger.Tally tally = ledger.tally(from, to);
        double seconds = (end - start) / 1e9;
        PhaseResult result = new PhaseResult(setup.label(), round, name, rate, seconds, tally.sent(), done / seconds,
                LatencySummary.ofNanos(tally.deliveryLatencyNanos(), tally.delivered()),
                receipts ? LatencySummary.ofNanos(tally.receiptLatencyNanos(), tally.receipted()) : LatencySummary.EMPTY,
                tally.lost(), receipts ? tally.delivered() - tally.receipted() : 0,
                tally.duplicateDeliveries(), window, done == 0 ? Double.NaN : window.brokerNanos() / 1000.0 / done,
                traffic.anomalies());
        context.progress().say(String.format(Locale.ROOT, "%s: %.0f msg/s, p50 %.2f ms, p99 %.2f ms, lost %d, dup %d, broker CPU %.0f%% %s",
                label, result.ratePerSecond(), result.delivery().p50(), result.delivery().p99(), result.lost(),
                result.duplicates(), window.brokerPct(), window.brokerThreads()));
        return result;
    }

    private void drain(MessageLedger ledger, int from, int to, boolean receipts) {
        long deadline = context.nanos().getAsLong() + context.options().drainTimeout().toNanos();
        while (ledger.completed(from, to, receipts) < to - from && context.nanos().getAsLong() < deadline) {
            LockSupport.parkNanos(100_000_000L);
        }
    }

    private String status(String label, int from, long start) {
        MessageLedger ledger = traffic.ledger();
        int sent = ledger.position() - from;
        double seconds = (context.nanos().getAsLong() - start) / 1e9;
        return String.format(Locale.ROOT, "%s: %.0fs sent %d (%.0f/s) outstanding %d", label, seconds, sent,
                sent / Math.max(seconds, 0.001), traffic.outstanding());
    }
}
