package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.report.Format;
import io.mqchat.bench.report.Table;
import io.mqchat.bench.stats.Spread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The group fan-out scenario's tables: medians side by side per group size, ratios, and every round. */
final class FanOutTables {

    private final BenchOptions options;
    private final List<BrokerKind> kinds;
    private final List<FanOutResult> all;

    FanOutTables(BenchOptions options, List<BrokerKind> kinds, List<FanOutResult> all) {
        this.options = options;
        this.kinds = kinds;
        this.all = all;
    }

    private String label(BrokerKind kind) {
        return kind.label() + "/" + (options.filePersistence() ? "file" : "memory");
    }

    private List<FanOutResult> select(BrokerKind kind, int members, String phase) {
        return all.stream().filter(r -> r.broker().equals(label(kind)) && r.members() == members
                && r.phase().equals(phase)).toList();
    }

    private Set<String> phases() {
        Set<String> phases = new LinkedHashSet<>();
        all.forEach(r -> phases.add(r.phase()));
        return phases;
    }

    private static Spread spread(List<FanOutResult> results, ToDoubleFunction<FanOutResult> f) {
        return Spread.of(results.stream().map(f::applyAsDouble).toList());
    }

    Table medians(List<String> notes) {
        BenchOptions.GroupOptions groups = options.groups();
        Table.Builder table = Table.builder("Group fan-out, one sender per group, QoS 1, persistent sessions, "
                        + (options.filePersistence() ? "file" : "in-memory") + " persistence: median of "
                        + options.rounds() + " round(s) [min–max]",
                "broker", "members", "phase", "msg/s", "deliveries/s", "all-delivered p50 ms", "all-delivered p99",
                "member p50 ms", "member p99", "lost", "dup", "missing receipts", "broker CPU", "group-worker CPU",
                "broker µs/delivery");
        for (int members : groups.sizes()) {
            for (String phase : phases()) {
                for (BrokerKind kind : kinds) {
                    List<FanOutResult> rs = select(kind, members, phase);
                    if (rs.isEmpty()) {
                        continue;
                    }
                    table.row(label(kind), members, phase,
                            Format.spread(spread(rs, FanOutResult::messagesPerSecond), Format::rate),
                            Format.spread(spread(rs, FanOutResult::deliveriesPerSecond), Format::rate),
                            Format.spread(spread(rs, r -> r.allDelivered().p50()), Format::millis),
                            Format.spread(spread(rs, r -> r.allDelivered().p99()), Format::millis),
                            Format.millis(spread(rs, r -> r.delivery().p50()).median()),
                            Format.millis(spread(rs, r -> r.delivery().p99()).median()),
                            rs.stream().mapToLong(FanOutResult::lost).sum(),
                            rs.stream().mapToLong(FanOutResult::duplicates).sum(),
                            kind == BrokerKind.MQCHAT ? rs.stream().mapToLong(FanOutResult::missingReceipts).sum() : "-",
                            Format.percent(spread(rs, r -> r.cpu().brokerPct()).median()),
                            kind == BrokerKind.MQCHAT ? Format.percent(spread(rs, FanOutResult::workerPct).median())
                                    + " (+" + Format.percent(spread(rs, FanOutResult::storePct).median()) + " store)" : "-",
                            Format.decimal(spread(rs, FanOutResult::brokerMicrosPerDelivery).median(), 1));
                }
            }
        }
        table.note("members: the group's size, the sender included; each message reaches members - 1 devices."
                + " msg/s: messages every recipient had within the phase, per second; deliveries/s: member deliveries"
                + " within the phase, per second (the fan-out rate). all-delivered: send → the last recipient got it;"
                + " member: send → each recipient. Fixed rate: " + groups.messages() + " messages, open loop, latency"
                + " from the time each message was due. Saturation: the sender keeps " + groups.window()
                + " messages outstanding until every recipient has them (closed loop). lost, dup and missing receipts"
                + " are totals over all rounds, counted per member delivery.");
        table.note("mqchat: the sender publishes to send/g/{group}; the extension hands the message to the"
                + " group-worker, which publishes one copy per member (and a notification request per other member"
                + " and one archive copy, which find no subscriber here: no presence- or archive-worker runs), and"
                + " each member's PUBACK becomes a DELIVERED receipt at the sender. The group-worker and its embedded"
                + " MongoDB-wire store run inside the broker's process, so broker CPU includes them; group-worker CPU"
                + " is the share of its own threads (message handlers and MQTT client) and of the store's."
                + " Bare brokers: every member subscribes to g/{group}/inbox with no-local and the sender publishes"
                + " each message there once.");
        table.note("broker CPU: % of one core (the machine has " + Runtime.getRuntime().availableProcessors()
                + "); broker µs/delivery: broker process CPU time per member delivery.");
        notes.forEach(table::note);
        return table.build();
    }

