package io.mqchat.bench.scenarios;

import io.mqchat.bench.report.Format;
import io.mqchat.bench.report.Table;
import io.mqchat.bench.stats.Spread;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The flood scenario's tables: bystander latency per phase (medians over rounds) with each flood phase's p99 against
 * the quiet phase of the same round, and every phase of every round.
 */
final class FloodTables {

    /** Issue 15's target: a bystander's p99 under a flood stays within this multiple of the quiet figure. */
    static final double TARGET_RATIO = 5;

    static final String QUIET = "quiet";

    private final BenchOptions options;
    private final String broker;
    private final List<FloodResult> all;

    FloodTables(BenchOptions options, String broker, List<FloodResult> all) {
        this.options = options;
        this.broker = broker;
        this.all = List.copyOf(all);
    }

    /**
     * Each round's bystander deliver p99 in {@code phase} divided by that round's quiet p99, in run order; a round
     * without a quiet phase has none. The same round's quiet phase ran minutes earlier on the same broker, which
     * keeps a shared machine's drift out of the ratio better than a ratio of medians would.
     */
    static List<Double> p99Ratios(List<FloodResult> all, String phase) {
        List<Double> ratios = new ArrayList<>();
        for (FloodResult r : all) {
            if (!r.phase().equals(phase)) {
                continue;
            }
            Optional<FloodResult> quiet = all.stream()
                    .filter(q -> q.round() == r.round() && q.phase().equals(QUIET)).findFirst();
            quiet.ifPresent(q -> ratios.add(r.delivery().p99() / q.delivery().p99()));
        }
        return ratios;
    }

    /** "yes" when the median ratio is within the target, with how many rounds were, e.g. {@code no (1 of 3 rounds)}. */
    static String verdict(List<Double> ratios, double target) {
        Spread spread = Spread.of(ratios);
        if (!Double.isFinite(spread.median())) {
            return "-";
        }
        long within = ratios.stream().filter(r -> r <= target).count();
        return (spread.median() <= target ? "yes" : "no") + " (" + within + " of " + ratios.size() + " rounds)";
    }

    private List<String> phases() {
        Set<String> phases = new LinkedHashSet<>();
        all.forEach(r -> phases.add(r.phase()));
        return List.copyOf(phases);
    }

    private static Spread spread(List<FloodResult> results, ToDoubleFunction<FloodResult> f) {
        return Spread.of(results.stream().map(f::applyAsDouble).toList());
    }

