package io.mqchat.bench.scenarios;

/**
 * 1-1 chat throughput of n nodes, projected from two measurements: what one node carries at saturation, and how much
 * more CPU a message between users on different nodes costs than one between users on the same node. The model:
 *
 * <ul>
 *   <li>every node is CPU-bound and has the CPU of the machine the one-node figure was measured on, so a node
 *       carrying only same-node messages carries {@code oneNodeRate};</li>
 *   <li>users are homed uniformly at random, and talk to uniformly random peers, so a share {@code (n - 1) / n} of
 *       the messages cross nodes;</li>
 *   <li>a cross-node message costs {@code crossCostRatio} times a same-node one, summed over the two nodes it passes
 *       (sender's and recipient's), and the load spreads evenly, so the nodes saturate together;</li>
 *   <li>nothing else limits: not Redis (one look-up per user every few seconds), not the network, not the number of
 *       relay connections (n - 1 per node).</li>
 * </ul>
 *
 * Then a message costs {@code 1 + (n - 1) / n * (crossCostRatio - 1)} times what it costs on one node, and n nodes
 * carry n times one node's rate divided by that.
 *
 * @param oneNodeRate    messages per second one node carries at saturation (NaN when not measured: the projection is
 *                       then relative only)
 * @param crossCostRatio CPU of a cross-node message over that of a same-node one
 */
record NodeProjection(double oneNodeRate, double crossCostRatio) {

    /** The share of messages that cross nodes among {@code n} with uniform homing. */
    static double crossShare(int n) {
        return (n - 1) / (double) n;
    }

    /** CPU per message on {@code n} nodes, relative to one node. */
    double costFactor(int n) {
        return 1 + crossShare(n) * (crossCostRatio - 1);
    }

    /** Messages per second {@code n} nodes carry, relative to one node. */
    double relativeTotal(int n) {
        return n / costFactor(n);
    }

    /** Messages per second {@code n} nodes carry. */
    double total(int n) {
        return oneNodeRate * relativeTotal(n);
    }

    /** What the {@code n}-th node adds to {@code n - 1}. */
    double added(int n) {
        return total(n) - (n == 1 ? 0 : total(n - 1));
    }

    /** What each additional node adds once there are many: one node's rate over the cross-node cost ratio. */
    double addedInTheLimit() {
        return oneNodeRate / crossCostRatio;
    }
}
