package io.mqchat.bench.scenarios;

import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.stats.LatencySummary;

/**
 * One measured phase of one broker run.
 *
 * @param broker            e.g. {@code mqchat/file}
 * @param round             comparison round, from 1
 * @param phase             {@code saturation} or the fixed rate, e.g. {@code 1000/s}
 * @param offeredRate       messages per second asked for (NaN at saturation)
 * @param seconds           length of the phase
 * @param sent              messages sent in the phase
 * @param ratePerSecond     messages completed (delivered; for mqchat also receipted) within the phase, per second
 * @param delivery          send → delivered latency
 * @param receipt           send → DELIVERED receipt latency (mqchat only)
 * @param lost              sent messages never delivered, after the drain
 * @param missingReceipts   delivered messages whose receipt never came (mqchat only)
 * @param duplicates        extra deliveries of the same message to the app
 * @param cpu               CPU of broker, generator and the rest of the machine during the phase
 * @param brokerMicrosPerMessage broker CPU time per completed message
 * @param anomalies         unplanned arrivals and failures of the whole broker run so far
 */
public record PhaseResult(String broker, int round, String phase, double offeredRate, double seconds, int sent,
                          double ratePerSecond, LatencySummary delivery, LatencySummary receipt, int lost,
                          int missingReceipts, long duplicates, CpuWindow cpu, double brokerMicrosPerMessage,
                          Traffic.Anomalies anomalies) {

    public boolean saturation() {
        return Double.isNaN(offeredRate);
    }
}
