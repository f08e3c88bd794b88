package io.mqchat.bench.brokers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several mqchat nodes, each in a process of its own (two embedded HiveMQ brokers cannot share a JVM: the extension
 * SDK's services are static), sharing one registry. Owned until {@link #close()}.
 */
public final class RunningCluster implements AutoCloseable {

    private final List<RunningBroker> nodes;

    private RunningCluster(List<RunningBroker> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts {@code count} nodes, {@code node-1} to {@code node-<count>}, one after the other (a start takes both cores
     * for a few seconds; starting them side by side would only make each slower), each in {@code <folder>/node-<i>}.
     * Stops the ones already running when one fails.
     */
    public static RunningCluster start(BrokerLauncher launcher, BrokerSetup setup, int count, RegistryRedis registry,
                                       String clusterSecret, Path folder) {
        List<RunningBroker> started = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                NodeRole role = new NodeRole(nodeId(i), registry.address(), registry.password(), clusterSecret);
                started.add(launcher.start(setup, folder.resolve(nodeId(i)), Optional.of(role)));
            }
            return new RunningCluster(started);
        } catch (RuntimeException e) {
            started.forEach(RunningBroker::close);
            throw e;
        }
    }

    /** The id of node {@code i}, counted from 1. */
    public static String nodeId(int i) {
        return "node-" + i;
    }

    public int size() {
        return nodes.size();
    }

    /** Node {@code index}, counted from 0. */
    public RunningBroker node(int index) {
        return nodes.get(index);
    }

    /** Every node's process id, in node order. */
    public List<Long> pids() {
        return nodes.stream().map(RunningBroker::pid).toList();
    }

    /**
     * Stops every node (each withdraws from the registry on the way), all at once: a node takes seconds to flush its
     * persistence, and no traffic is left to relay between them.
     */
    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (RunningBroker node : nodes) {
            Thread stop = new Thread(node::close, "stop-" + node.folder().getFileName());
            stop.start();
            stopping.add(stop);
        }
        for (Thread stop : stopping) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
