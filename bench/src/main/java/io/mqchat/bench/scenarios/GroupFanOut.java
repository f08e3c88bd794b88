package io.mqchat.bench.scenarios;

import io.mqchat.bench.report.ScenarioReport;

/**
 * Scenario 3, group fan-out (groups of 10, 100 and 256 members: message → all-delivered latency and fan-out
 * rate). Pending until the group-worker lands: it will create the groups through the group admin topic,
 * send with {@code Topics.sendToGroup}, and count per-member deliveries in a {@code MessageLedger} sized
 * messages × members.
 */
public final class GroupFanOut implements Scenario {

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public ScenarioReport run(BenchContext context) {
        String status = "pending: groups not landed yet";
        context.progress().say("groups: " + status);
        return ScenarioReport.notRun(name(), status);
    }
}
