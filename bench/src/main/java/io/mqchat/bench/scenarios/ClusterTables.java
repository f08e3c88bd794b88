package io.mqchat.bench.scenarios;

import io.mqchat.bench.report.Format;
import io.mqchat.bench.report.Table;
import io.mqchat.bench.stats.LatencySummary;
import io.mqchat.bench.stats.Spread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The cluster scenario's tables: every phase of both setups (medians over rounds), what a cross-node message costs
 * against a same-node one, the projection per added node with its assumptions, and every phase in run order.
 */
final class ClusterTables {

    /** The JIT compiler threads' group, as {@code ThreadCpu} names it (the kernel keeps 15 characters of a name). */
    static final String JIT_THREADS = "C# CompilerThre";

    /** Node counts the projection shows. */
    static final List<Integer> PROJECTED_NODES = List.of(1, 2, 3, 4, 5, 6, 10);

    private final BenchOptions options;
    private final List<ClusterPhase> all;
    private final int nodes;

    ClusterTables(BenchOptions options, List<ClusterPhase> all) {
        this.options = options;
        this.all = List.copyOf(all);
        this.nodes = options.cluster().nodes();
    }

    List<Table> tables() {
        return List.of(phases(), crossCostTable(), projectionTable(), rounds());
    }

    /**
     * What a cross-node message costs relative to a same-node one, and where that figure comes from.
     *
     * @param ratio  CPU per cross-node message over CPU per same-node message (NaN when not measured)
     * @param source how it was measured
     */
    record CrossCost(double ratio, String source) {
    }

    /** The projection's inputs, per the phases that ran; its throughput is NaN without a one-node saturation. */
    NodeProjection projection() {
        double oneNode = Spread.of(select(1, ClusterPhase.SATURATION, ClusterPhase.ALL).stream()
                .map(ClusterPhase::ratePerSecond).toList()).median();
        return new NodeProjection(oneNode, crossCostRatio().ratio());
    }

    /**
     * The cross-node cost ratio: the cross-node pairs alone against the same-node pairs alone at saturation on the same
     * nodes; without those phases, every pair on several nodes against one node at saturation, solved for the
     * cross-node message. CPU without the JIT compilers' either way: a warm-up still going on is no message's cost.
     */
    CrossCost crossCostRatio() {
        List<Double> ratios = perRound(ClusterPhase.SATURATION, r -> r.get(ClusterPhase.CROSS_NODE)
                .steadyMicrosPerMessage() / r.get(ClusterPhase.SAME_NODE).steadyMicrosPerMessage());
        if (!ratios.isEmpty()) {
            return new CrossCost(Spread.of(ratios).median(), "CPU per message without JIT of the cross-node pairs"
                    + " alone over that of the same-node pairs alone, at saturation on the same " + nodes + " nodes");
        }
        List<Double> solved = new ArrayList<>();
        for (int round : roundNumbers()) {
            Optional<ClusterPhase> one = find(round, 1, ClusterPhase.SATURATION, ClusterPhase.ALL);
            Optional<ClusterPhase> many = find(round, nodes, ClusterPhase.SATURATION, ClusterPhase.ALL);
            if (one.isPresent() && many.isPresent() && many.get().crossShare() > 0) {
                solved.add(1 + (many.get().steadyMicrosPerMessage() / one.get().steadyMicrosPerMessage() - 1)
                        / many.get().crossShare());
            }
        }
        return new CrossCost(Spread.of(solved).median(), solved.isEmpty() ? "not measured: no saturation phase"
                : "solved from CPU per message without JIT with every pair on " + nodes + " nodes against one node,"
                + " at saturation, which also counts what co-locating the nodes costs");
    }

    private List<Integer> roundNumbers() {
        return all.stream().map(ClusterPhase::round).distinct().sorted().toList();
    }

    private Optional<ClusterPhase> find(int round, int setupNodes, String phase, String traffic) {
        return all.stream().filter(r -> r.round() == round && r.nodes() == setupNodes && r.phase().equals(phase)
                && r.traffic().equals(traffic)).findFirst();
    }

