package io.mqchat.bench.report;

import java.util.List;

/**
 * What one scenario found.
 *
 * @param scenario the scenario's name
 * @param status   {@code done}, {@code skipped: why} or {@code pending: why}
 * @param tables   the tables to print
 * @param data     the raw results, for the JSON report
 */
public record ScenarioReport(String scenario, String status, List<Table> tables, Object data) {

    public ScenarioReport {
        tables = List.copyOf(tables);
    }

    public static ScenarioReport notRun(String scenario, String status) {
        return new ScenarioReport(scenario, status, List.of(), null);
    }
}
