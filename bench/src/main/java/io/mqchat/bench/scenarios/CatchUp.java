package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.brokers.Mosquitto;
import io.mqchat.bench.brokers.RunningBroker;
import io.mqchat.bench.load.DeviceFleet;
import io.mqchat.bench.load.Dialect;
import io.mqchat.bench.load.Endpoint;
import io.mqchat.bench.load.MessageLedger;
import io.mqchat.bench.load.Payloads;
import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.report.Format;
import io.mqchat.bench.report.ScenarioReport;
import io.mqchat.bench.report.Table;
import io.mqchat.bench.stats.Spread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario 5, offline catch-up: a device goes offline, its peer sends it N messages (all acknowledged, so
 * all in the broker's queue), and the device reconnects. Measures the time from CONNECT to the last queued
 * message, and for mqchat to the last DELIVERED receipt at the sender.
 */
public final class CatchUp implements Scenario {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int SENDS_IN_FLIGHT = 200;

    @Override
    public String name() {
        return "catchup";
    }

    /**
     * One broker's catch-up.
     *
     * @param broker        e.g. {@code mqchat/file}
     * @param queued        messages sent while the device was offline
     * @param queueSeconds  time to send them all and get every PUBACK
     * @param received      distinct messages the device got after reconnecting
     * @param duplicates    extra copies it got
     * @param drainSeconds  CONNECT → last queued message
     * @param receiptSeconds CONNECT → last DELIVERED receipt at the sender (mqchat), else NaN
     * @param receipts      DELIVERED receipts that came back
     */
    public record Result(String broker, int queued, double queueSeconds, int received, long duplicates,
                         double drainSeconds, double receiptSeconds, int receipts) {
    }

    @Override
    public ScenarioReport run(BenchContext context) throws Exception {
        BenchOptions options = context.options();
        Table.Builder table = Table.builder("Offline catch-up: one device reconnects to " + options.catchUpMessages()
                        + " queued messages (" + (options.filePersistence() ? "file" : "in-memory")
                        + " persistence): median of " + options.rounds() + " round(s) [min–max]",
                "broker", "queued", "received", "lost", "dup", "CONNECT → last message s", "msg/s",
                "CONNECT → last receipt s");
        List<BrokerKind> kinds = new ArrayList<>(options.brokers());
        // App receipts, the hosted archive and the baseline build are 1-1 comparisons; the catch-up's bare brokers are plain pub/sub.
        kinds.removeIf(BrokerKind::oneToOneOnly);
        if (kinds.remove(BrokerKind.MOSQUITTO) && Mosquitto.binary().isPresent()) {
            kinds.add(BrokerKind.MOSQUITTO);
        } else if (options.brokers().contains(BrokerKind.MOSQUITTO)) {
            table.note("Mosquitto skipped: not installed.");
        }
        List<Result> results = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            for (BrokerKind kind : kinds) {
                results.add(runOne(context, kind, round));
            }
        }
        for (BrokerKind kind : kinds) {
            List<Result> mine = results.stream().filter(r -> r.broker().startsWith(kind.label() + "/")).toList();
            Spread drain = Spread.of(mine.stream().map(Result::drainSeconds).toList());
            table.row(mine.get(0).broker(), mine.stream().mapToInt(Result::queued).sum(),
                    mine.stream().mapToInt(Result::received).sum(),
                    mine.stream().mapToInt(r -> r.queued() - r.received()).sum(),
                    mine.stream().mapToLong(Result::duplicates).sum(),
                    Format.spread(drain, s -> Format.decimal(s, 2)),
                    Format.rate(options.catchUpMessages() / drain.median()),
                    Format.decimal(Spread.of(mine.stream().map(Result::receiptSeconds).toList()).median(), 2));
        }
        table.note("queued, received, lost and dup are totals over all rounds. The messages are sent while the device is offline and every one is PUBACKed (in the broker's"
                + " queue) before it reconnects; the clock starts at its CONNECT.");
        return new ScenarioReport(name(), "done", List.of(table.build()), Map.of("results", results));
    }

    private Result runOne(BenchContext context, BrokerKind kind, int round) {
        BenchOptions options = context.options();
        int n = options.catchUpMessages();
        BrokerSetup setup = new BrokerSetup(kind, options.filePersistence(), options.brokerJvm(), Math.max(10_000, n), false,
                options.persistenceBuckets());
        context.progress().say("catchup: starting " + setup.label());
        try (RunningBroker broker = context.launcher().start(setup, context.folder("catchup-r" + round + "-" + setup.label()))) {
            Dialect dialect = ChatRun.dialectFor(kind, context);
            MessageLedger ledger = new MessageLedger(n);
            Traffic traffic = new Traffic(ledger, dialect, Payloads.DEFAULT_BODY, context.nanos());
            try (DeviceFleet fleet = DeviceFleet.connect(2, i -> i == 0 ? "sender" : "sleeper",
                    Endpoint.loopback(broker.port()), dialect, traffic, context.nanos(), WAIT)) {
                traffic.attach(fleet, new int[] {1, 0});
                fleet.device(1).disconnect().join();
                long queueStart = context.nanos().getAsLong();
                context.progress().status(() -> setup.label() + " queueing: sent " + ledger.position() + "/" + n
                        + ", awaiting PUBACK " + traffic.unacknowledged());
                for (int i = 0; i < n; i++) {
                    while (traffic.unacknowledged() >= SENDS_IN_FLIGHT) {
                        LockSupport.parkNanos(100_000);
                    }
                    traffic.send(0, context.nanos().getAsLong());
                }
                awaitTrue(context, () -> traffic.unacknowledged() == 0);
                double queueSeconds = (context.nanos().getAsLong() - queueStart) / 1e9;
                // HiveMQ syncs file persistence about once a second: let the queue settle before reconnecting.
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                context.progress().status(() -> setup.label() + " draining: received "
                        + ledger.completed(0, n, false) + "/" + n);
                long connectAt = context.nanos().getAsLong();
                fleet.device(1).connect(dialect).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
                awaitTrue(context, () -> ledger.completed(0, n, false) == n);
                if (dialect.receipts()) {
                    awaitTrue(context, () -> ledger.completed(0, n, true) == n);
                }
                MessageLedger.Tally tally = ledger.tally(0, n);
                long lastMessage = ledger.latestDelivery(0, n);
                long lastReceipt = ledger.latestReceipt(0, n);
                Result result = new Result(setup.label(), n, queueSeconds, tally.delivered(), tally.duplicateDeliveries(),
                        seconds(connectAt, lastMessage), dialect.receipts() ? seconds(connectAt, lastReceipt) : Double.NaN,
                        tally.receipted());
                context.progress().say(String.format(Locale.ROOT, "catchup %s: %d/%d in %.2f s", setup.label(),
                        result.received(), n, result.drainSeconds()));
                return result;
            }
        }
    }

    private static double seconds(long from, long to) {
        return to == Long.MIN_VALUE ? Double.NaN : (to - from) / 1e9;
    }

    private static void awaitTrue(BenchContext context, java.util.function.BooleanSupplier condition) {
        long deadline = context.nanos().getAsLong() + WAIT.toNanos();
        while (!condition.getAsBoolean() && context.nanos().getAsLong() < deadline) {
            LockSupport.parkNanos(20_000_000L);
        }
    }
}
