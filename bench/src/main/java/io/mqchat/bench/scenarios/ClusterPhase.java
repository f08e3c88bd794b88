package io.mqchat.bench.scenarios;

import io.mqchat.bench.load.Traffic;
import io.mqchat.bench.procfs.CpuWindow;
import io.mqchat.bench.stats.LatencySummary;
import java.util.List;

/**
 * One measured phase of one setup (one node, or several) of the cluster scenario.
 *
 * @param nodes            nodes of the setup
 * @param round            round, from 1
 * @param warmupSeconds    the setup's warm-up before its first phase, saturation and the lowest fixed rate in turn
 * @param idlePercent      all nodes' CPU without JIT at rest after the warm-up, devices connected, % of one core
 * @param phase            the fixed rate, e.g. {@code 1000/s}, or {@code saturation}
 * @param traffic          which conversations sent: {@link #ALL}, {@link #SAME_NODE} or {@link #CROSS_NODE}
 * @param crossShare       share of the phase's messages whose recipient lived on another node than the sender
 * @param seconds          length of the phase
 * @param sent             messages sent in the phase
 * @param ratePerSecond    messages delivered and receipted within the phase, per second
 * @param delivery         send → delivered latency (from the time each message was due, at a fixed rate)
 * @param receipt          send → DELIVERED receipt latency
 * @param sameNode         the messages between users on one node (empty on a phase without any)
 * @param crossNode        the messages between users on different nodes (empty on a phase without any)
 * @param lost             sent messages never delivered, after the drain
 * @param missingReceipts  delivered messages whose receipt never came
 * @param duplicates       extra deliveries of the same message to the app
 * @param cpu              CPU of all nodes together (the "broker"), the generator and the rest of the machine; the
 *                         registry's Redis counts as the rest
 * @param nodePercent      each node's CPU, % of one core, in node order
 * @param registryPercent  the registry's redis-server CPU, % of one core
 * @param brokerMicrosPerMessage all nodes' CPU time per completed message
 * @param jitPercent       the nodes' JIT compiler threads, % of one core: warm-up still going on, which a node that has
 *                         run for a while no longer pays
 * @param steadyMicrosPerMessage all nodes' CPU time per completed message without their JIT compiler threads'
 * @param aboveIdleMicrosPerMessage the same less the nodes' CPU at rest ({@code idlePercent}) over the phase: what the
 *                         messages added
 * @param loadAverage      the machine's one-minute load average at the end of the phase
 * @param anomalies        unplanned arrivals and failures of the whole setup so far
 */
public record ClusterPhase(int nodes, int round, double warmupSeconds, double idlePercent, String phase,
                           String traffic, double crossShare, double seconds, int sent, double ratePerSecond,
                           LatencySummary delivery, LatencySummary receipt,
                           Population sameNode, Population crossNode, int lost, int missingReceipts, long duplicates,
                           CpuWindow cpu, List<Double> nodePercent, double registryPercent,
                           double brokerMicrosPerMessage, double jitPercent, double steadyMicrosPerMessage,
                           double aboveIdleMicrosPerMessage, double loadAverage, Traffic.Anomalies anomalies) {

    /** Every conversation sends. */
    public static final String ALL = "all";
    /** Only the conversations whose two users live on the same node send. */
    public static final String SAME_NODE = "same-node";
    /** Only the conversations whose two users live on different nodes send. */
    public static final String CROSS_NODE = "cross-node";
    /** The phase name of the closed-loop phase. */
    public static final String SATURATION = "saturation";

    public ClusterPhase {
        nodePercent = List.copyOf(nodePercent);
    }

    /** E.g. {@code 1 node}, {@code 3 nodes}. */
    public String setup() {
        return setup(nodes);
    }

    static String setup(int nodes) {
        return nodes + (nodes == 1 ? " node" : " nodes");
    }

    public boolean saturation() {
        return phase.equals(SATURATION);
    }

    /**
     * The latencies of one population of a phase's messages.
     *
     * @param sent     messages of the population
     * @param delivery their send → delivered latency
     * @param receipt  their send → DELIVERED receipt latency
     */
    public record Population(int sent, LatencySummary delivery, LatencySummary receipt) {

        public static final Population NONE = new Population(0, LatencySummary.EMPTY, LatencySummary.EMPTY);
    }
}
