package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.report.ScenarioReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6, a flood: what one user sending as fast as the rate limit lets it does to everybody else. Bystander pairs
 * chat 1-1 at a modest fixed rate, alone, then beside a user flooding a large group, then beside a user flooding 1-1;
 * their latency under each flood is compared with the quiet phase of the same round. mqchat only: the bare brokers
 * have neither a rate limit nor groups to flood.
 */
public final class Flood implements Scenario {

    private static final long QUEUE_LIMIT = 10_000;

    @Override
    public String name() {
        return "flood";
    }

    @Override
    public ScenarioReport run(BenchContext context) throws Exception {
        BenchOptions options = context.options();
        // The worker's member limit: the protocol's default (256) unless a larger group is asked for.
        int memberLimit = Math.max(256, options.flood().members());
        BrokerSetup setup = new BrokerSetup(BrokerKind.MQCHAT, options.filePersistence(), options.brokerJvm(),
                QUEUE_LIMIT, false, options.persistenceBuckets(), memberLimit, true);
        List<FloodResult> all = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            all.addAll(FloodRun.execute(context, setup, round));
        }
        FloodTables tables = new FloodTables(options, setup.label(), all);
        return new ScenarioReport(name(), "done", List.of(tables.medians(), tables.rounds()), Map.of("phases", all));
    }
}
