package io.mqchat.bench.scenarios;

import io.mqchat.bench.report.ScenarioReport;

/**
 * One benchmark scenario. Each starts the brokers it needs, drives them, stops them and reports; scenarios
 * share nothing but the {@link BenchContext}, so a new one is one class.
 */
public interface Scenario {

    /** The name on the command line, e.g. {@code compare}. */
    String name();

    ScenarioReport run(BenchContext context) throws Exception;
}
