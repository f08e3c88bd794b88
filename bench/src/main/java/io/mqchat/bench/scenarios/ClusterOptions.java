package io.mqchat.bench.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * The cluster scenario's knobs: the same 1-1 chat (the {@code --pairs} conversations) on one node, then on several
 * nodes of a cluster on this machine, at fixed rates and at saturation.
 *
 * @param setups     node counts to run, in order, e.g. 1 and 3: one node is the reference, the largest is compared
 *                   with it
 * @param rates      chat messages per second of the fixed-rate phases, over all pairs, in order
 * @param phase      length of each fixed-rate phase
 * @param warmup     the longest warm-up at the start of each setup (not reported), saturation and the lowest fixed rate
 *                   in turn: it ends sooner, after 10 s at least, once the nodes' JIT compilers are nearly idle at the
 *                   low rate; zero for none
 * @param saturation length of each saturation phase (closed loop, {@code --window} per sender); zero for none
 * @param split      on several nodes, also saturate with the same-node conversations alone and with the cross-node
 *                   ones alone: what each kind of message costs in CPU on the same processes
 * @param rounds     rounds, each one node then several
 */
public record ClusterOptions(List<Integer> setups, List<Integer> rates, Duration phase, Duration warmup, Duration saturation,
                             boolean split, int rounds) {

    /** Beyond this many node processes, two cores measure nothing but contention. */
    public static final int MAX_NODES = 9;

    public ClusterOptions {
        setups = List.copyOf(new TreeSet<>(setups));
        if (setups.isEmpty() || setups.get(0) < 1 || setups.get(setups.size() - 1) > MAX_NODES
                || setups.get(setups.size() - 1) < 2) {
            throw new IllegalArgumentException("--cluster-nodes takes node counts from 1 to " + MAX_NODES
                    + ", one of them above 1: " + setups);
        }
        rates = List.copyOf(rates);
        if (rates.stream().anyMatch(rate -> rate < 1) || rounds < 1) {
            throw new IllegalArgumentException("--cluster-rates and --cluster-rounds must be positive");
        }
        if (phase.isNegative() || phase.isZero() || warmup.isNegative() || saturation.isNegative()) {
            throw new IllegalArgumentException("--cluster-phase must be positive, --cluster-warmup and"
                    + " --cluster-saturation not negative");
        }
    }

    /** The setup compared with one node: the largest. */
    public int nodes() {
        return setups.get(setups.size() - 1);
    }

    /** True when the setups have a saturation phase. */
    public boolean saturates() {
        return !saturation.isZero();
    }
}
