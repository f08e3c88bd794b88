package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerKind;
import io.mqchat.bench.brokers.BrokerSetup;
import io.mqchat.bench.report.ScenarioReport;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Scenario 7, the cluster (issue 16): the same 1-1 chat on one mqchat node and on several nodes of a cluster on this
 * machine, each node in its own process, sharing a registry Redis. Reports throughput, latency and CPU per message
 * of both setups, what a message between users on different nodes costs against one between users on the same node,
 * and a projection of throughput per added node. Each round runs one node, then several, so that a machine whose load
 * drifts moves both alike.
 */
public final class ClusterScaling implements Scenario {

    /** Messages queued per offline device, as in the chat scenario (nobody goes offline here). */
    private static final long QUEUE_LIMIT = 10_000;

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public ScenarioReport run(BenchContext context) {
        BenchOptions options = context.options();
        ClusterOptions cluster = options.cluster();
        BrokerSetup setup = new BrokerSetup(BrokerKind.MQCHAT, options.filePersistence(), options.brokerJvm(),
                QUEUE_LIMIT, false, options.persistenceBuckets());
        String clusterSecret = freshSecret();
        List<ClusterPhase> all = new ArrayList<>();
        for (int round = 1; round <= cluster.rounds(); round++) {
            for (int nodes : cluster.setups()) {
                all.addAll(ClusterRun.execute(context, setup, nodes, round, clusterSecret));
            }
        }
        ClusterTables tables = new ClusterTables(options, all);
        ClusterTables.CrossCost cost = tables.crossCostRatio();
        return new ScenarioReport(name(), "done", tables.tables(), Map.of("phases", all,
                "projection", Map.of("oneNodeRate", tables.projection().oneNodeRate(),
                        "crossCostRatio", cost.ratio(), "crossCostSource", cost.source())));
    }

    /** The nodes' shared service key: 32 random bytes, new for every run, never written anywhere. */
    private static String freshSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