    Table medians() {
        FloodOptions flood = options.flood();
        Table.Builder table = Table.builder("Bystanders beside one flooding user, " + broker + ", " + flood.pairs()
                        + " pairs (" + 2 * flood.pairs() + " devices) at " + Format.rate(flood.bystanderRate())
                        + " msg/s, the flooder at " + Format.rate(flood.floodRate()) + " msg/s: median of "
                        + options.rounds() + " round(s) [min–max]",
                "phase", "bystander msg/s", "deliver p50 ms", "deliver p99 ms", "receipt p99 ms",
                "p99 / quiet p99", "within " + Format.decimal(TARGET_RATIO, 0) + "x?", "lost", "dup",
                "missing receipts", "flooder sent", "accepted", "refused", "flood deliveries/s", "flood p99 ms",
                "broker CPU", "other CPU");
        for (String phase : phases()) {
            List<FloodResult> rs = all.stream().filter(r -> r.phase().equals(phase)).toList();
            boolean quiet = phase.equals(QUIET);
            List<Double> ratios = p99Ratios(all, phase);
            table.row(phase,
                    Format.spread(spread(rs, FloodResult::bystanderRate), Format::rate),
                    Format.spread(spread(rs, r -> r.delivery().p50()), Format::millis),
                    Format.spread(spread(rs, r -> r.delivery().p99()), Format::millis),
                    Format.spread(spread(rs, r -> r.receipt().p99()), Format::millis),
                    quiet ? "1" : Format.spread(Spread.of(ratios), Format::ratio),
                    quiet ? "-" : verdict(ratios, TARGET_RATIO),
                    rs.stream().mapToLong(FloodResult::lost).sum(),
                    rs.stream().mapToLong(FloodResult::duplicates).sum(),
                    rs.stream().mapToLong(FloodResult::missingReceipts).sum(),
                    quiet ? "-" : Format.spread(spread(rs, FloodResult::floodSent), Format::rate),
                    quiet ? "-" : Format.spread(spread(rs, FloodResult::floodAccepted), Format::rate),
                    quiet ? "-" : Format.spread(spread(rs, FloodResult::floodRefused), Format::rate),
                    quiet ? "-" : Format.spread(spread(rs, FloodResult::floodDeliveriesPerSecond), Format::rate),
                    quiet ? "-" : Format.millis(spread(rs, r -> r.floodLatency().p99()).median()),
                    Format.percent(spread(rs, r -> r.cpu().brokerPct()).median()),
                    Format.percent(spread(rs, r -> r.cpu().otherPct()).median()));
        }
        table.note("Bystanders: pairs a{i}/b{i} sending to each other at a fixed total rate (open loop, each message"
                + " stamped with the time it was due), one device per user; deliver: send → the peer's device got it;"
                + " receipt: send → the DELIVERED receipt back at the sender. p99 / quiet p99: each round's deliver p99"
                + " over the same round's quiet phase; the target is " + Format.decimal(TARGET_RATIO, 0) + "x (issue 15)."
                + " lost, dup and missing receipts are totals over all rounds.");
        table.note("Flooder, open loop at its rate for the whole phase, never waiting for anything: group flood, one user"
                + " sending to send/g/{group} of a " + flood.members() + "-member group whose other members are"
                + " connected devices that acknowledge; 1-1 flood, one user sending to send/u/{peer} of "
                + flood.recipients() + " connected users in turn. accepted: messages every recipient got; refused:"
                + " messages nobody got (rate_limited, by the broker's limiter or the group-worker); flood deliveries/s:"
                + " deliveries (per member) within the phase; flood p99: send → its last recipient.");
        table.note("The broker runs the server's own limits per user (the request rate limit and, in a build that has"
                + " one, the group-worker's fan-out budget; the other scenarios raise them out of the way) and a"
                + " group-worker in its process, as the all-in-one server does. broker CPU: % of one core (the machine"
                + " has " + Runtime.getRuntime().availableProcessors() + "); other CPU: the rest of the machine.");
        return table.build();
    }

    Table rounds() {
        Table.Builder table = Table.builder("Every flood phase, in run order",
                "round", "phase", "bystander msg/s", "deliver p50", "p99", "receipt p99", "p99 / quiet", "lost",
                "flooder sent", "accepted", "refused", "flood deliveries/s", "broker CPU", "generator CPU", "other CPU",
                "load avg");
        for (FloodResult r : all) {
            List<Double> ratio = p99Ratios(all.stream().filter(q -> q.round() == r.round()).toList(), r.phase());
            table.row(r.round(), r.phase(), Format.rate(r.bystanderRate()), Format.millis(r.delivery().p50()),
                    Format.millis(r.delivery().p99()), Format.millis(r.receipt().p99()),
                    ratio.isEmpty() ? "-" : Format.ratio(ratio.get(0)), r.lost(), r.floodSent(), r.floodAccepted(),
                    r.floodRefused(), Format.rate(r.floodDeliveriesPerSecond()), Format.percent(r.cpu().brokerPct()),
                    Format.percent(r.cpu().generatorPct()), Format.percent(r.cpu().otherPct()),
                    Format.decimal(r.loadAverage(), 1));
        }
        table.note("load avg: the machine's one-minute load average at the end of the phase (2 cores).");
        all.stream().filter(r -> r.anomalies().unknownArrivals() + r.anomalies().otherArrivals()
                        + r.anomalies().publishFailures() > 0)
                .reduce((first, last) -> last)
                .ifPresent(r -> table.note("Unplanned bystander arrivals, by round " + r.round() + ": " + r.anomalies()));
        return table.build();
    }
}
