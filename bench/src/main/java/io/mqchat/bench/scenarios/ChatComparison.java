package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.brokers.Mosquitto;
import io.mqchat.bench.report.Format;
import io.mqchat.bench.report.ScenarioReport;
import io.mqchat.bench.report.Table;
import io.mqchat.bench.stats.Spread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Scenarios 1 and 2: 1-1 chat on mqchat, and the same load as plain pub/sub on bare HiveMQ CE and Mosquitto,
 * the brokers alternating round by round (A B C A B C ...) so that a noisy machine moves all of them alike.
 * Reports medians with their range, and mqchat's ratios to the others. {@code chat} is the same with mqchat
 * alone.
 */
public final class ChatComparison implements Scenario {

    private final String name;
    private final boolean mqchatOnly;

    private ChatComparison(String name, boolean mqchatOnly) {
        this.name = name;
        this.mqchatOnly = mqchatOnly;
    }

    /** Scenario 1: mqchat alone, one round per {@code --rounds}. */
    public static ChatComparison chat() {
        return new ChatComparison("chat", true);
    }

    /** Scenario 2: every broker of {@code --brokers}, alternating. */
    public static ChatComparison compare() {
        return new ChatComparison("compare", false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ScenarioReport run(BenchContext context) {
        BenchOptions options = context.options();
        List<String> notes = new ArrayList<>();
        List<BrokerKind> kinds = new ArrayList<>(mqchatOnly ? List.of(BrokerKind.MQCHAT) : options.brokers());
        if (kinds.stream().anyMatch(kind -> kind.server() == BrokerKind.MOSQUITTO) && Mosquitto.binary().isEmpty()) {
            kinds.removeIf(kind -> kind.server() == BrokerKind.MOSQUITTO);
            String skip = "Mosquitto skipped: not installed (apt-get install mosquitto).";
            notes.add(skip);
            context.progress().say(skip);
        }
        List<PhaseResult> all = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            for (BrokerKind kind : kinds) {
                BrokerSetup setup = new BrokerSetup(kind, options.filePersistence(), options.brokerJvm(), 10_000,
                        options.profile() && round == 1 && kind.jvm(), options.persistenceBuckets());
                all.addAll(ChatRun.execute(context, setup, round));
            }
        }
        List<Table> tables = new ArrayList<>();
        tables.add(medians(options, kinds, all, notes));
        if (kinds.size() > 1 && kinds.get(0) == BrokerKind.MQCHAT) {
            tables.add(ratios(kinds, all, options));
        }
        tables.add(rounds(all));
        return new ScenarioReport(name, "done", tables, Map.of("phases", all));
    }

    private static String label(BrokerKind kind, BenchOptions options) {
        return kind.label() + "/" + (options.filePersistence() ? "file" : "memory");
    }

    private static Map<String, List<PhaseResult>> byPhase(List<PhaseResult> all, String broker) {
        Map<String, List<PhaseResult>> phases = new LinkedHashMap<>();
        for (PhaseResult r : all) {
            if (r.broker().equals(broker)) {
                phases.computeIfAbsent(r.phase(), p -> new ArrayList<>()).add(r);
            }
        }
        return phases;
    }

    private static Spread spread(List<PhaseResult> results, ToDoubleFunction<PhaseResult> f) {
        return Spread.of(results.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    private static Table medians(BenchOptions options, List<BrokerKind> kinds, List<PhaseResult> all, List<String> notes) {
        Table.Builder table = Table.builder("1-1 chat, " + options.pairs() + " pairs (" + 2 * options.pairs()
                        + " devices), QoS 1, persistent sessions, " + (options.filePersistence() ? "file" : "in-memory")
                        + " persistence: median of " + options.rounds() + " round(s) [min–max]",
                "broker", "phase", "msg/s", "deliver p50 ms", "p90", "p99", "p99.9", "receipt p50 ms", "receipt p99",
                "lost", "dup", "broker CPU", "broker µs/msg");
        for (BrokerKind kind : kinds) {
            String broker = label(kind, options);
            for (Map.Entry<String, List<PhaseResult>> phase : byPhase(all, broker).entrySet()) {
                List<PhaseResult> rs = phase.getValue();
                table.row(broker, phase.getKey(),
                        Format.spread(spread(rs, PhaseResult::ratePerSecond), Format::rate),
                        Format.spread(spread(rs, r -> r.delivery().p50()), Format::millis),
                        Format.millis(spread(rs, r -> r.delivery().p90()).median()),
                        Format.spread(spread(rs, r -> r.delivery().p99()), Format::millis),
                        Format.millis(spread(rs, r -> r.delivery().p999()).median()),
                        Format.millis(spread(rs, r -> r.receipt().p50()).median()),
                        Format.millis(spread(rs, r -> r.receipt().p99()).median()),
                        rs.stream().mapToInt(PhaseResult::lost).sum(),
                        rs.stream().mapToLong(PhaseResult::duplicates).sum(),
                        Format.percent(spread(rs, r -> r.cpu().brokerPct()).median()),
                        Format.decimal(spread(rs, PhaseResult::brokerMicrosPerMessage).median(), 1));
            }
        }
        table.note("msg/s: chat messages completed per second (mqchat: delivered to the peer's device and the DELIVERED"
                + " receipt back at the sender; +receipts: the app's receipt back at the sender; other bare brokers:"
                + " delivered). Saturation: each sender keeps "
                + options.window() + " messages outstanding (closed loop). Fixed rates: open loop, latency measured"
                + " from the time each message was due. lost and dup are totals over all rounds.");
        table.note("broker CPU: % of one core (the machine has " + Runtime.getRuntime().availableProcessors()
                + "); broker µs/msg: broker CPU time per completed chat message.");
        notes.forEach(table::note);
        return table.build();
    }

    private static Table ratios(List<BrokerKind> kinds, List<PhaseResult> all, BenchOptions options) {
        Table.Builder table = Table.builder("mqchat against the brokers a user would pick instead (ratio of medians)",
                "ratio", "saturation msg/s", "p99 deliver @ first fixed rate", "broker µs/msg @ saturation");
        String mqchat = label(BrokerKind.MQCHAT, options);
        Map<String, List<PhaseResult>> mine = byPhase(all, mqchat);
        String firstRate = options.rates().isEmpty() ? null : options.rates().get(0) + "/s";
        for (BrokerKind kind : kinds.subList(1, kinds.size())) {
            Map<String, List<PhaseResult>> theirs = byPhase(all, label(kind, options));
            table.row(mqchat + " / " + label(kind, options),
                    Format.ratio(spread(mine.get("saturation"), PhaseResult::ratePerSecond)
                            .ratioTo(spread(theirs.get("saturation"), PhaseResult::ratePerSecond))),
                    firstRate == null ? "-" : Format.ratio(spread(mine.get(firstRate), r -> r.delivery().p99())
                            .ratioTo(spread(theirs.get(firstRate), r -> r.delivery().p99()))),
                    Format.ratio(spread(mine.get("saturation"), PhaseResult::brokerMicrosPerMessage)
                            .ratioTo(spread(theirs.get("saturation"), PhaseResult::brokerMicrosPerMessage))));
        }
        table.note("A chat message on mqchat costs two queued MQTT messages (the message and its DELIVERED receipt; a copy"
                + " too when the sender has another device); on the +receipts brokers also two (the app publishes the"
                + " receipt); on the other bare brokers one publish.");
        return table.build();
    }

    private static Table rounds(List<PhaseResult> all) {
        Table.Builder table = Table.builder("Every round, in run order",
                "round", "broker", "phase", "msg/s", "deliver p50", "p99", "receipt p99", "lost", "dup",
                "broker CPU", "generator CPU", "other CPU");
        for (PhaseResult r : all) {
            table.row(r.round(), r.broker(), r.phase(), Format.rate(r.ratePerSecond()), Format.millis(r.delivery().p50()),
                    Format.millis(r.delivery().p99()), Format.millis(r.receipt().p99()), r.lost(), r.duplicates(),
                    Format.percent(r.cpu().brokerPct()), Format.percent(r.cpu().generatorPct()),
                    Format.percent(r.cpu().otherPct()));
        }
        table.note("other CPU: the rest of the machine (other builds and tests sharing it) during the phase.");
        return table.build();
    }
}
