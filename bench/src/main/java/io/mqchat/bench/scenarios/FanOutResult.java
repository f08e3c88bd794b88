package io.mqchat.bench.scenarios;

import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.stats.LatencySummary;

/**
 * One measured phase of one group size on one broker.
 *
 * @param broker              e.g. {@code mqchat/file}
 * @param round               comparison round, from 1
 * @param members             group size, the sender included
 * @param phase               {@code saturation} or the fixed rate, e.g. {@code 20/s}
 * @param offeredRate         messages per second asked for (NaN at saturation)
 * @param seconds             length of the phase
 * @param sent                messages sent in the phase
 * @param messagesPerSecond   messages every recipient had within the phase, per second
 * @param deliveriesPerSecond member deliveries within the phase, per second: the fan-out rate
 * @param allDelivered        send → the last recipient got it, per message
 * @param delivery            send → each recipient got it, per member delivery
 * @param lost                member deliveries that never came, after the drain
 * @param duplicates          extra copies at recipients
 * @param missingReceipts     mqchat: member deliveries whose DELIVERED receipt never reached the sender
 * @param cpu                 CPU of broker, generator and the rest of the machine during the phase
 * @param workerPct           mqchat: the group-worker's threads inside the broker process, % of one core
 * @param storePct            mqchat: the embedded MongoDB-wire store's threads inside the broker process
 * @param brokerMicrosPerDelivery broker process CPU time per member delivery
 * @param anomalies           unplanned arrivals and failures of this group so far
 */
public record FanOutResult(String broker, int round, int members, String phase, double offeredRate, double seconds,
                           int sent, double messagesPerSecond, double deliveriesPerSecond, LatencySummary allDelivered,
                           LatencySummary delivery, long lost, long duplicates, long missingReceipts, CpuWindow cpu,
                           double workerPct, double storePct, double brokerMicrosPerDelivery,
                           Traffic.Anomalies anomalies) {

    public boolean saturation() {
        return Double.isNaN(offeredRate);
    }
}
