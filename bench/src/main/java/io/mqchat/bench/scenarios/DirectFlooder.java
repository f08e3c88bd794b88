package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.load.DeviceFleet;
import io.mqchat.bench.load.Endpoint;
import io.mqchat.bench.load.MessageLedger;
import io.mqchat.bench.load.Payloads;
import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.load.Workload;
import io.mqchat.bench.stats.LatencySummary;
import java.time.Duration;
import java.util.stream.IntStream;

/** A user flooding 1-1: one device sending to a number of connected users in turn, none of whom answers. */
final class DirectFlooder implements Flooder {

    private final DeviceFleet fleet;
    private final Traffic traffic;

    private DirectFlooder(DeviceFleet fleet, Traffic traffic) {
        this.fleet = fleet;
        this.traffic = traffic;
    }

    /**
     * Connects the flooder ({@code direct0}) and {@code recipients} users' devices to the broker on {@code port}; the
     * ledger holds {@code capacity} messages.
     */
    static DirectFlooder connect(BenchContext context, int port, int recipients, int capacity, Duration connectTimeout) {
        Traffic traffic = new Traffic(new MessageLedger(capacity), ChatRun.dialectFor(BrokerKind.MQCHAT, context),
                Payloads.DEFAULT_BODY, context.nanos());
        DeviceFleet fleet = DeviceFleet.connect(recipients + 1, i -> "direct" + i, Endpoint.loopback(port),
                ChatRun.dialectFor(BrokerKind.MQCHAT, context), traffic, context.nanos(), connectTimeout);
        // A sender slot per recipient, all on the flooder's device 0: the workload's turns go round the recipients.
        traffic.attach(fleet, new int[recipients], IntStream.rangeClosed(1, recipients).toArray());
        return new DirectFlooder(fleet, traffic);
    }

    @Override
    public String phase() {
        return "1-1 flood";
    }

    @Override
    public Workload workload() {
        return traffic;
    }

    @Override
    public int position() {
        return traffic.ledger().position();
    }

    @Override
    public long progress(int from, int to) {
        return traffic.ledger().completed(from, to, false) + traffic.ledger().completed(from, to, true);
    }

    @Override
    public boolean complete(int from, int to) {
        return traffic.ledger().completed(from, to, false) == to - from;
    }

    @Override
    public Tally tally(int from, int to, long endNanos) {
        MessageLedger.Tally t = traffic.ledger().tally(from, to);
        return new Tally(t.sent(), t.delivered(), t.lost(), traffic.ledger().completedBy(from, to, endNanos, false),
                LatencySummary.ofNanos(t.deliveryLatencyNanos(), t.delivered()));
    }

    @Override
    public void close() {
        fleet.close();
    }
}
