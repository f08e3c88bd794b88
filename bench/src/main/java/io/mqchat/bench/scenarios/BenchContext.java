package io.mqchat.bench.scenarios;

import io.mqchat.bench.brokers.BrokerLauncher;
import io.mqchat.bench.report.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * What every scenario gets: its options, where to keep brokers' folders and logs, how to start brokers,
 * the mqchat token secret, the progress line and the clocks (wall clock for the report, a monotonic one
 * for latencies).
 */
public record BenchContext(BenchOptions options, Path runFolder, BrokerLauncher launcher, String secret,
                           Progress progress, Clock clock, LongSupplier nanos) {

    /** A fresh folder for one broker run below the run folder. */
    public Path folder(String name) {
        return runFolder.resolve(name.replace('/', '-'));
    }
}