    private List<ClusterPhase> select(int setupNodes, String phase, String traffic) {
        return all.stream().filter(r -> r.nodes() == setupNodes && r.phase().equals(phase)
                && r.traffic().equals(traffic)).toList();
    }

    /** {@code f} of each round that has both the same-node and the cross-node phase {@code phase} on several nodes. */
    private List<Double> perRound(String phase, ToDoubleFunction<Map<String, ClusterPhase>> f) {
        List<Double> values = new ArrayList<>();
        for (int round : roundNumbers()) {
            Optional<ClusterPhase> same = find(round, nodes, phase, ClusterPhase.SAME_NODE);
            Optional<ClusterPhase> cross = find(round, nodes, phase, ClusterPhase.CROSS_NODE);
            if (same.isPresent() && cross.isPresent()) {
                values.add(f.applyAsDouble(Map.of(ClusterPhase.SAME_NODE, same.get(), ClusterPhase.CROSS_NODE,
                        cross.get())));
            }
        }
        return values;
    }

    /** {@code f} of the cross-node and the same-node messages of each round's phase {@code phase} with every pair. */
    private List<Double> perRoundMixed(String phase, Function<ClusterPhase.Population, Double> f,
                                       java.util.function.DoubleBinaryOperator combine) {
        List<Double> values = new ArrayList<>();
        for (ClusterPhase r : select(nodes, phase, ClusterPhase.ALL)) {
            if (r.sameNode().sent() > 0 && r.crossNode().sent() > 0) {
                values.add(combine.applyAsDouble(f.apply(r.crossNode()), f.apply(r.sameNode())));
            }
        }
        return values;
    }

    private static String median(List<ClusterPhase> rs, ToDoubleFunction<ClusterPhase> f,
                                 java.util.function.DoubleFunction<String> format) {
        return Format.spread(Spread.of(rs.stream().map(f::applyAsDouble).toList()), format);
    }

    private static double medianOf(List<ClusterPhase> rs, ToDoubleFunction<ClusterPhase> f) {
        return Spread.of(rs.stream().map(f::applyAsDouble).toList()).median();
    }

    /** The phases' keys in run order: setup, phase, traffic. */
    private Map<String, List<ClusterPhase>> byKey() {
        return all.stream().collect(Collectors.groupingBy(r -> r.nodes() + "|" + r.phase() + "|" + r.traffic(),
                LinkedHashMap::new, Collectors.toList()));
    }

