package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.brokers.Mosquitto;
import io.mqchat.bench.report.ScenarioReport;
import io.mqchat.bench.report.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Scenario 3, group fan-out: groups of 10, 100 and 256 members (by default), one sender each; message →
 * all-delivered latency and member deliveries per second. On mqchat the group is created through the protocol
 * and messages go to {@code send/g/{group}}, fanned out by a group-worker running in the broker's process; the
 * bare brokers carry the same fan-out as plain pub/sub (every member subscribed to one topic, each message
 * published once). The brokers alternate round by round, like the chat comparison.
 */
public final class GroupFanOut implements Scenario {

    private static final long QUEUE_LIMIT = 10_000;

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public ScenarioReport run(BenchContext context) throws Exception {
        BenchOptions options = context.options();
        List<String> notes = new ArrayList<>();
        List<BrokerKind> kinds = new ArrayList<>(options.brokers());
        // App receipts, the hosted archive and the baseline build are 1-1 comparisons; the fan-out's bare brokers are plain pub/sub.
        kinds.removeIf(BrokerKind::oneToOneOnly);
        if (kinds.contains(BrokerKind.MOSQUITTO) && Mosquitto.binary().isEmpty()) {
            kinds.remove(BrokerKind.MOSQUITTO);
            String skip = "Mosquitto skipped: not installed (apt-get install mosquitto).";
            notes.add(skip);
            context.progress().say(skip);
        }
        // The worker's member limit: the protocol's default (256) unless a larger group is asked for.
        int memberLimit = Math.max(256, Collections.max(options.groups().sizes()));
        List<FanOutResult> all = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            for (BrokerKind kind : kinds) {
                BrokerSetup setup = new BrokerSetup(kind, options.filePersistence(), options.brokerJvm(), QUEUE_LIMIT,
                        false, options.persistenceBuckets(), kind == BrokerKind.MQCHAT ? memberLimit : 0);
                all.addAll(FanOutRun.execute(context, setup, round));
            }
        }
        FanOutTables tables = new FanOutTables(options, kinds, all);
        List<Table> out = new ArrayList<>();
        out.add(tables.medians(notes));
        if (kinds.size() > 1 && kinds.get(0) == BrokerKind.MQCHAT) {
            out.add(tables.ratios());
        }
        out.add(tables.rounds());
        return new ScenarioReport(name(), "done", out, Map.of("phases", all));
    }
}
