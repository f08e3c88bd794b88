package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.load.DeviceFleet;
import io.mqchat.bench.load.Endpoint;
import io.mqchat.bench.load.FanOutLedger;
import io.mqchat.bench.load.FanOutTraffic;
import io.mqchat.bench.load.GroupCreation;
import io.mqchat.bench.load.Payloads;
import io.mqchat.bench.load.Workload;
import io.mqchat.bench.stats.LatencySummary;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * A user flooding a group: the flooder's device and one connected, acknowledging device per other member, the group
 * created through the protocol as in the group fan-out scenario.
 */
final class GroupFlooder implements Flooder {

    private static final Duration GROUP_TIMEOUT = Duration.ofSeconds(30);

    private final DeviceFleet fleet;
    private final FanOutTraffic traffic;

    private GroupFlooder(DeviceFleet fleet, FanOutTraffic traffic) {
        this.fleet = fleet;
        this.traffic = traffic;
    }

    /** Connects {@code members} devices ({@code flood0} floods) to the broker on {@code port} and creates the group. */
    static GroupFlooder connect(BenchContext context, int port, int members, Duration connectTimeout)
            throws InterruptedException {
        FanOutTraffic traffic = new FanOutTraffic(FanOutLedger.forDeliveries(context.options().maxMessages(),
                members - 1), Payloads.DEFAULT_BODY, context.nanos());
        DeviceFleet fleet = DeviceFleet.connect(members, i -> "flood" + i, Endpoint.loopback(port),
                ChatRun.dialectFor(BrokerKind.MQCHAT, context), traffic, context.nanos(), connectTimeout);
        try {
            List<String> others = IntStream.range(1, members).mapToObj(i -> fleet.device(i).user()).toList();
            String id = GroupCreation.create(traffic, fleet.device(FanOutTraffic.SENDER), "flood", others, GROUP_TIMEOUT);
            // Once every member heard of the creation, a first delivery measures the flood, not the group's first fan-out.
            long deadline = System.nanoTime() + GROUP_TIMEOUT.toNanos();
            while (traffic.events() < members - 1 && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(50_000_000L);
            }
            traffic.attach(fleet.device(FanOutTraffic.SENDER), Topics.sendToGroup(id));
            return new GroupFlooder(fleet, traffic);
        } catch (RuntimeException | InterruptedException e) {
            fleet.close();
            throw e;
        }
    }

    @Override
    public String phase() {
        return "group flood";
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
        FanOutLedger ledger = traffic.ledger();
        return ledger.allDelivered(from, to) + ledger.receipts(from, to);
    }

    @Override
    public boolean complete(int from, int to) {
        return traffic.ledger().allDelivered(from, to) == to - from;
    }

    @Override
    public Tally tally(int from, int to, long endNanos) {
        FanOutLedger.Tally t = traffic.ledger().tally(from, to, endNanos);
        return new Tally(t.messages(), t.allDelivered(), traffic.ledger().reachedNone(from, to), t.deliveriesByEnd(),
                LatencySummary.ofNanos(t.allDeliveredLatencyNanos(), t.allDelivered()));
    }

    @Override
    public void close() {
        fleet.close();
    }
}