    Table phases() {
        Table.Builder table = Table.builder("1-1 chat on " + options.cluster().setups().stream()
                        .map(ClusterPhase::setup).collect(Collectors.joining(" and ")) + " of a cluster, "
                        + options.pairs() + " pairs (" + 2 * options.pairs() + " devices), QoS 1, persistent sessions, "
                        + (options.filePersistence() ? "file" : "in-memory") + " persistence: median of "
                        + options.cluster().rounds() + " round(s) [min–max]",
                "setup", "phase", "traffic", "cross-node share", "msg/s", "deliver p50 ms", "deliver p99",
                "receipt p50 ms", "receipt p99", "lost", "dup", "nodes CPU", "CPU by node", "of which JIT",
                "at rest", "nodes µs/msg", "without JIT", "above rest", "registry CPU", "generator CPU", "other CPU");
        for (List<ClusterPhase> rs : byKey().values()) {
            ClusterPhase first = rs.get(0);
            table.row(first.setup(), first.phase(), first.traffic(),
                    Format.percent(100 * medianOf(rs, ClusterPhase::crossShare)),
                    median(rs, ClusterPhase::ratePerSecond, Format::rate),
                    median(rs, r -> r.delivery().p50(), Format::millis),
                    median(rs, r -> r.delivery().p99(), Format::millis),
                    Format.millis(medianOf(rs, r -> r.receipt().p50())),
                    median(rs, r -> r.receipt().p99(), Format::millis),
                    rs.stream().mapToInt(ClusterPhase::lost).sum(),
                    rs.stream().mapToLong(ClusterPhase::duplicates).sum(),
                    Format.percent(medianOf(rs, r -> r.cpu().brokerPct())),
                    byNode(rs),
                    Format.percent(medianOf(rs, ClusterPhase::jitPercent)),
                    Format.percent(medianOf(rs, ClusterPhase::idlePercent)),
                    median(rs, ClusterPhase::brokerMicrosPerMessage, v -> Format.decimal(v, 1)),
                    median(rs, ClusterPhase::steadyMicrosPerMessage, v -> Format.decimal(v, 1)),
                    median(rs, ClusterPhase::aboveIdleMicrosPerMessage, v -> Format.decimal(v, 1)),
                    Format.decimal(medianOf(rs, ClusterPhase::registryPercent), 1) + "%",
                    Format.percent(medianOf(rs, r -> r.cpu().generatorPct())),
                    Format.percent(medianOf(rs, r -> r.cpu().otherPct())));
        }
        table.note("Each user has one device, connected directly to the user's home node (the node a user's first"
                + " device connects to homes it); pair p is a{p} on node p mod n and b{p} (p div n) mod n nodes further"
                + " on, so each node homes as many users, and 1 pair in n shares a node. traffic: all, every pair"
                + " sends; same-node or cross-node (saturation only), only the pairs whose two users share a node, or"
                + " only those that do not. cross-node share: of the phase's messages; at saturation the same-node"
                + " pairs, being faster, send more than their share of the pairs.");
        table.note("msg/s: chat messages delivered to the peer's device and DELIVERED-receipted back at the sender within"
                + " the phase; deliver: send → the peer's device got it; receipt: send → the DELIVERED receipt at the"
                + " sender; fixed rate: open loop, latency from the time each message was due; saturation: each sender"
                + " keeps " + options.window() + " messages outstanding (closed loop). lost and dup: totals over all"
                + " rounds, after a drain of up to " + options.drainTimeout().toSeconds() + " s.");
        table.note("nodes CPU: all node processes together, % of one core (the machine has "
                + Runtime.getRuntime().availableProcessors() + "; every node, the registry and the load generator"
                + " share them); CPU by node: each node's; of which JIT: the nodes' JIT compiler threads, still"
                + " compiling after the warm-up (a node that has run for minutes no longer pays it); at rest: all"
                + " nodes' CPU without JIT after the warm-up, devices connected and nothing sent (heartbeats, fence,"
                + " timers); nodes µs/msg: all nodes' CPU time per completed message, without JIT the same less the"
                + " compiler threads', above rest also less the CPU at rest over the phase (what the messages added,"
                + " telling most at the fixed rates);"
                + " registry CPU: the registry's redis-server; other CPU: the rest of the machine.");
        table.note("Every node runs in cluster mode (registry look-ups, heartbeats, fence), also the single one, with the"
                + " archive feed off: no archive-worker and no MongoDB, which 1-1 chat does not need, so the setups"
                + " differ in the broker path alone. Per-user rate limits are raised out of the way, as in the chat"
                + " scenario.");
        int lost = all.stream().mapToInt(ClusterPhase::lost).sum();
        table.note("Lost over every phase of every round: " + lost + (lost == 0 ? " (none, as required)." : " (should be 0)."));
        return table.build();
    }