    Table ratios() {
        String satPhase = "saturation";
        String ratePhase = phases().stream().filter(p -> !p.equals(satPhase)).findFirst().orElse(null);
        Table.Builder table = Table.builder("mqchat groups against pub/sub fan-out on the brokers a user would pick"
                        + " instead (ratio of medians)",
                "ratio", "members", "saturation deliveries/s", "all-delivered p99 @ " + (ratePhase == null ? "-" : ratePhase),
                "broker µs/delivery @ saturation");
        BrokerKind mqchat = kinds.get(0);
        for (BrokerKind kind : kinds.subList(1, kinds.size())) {
            for (int members : options.groups().sizes()) {
                List<FanOutResult> mineSat = select(mqchat, members, satPhase);
                List<FanOutResult> theirsSat = select(kind, members, satPhase);
                table.row(label(mqchat) + " / " + label(kind), members,
                        ratio(mineSat, theirsSat, FanOutResult::deliveriesPerSecond),
                        ratePhase == null ? "-" : ratio(select(mqchat, members, ratePhase), select(kind, members, ratePhase),
                                r -> r.allDelivered().p99()),
                        ratio(mineSat, theirsSat, FanOutResult::brokerMicrosPerDelivery));
            }
        }
        table.note("A member delivery on mqchat costs the worker's publish of the copy, the copy's delivery and the"
                + " member's DELIVERED receipt back to the sender; on the bare brokers it is one delivery of one"
                + " publish.");
        return table.build();
    }

    private static String ratio(List<FanOutResult> mine, List<FanOutResult> theirs, ToDoubleFunction<FanOutResult> f) {
        return mine.isEmpty() || theirs.isEmpty() ? "-" : Format.ratio(spread(mine, f).ratioTo(spread(theirs, f)));
    }

    Table rounds() {
        Table.Builder table = Table.builder("Every group phase, in run order",
                "round", "broker", "members", "phase", "msg/s", "deliveries/s", "all-delivered p50", "p99", "lost",
                "dup", "broker CPU", "group-worker", "store", "generator CPU", "other CPU");
        for (FanOutResult r : all) {
            table.row(r.round(), r.broker(), r.members(), r.phase(), Format.rate(r.messagesPerSecond()),
                    Format.rate(r.deliveriesPerSecond()), Format.millis(r.allDelivered().p50()),
                    Format.millis(r.allDelivered().p99()), r.lost(), r.duplicates(), Format.percent(r.cpu().brokerPct()),
                    Format.percent(r.workerPct()), Format.percent(r.storePct()), Format.percent(r.cpu().generatorPct()),
                    Format.percent(r.cpu().otherPct()));
        }
        table.note("other CPU: the rest of the machine (other builds and tests sharing it) during the phase.");
        // A group's anomalies accumulate over its phases: its last phase holds them all.
        Map<String, Traffic.Anomalies> byGroup = new LinkedHashMap<>();
        all.forEach(r -> byGroup.put("r" + r.round() + " " + r.broker() + " " + r.members() + " members", r.anomalies()));
        byGroup.forEach((group, a) -> {
            if (a.unknownArrivals() + a.otherArrivals() + a.publishFailures() > 0) {
                table.note("Unplanned arrivals, " + group + ": " + a);
            }
        });
        return table.build();
    }
}
