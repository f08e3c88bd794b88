package io.mqchat.bench.scenarios;

import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.stats.LatencySummary;

/**
 * One phase of one round of the flood scenario: what the bystanders saw, and what the flooder sent and got through.
 *
 * @param round             round, from 1
 * @param phase             {@code quiet}, {@code group flood} or {@code 1-1 flood}
 * @param seconds           length of the phase
 * @param bystanderSent     bystander messages sent in the phase
 * @param bystanderRate     bystander messages delivered and receipted within the phase, per second
 * @param delivery          bystanders' send → delivered latency, from the time each message was due
 * @param receipt           bystanders' send → DELIVERED receipt latency
 * @param lost              bystander messages never delivered, after the drain
 * @param missingReceipts   delivered bystander messages whose receipt never came
 * @param duplicates        extra deliveries of bystander messages
 * @param floodSent         messages the flooder sent (0 in the quiet phase)
 * @param floodAccepted     of those, the ones that reached every recipient (a group message every member)
 * @param floodRefused      of those, the ones that reached nobody: refused with {@code rate_limited}
 * @param floodDeliveriesPerSecond the flood's deliveries within the phase, per second (a group message's count per member)
 * @param floodLatency      the flood's send → delivered (a group message: to its last member)
 * @param cpu               CPU of broker, generator and the rest of the machine during the phase
 * @param loadAverage       the machine's one-minute load average at the end of the phase
 * @param anomalies         unplanned arrivals and failures of the bystanders so far
 */
public record FloodResult(int round, String phase, double seconds, int bystanderSent, double bystanderRate,
                          LatencySummary delivery, LatencySummary receipt, long lost, long missingReceipts,
                          long duplicates, int floodSent, int floodAccepted, int floodRefused,
                          double floodDeliveriesPerSecond, LatencySummary floodLatency, CpuWindow cpu,
                          double loadAverage, Traffic.Anomalies anomalies) {
}
