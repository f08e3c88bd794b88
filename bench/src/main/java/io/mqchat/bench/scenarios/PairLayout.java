package io.mqchat.bench.scenarios;

import java.util.stream.IntStream;

/**
 * Where the users of the chat pairs live on a cluster of {@code nodes}: device {@code 2p} is user {@code a<p>} and
 * device {@code 2p + 1} user {@code b<p>}, each the only device of its user, and each homed on the node it connects
 * to first. {@code a<p>} lives on node {@code p mod n} and {@code b<p>} {@code (p div n) mod n} nodes further on, so
 * over every n² pairs each node homes as many users as any other, and 1 in n pairs share a node: the other
 * (n - 1)/n cross nodes, the share that homing users uniformly at random gives on average.
 */
final class PairLayout {

    private final int pairs;
    private final int nodes;

    private PairLayout(int pairs, int nodes) {
        this.pairs = pairs;
        this.nodes = nodes;
    }

    static PairLayout of(int pairs, int nodes) {
        if (pairs < 1 || nodes < 1) {
            throw new IllegalArgumentException("pairs and nodes must be positive");
        }
        return new PairLayout(pairs, nodes);
    }

    int devices() {
        return 2 * pairs;
    }

    /** The node (from 0) device {@code device}'s user lives on. */
    int home(int device) {
        int pair = device / 2;
        int first = pair % nodes;
        return device % 2 == 0 ? first : (first + (pair / nodes) % nodes) % nodes;
    }

    /** The device a device talks to: the other one of its pair. */
    static int peer(int device) {
        return device ^ 1;
    }

    /** True when device {@code device}'s messages cross to another node. */
    boolean crosses(int device) {
        return home(device) != home(peer(device));
    }

    /** The devices (sender slots) whose conversations cross nodes, or those whose do not. */
    int[] senders(boolean crossing) {
        return IntStream.range(0, devices()).filter(d -> crosses(d) == crossing).toArray();
    }

    /** The share of conversations, and so of senders, that cross nodes. */
    double crossShare() {
        return (double) senders(true).length / devices();
    }

    /** The user of device {@code device}. */
    static String user(int device) {
        return (device % 2 == 0 ? "a" : "b") + (device / 2);
    }
}