    private static String byNode(List<ClusterPhase> rs) {
        int count = rs.get(0).nodePercent().size();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int node = i;
            cells.add(Format.percent(medianOf(rs, r -> r.nodePercent().get(node))));
        }
        return String.join(" / ", cells);
    }

    /** The phases in run order: the fixed rates, then saturation. */
    private List<String> phaseNames() {
        return all.stream().map(ClusterPhase::phase).distinct().toList();
    }

    Table crossCostTable() {
        CrossCost cost = crossCostRatio();
        Table.Builder table = Table.builder("A cross-node message against a same-node one, " + nodes + " nodes (median"
                        + " of rounds)",
                "phase", "messages", "msg/s", "deliver p50 ms", "deliver p99", "receipt p50 ms", "receipt p99",
                "nodes µs/msg", "without JIT", "above rest");
        for (String phase : phaseNames()) {
            List<ClusterPhase> one = select(1, phase, ClusterPhase.ALL);
            if (!one.isEmpty()) {
                wholeRow(table, phase, "1 node, every pair (all same-node)", one);
            }
            List<ClusterPhase> mixed = select(nodes, phase, ClusterPhase.ALL);
            if (!mixed.isEmpty()) {
                wholeRow(table, phase, nodes + " nodes, every pair", mixed);
                populationRow(table, phase, "… of which same-node messages", mixed, ClusterPhase::sameNode);
                populationRow(table, phase, "… of which cross-node messages", mixed, ClusterPhase::crossNode);
                table.row(phase, "cross − same, every pair", "-",
                        mixedDifference(phase, LatencySummary::p50, true),
                        mixedDifference(phase, LatencySummary::p99, true),
                        mixedDifference(phase, LatencySummary::p50, false),
                        mixedDifference(phase, LatencySummary::p99, false), "-", "-", "-");
            }
            List<ClusterPhase> same = select(nodes, phase, ClusterPhase.SAME_NODE);
            List<ClusterPhase> cross = select(nodes, phase, ClusterPhase.CROSS_NODE);
            if (!same.isEmpty() && !cross.isEmpty()) {
                wholeRow(table, phase, nodes + " nodes, same-node pairs alone", same);
                wholeRow(table, phase, nodes + " nodes, cross-node pairs alone", cross);
                table.row(phase, "cross / same, each alone", ratio(phase, ClusterPhase::ratePerSecond),
                        ratio(phase, r -> r.delivery().p50()), ratio(phase, r -> r.delivery().p99()),
                        ratio(phase, r -> r.receipt().p50()), ratio(phase, r -> r.receipt().p99()),
                        ratio(phase, ClusterPhase::brokerMicrosPerMessage),
                        ratio(phase, ClusterPhase::steadyMicrosPerMessage),
                        ratio(phase, ClusterPhase::aboveIdleMicrosPerMessage));
                table.row(phase, "cross − same, each alone", "-",
                        difference(phase, r -> r.delivery().p50()), difference(phase, r -> r.delivery().p99()),
                        difference(phase, r -> r.receipt().p50()), difference(phase, r -> r.receipt().p99()),
                        micros(phase, ClusterPhase::brokerMicrosPerMessage),
                        micros(phase, ClusterPhase::steadyMicrosPerMessage),
                        micros(phase, ClusterPhase::aboveIdleMicrosPerMessage));
            }
        }
        table.note("Every pair: the phase with all pairs sending, its messages told apart by the ledger, so the"
                + " same-node and the cross-node messages shared the same nodes at the same moments: their latencies"
                + " compare directly (CPU cannot be split within a phase). Each alone: the same " + nodes
                + " processes saturated by the pairs of one kind only, which gives each kind's CPU per message (a"
                + " cross-node message's summed over the sender's node and the recipient's).");
        table.note("A cross-node message is relayed to the recipient's node (MQTT 5, QoS 1) before the sender's PUBACK,"
                + " and its DELIVERED receipt is relayed back the same way: deliver pays one node-to-node hop, receipt"
                + " two.");
        table.note("Cross-node cost ratio used by the projection: " + Format.ratio(cost.ratio()) + " (" + cost.source()
                + ").");
        return table.build();
    }

    private void wholeRow(Table.Builder table, String phase, String label, List<ClusterPhase> rs) {
        table.row(phase, label, median(rs, ClusterPhase::ratePerSecond, Format::rate),
                Format.millis(medianOf(rs, r -> r.delivery().p50())),
                Format.millis(medianOf(rs, r -> r.delivery().p99())),
                Format.millis(medianOf(rs, r -> r.receipt().p50())),
                Format.millis(medianOf(rs, r -> r.receipt().p99())),
                median(rs, ClusterPhase::brokerMicrosPerMessage, v -> Format.decimal(v, 1)),
                median(rs, ClusterPhase::steadyMicrosPerMessage, v -> Format.decimal(v, 1)),
                median(rs, ClusterPhase::aboveIdleMicrosPerMessage, v -> Format.decimal(v, 1)));
    }

    private static void populationRow(Table.Builder table, String phase, String label, List<ClusterPhase> rs,
                                      Function<ClusterPhase, ClusterPhase.Population> population) {
        ToDoubleFunction<ClusterPhase> sent = r -> population.apply(r).sent();
        Function<ClusterPhase, LatencySummary> delivery = r -> population.apply(r).delivery();
        Function<ClusterPhase, LatencySummary> receipt = r -> population.apply(r).receipt();
        table.row(phase, label + " (" + Format.rate(medianOf(rs, sent)) + ")", "-",
                Format.millis(medianOf(rs, r -> delivery.apply(r).p50())),
                Format.millis(medianOf(rs, r -> delivery.apply(r).p99())),
                Format.millis(medianOf(rs, r -> receipt.apply(r).p50())),
                Format.millis(medianOf(rs, r -> receipt.apply(r).p99())), "-", "-", "-");
    }

    /** Cross-node minus same-node latency within each round's every-pair phase, deliver or receipt, median of rounds. */
    private String mixedDifference(String phase, ToDoubleFunction<LatencySummary> percentile, boolean deliver) {
        return Format.millis(Spread.of(perRoundMixed(phase,
                p -> percentile.applyAsDouble(deliver ? p.delivery() : p.receipt()), (cross, same) -> cross - same))
                .median());
    }

    private String ratio(String phase, ToDoubleFunction<ClusterPhase> f) {
        return Format.ratio(Spread.of(perRound(phase, r -> f.applyAsDouble(r.get(ClusterPhase.CROSS_NODE))
                / f.applyAsDouble(r.get(ClusterPhase.SAME_NODE)))).median());
    }

    private String micros(String phase, ToDoubleFunction<ClusterPhase> f) {
        return Format.decimal(Spread.of(perRound(phase, r -> f.applyAsDouble(r.get(ClusterPhase.CROSS_NODE))
                - f.applyAsDouble(r.get(ClusterPhase.SAME_NODE)))).median(), 1);
    }

    private String difference(String phase, ToDoubleFunction<ClusterPhase> f) {
        return Format.millis(Spread.of(perRound(phase, r -> f.applyAsDouble(r.get(ClusterPhase.CROSS_NODE))
                - f.applyAsDouble(r.get(ClusterPhase.SAME_NODE)))).median());
    }

    Table projectionTable() {
        NodeProjection projection = projection();
        CrossCost cost = crossCostRatio();
        Table.Builder table = Table.builder("Projected 1-1 chat throughput by nodes, each node a machine like this one"
                        + " (a model fed with the measurements above, not a measurement)",
                "nodes", "cross-node share", "CPU per message × one node", "msg/s", "msg/s per node",
                "added by the last node", "× one node");
        for (int n : PROJECTED_NODES) {
            table.row(n, Format.percent(100 * NodeProjection.crossShare(n)), Format.ratio(projection.costFactor(n)),
                    Format.rate(projection.total(n)), Format.rate(projection.total(n) / n),
                    Format.rate(projection.added(n)), Format.ratio(projection.relativeTotal(n)));
        }
        List<ClusterPhase> one = select(1, ClusterPhase.SATURATION, ClusterPhase.ALL);
        table.note("Inputs: one node carries " + Format.rate(projection.oneNodeRate()) + " msg/s at saturation (median"
                + " of the one-node saturation phases, with the load generator on the same cores"
                + (one.isEmpty() ? "" : "; its JIT compilers took " + Format.percent(medianOf(one,
                ClusterPhase::jitPercent)) + " of a core in it") + "); a cross-node message costs "
                + Format.ratio(cost.ratio())
                + " times a same-node one (" + cost.source() + ").");
        table.note("Assumptions: every node is CPU-bound and has this machine's CPU; users are homed uniformly, and talk"
                + " to uniformly chosen peers, so (n - 1)/n of the messages cross nodes; a cross-node message costs the"
                + " measured ratio summed over its two nodes, and the load spreads evenly; Redis (a look-up per user"
                + " every 5 s, a heartbeat per node every second), the network and the n - 1 relay connections per"
                + " node do not limit. CPU per message on n nodes = 1 + (n - 1)/n × (ratio - 1) times one node's; n"
                + " nodes carry n × one node's rate over that; each added node tends to one node's rate over the ratio ("
                + Format.rate(projection.addedInTheLimit()) + " msg/s). Real conversations are not uniform: users who"
                + " talk to each other homed together would cross less.");
        List<ClusterPhase> many = select(nodes, ClusterPhase.SATURATION, ClusterPhase.ALL);
        List<ClusterPhase> sameAlone = select(nodes, ClusterPhase.SATURATION, ClusterPhase.SAME_NODE);
        if (!many.isEmpty() && !one.isEmpty()) {
            double share = medianOf(many, ClusterPhase::crossShare);
            table.note("On this machine the " + nodes + " nodes share one machine's cores, which the model does not"
                    + " describe: with every pair (" + Format.percent(100 * share) + " of the messages crossing) they"
                    + " carried " + Format.rate(medianOf(many, ClusterPhase::ratePerSecond)) + " msg/s, where one node's"
                    + " CPU at the model's cost per message would carry " + Format.rate(projection.oneNodeRate()
                    / (1 + share * (cost.ratio() - 1))) + (sameAlone.isEmpty() ? "" : "; a same-node message, the"
                    + " path it takes on one node, cost " + Format.decimal(medianOf(sameAlone,
                    ClusterPhase::steadyMicrosPerMessage), 0) + " µs of CPU without JIT there against "
                    + Format.decimal(medianOf(one, ClusterPhase::steadyMicrosPerMessage), 0) + " µs on one node")
                    + ". The difference is what running " + nodes + " JVMs on two cores costs, each at 1/" + nodes
                    + " of the load; the ratio compares both kinds of message on the same " + nodes + " processes,"
                    + " which leaves that out, though it was measured at that lower load per node.");
        }
        return table.build();
    }

    Table rounds() {
        Table.Builder table = Table.builder("Every cluster phase, in run order",
                "round", "setup", "warm-up s", "phase", "traffic", "msg/s", "deliver p50", "p99", "receipt p99",
                "lost", "nodes CPU", "of which JIT", "at rest", "nodes µs/msg", "without JIT", "above rest",
                "registry CPU", "generator CPU", "other CPU", "load avg");
        for (ClusterPhase r : all) {
            table.row(r.round(), r.setup(), Format.decimal(r.warmupSeconds(), 0), r.phase(), r.traffic(),
                    Format.rate(r.ratePerSecond()), Format.millis(r.delivery().p50()), Format.millis(r.delivery().p99()),
                    Format.millis(r.receipt().p99()), r.lost(), Format.percent(r.cpu().brokerPct()),
                    Format.percent(r.jitPercent()), Format.percent(r.idlePercent()),
                    Format.decimal(r.brokerMicrosPerMessage(), 1), Format.decimal(r.steadyMicrosPerMessage(), 1),
                    Format.decimal(r.aboveIdleMicrosPerMessage(), 1), Format.decimal(r.registryPercent(), 1) + "%",
                    Format.percent(r.cpu().generatorPct()), Format.percent(r.cpu().otherPct()),
                    Format.decimal(r.loadAverage(), 1));
        }
        table.note("warm-up s: the setup's warm-up, saturation and the lowest fixed rate in turn until the nodes' JIT"
                + " compilers are nearly idle at the low rate, or the longest warm-up is over; of which JIT: the nodes' JIT compiler threads; load avg: the machine's one-minute load"
                + " average at the end of the phase.");
        // Each setup has a traffic of its own, whose counts grow over its phases: its last phase has them all.
        Map<String, ClusterPhase> lastOfEachSetup = new LinkedHashMap<>();
        all.forEach(r -> lastOfEachSetup.put("round " + r.round() + " " + r.setup(), r));
        lastOfEachSetup.forEach((setup, r) -> {
            if (r.anomalies().unknownArrivals() + r.anomalies().otherArrivals() + r.anomalies().publishFailures() > 0) {
                table.note("Unplanned arrivals or failures, " + setup + ": " + r.anomalies());
            }
        });
        return table.build();
    }
}
