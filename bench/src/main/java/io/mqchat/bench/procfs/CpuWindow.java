package io.mqchat.bench.procfs;

import java.util.List;

/**
 * CPU use of the broker, the load generator and the rest of the machine over one measured interval, as a
 * percentage of one core (so 200% is both cores of a 2-core machine).
 *
 * @param brokerPct    the broker process
 * @param generatorPct the load generator (this process)
 * @param otherPct     everything else on the machine, e.g. other people's builds
 * @param brokerNanos  the broker's CPU time in the interval
 * @param brokerThreads the broker's busiest thread groups, % of one core
 */
public record CpuWindow(double brokerPct, double generatorPct, double otherPct, long brokerNanos,
                        java.util.Map<String, Double> brokerThreads) {

    /** Starts measuring; {@link Start#stop()} ends the interval. */
    public static Start start(long brokerPid, long nowNanos) {
        return start(List.of(brokerPid), nowNanos);
    }

    /**
     * Starts measuring a broker made of several processes (the nodes of a cluster): their CPU counts as the broker's,
     * and their thread groups add up by name.
     */
    public static Start start(List<Long> brokerPids, long nowNanos) {
        return new Start(List.copyOf(brokerPids), nowNanos, cpuNanos(brokerPids),
                ProcessSample.of(ProcessHandle.current().pid()), MachineSample.now(), threadsOf(brokerPids));
    }

    private static long cpuNanos(List<Long> pids) {
        return pids.stream().mapToLong(pid -> ProcessSample.of(pid).cpuNanos()).sum();
    }

    private static ThreadCpu threadsOf(List<Long> pids) {
        return ThreadCpu.sum(pids.stream().map(ThreadCpu::of).toList());
    }

    /** The beginning of an interval. */
    public record Start(List<Long> brokerPids, long atNanos, long brokerCpuNanos, ProcessSample generator,
                        MachineSample machine, ThreadCpu threads) {

        public CpuWindow stop(long nowNanos) {
            long brokerCpu = cpuNanos(brokerPids) - brokerCpuNanos;
            ProcessSample g = ProcessSample.of(ProcessHandle.current().pid());
            MachineSample m = MachineSample.now();
            double wall = Math.max(1, nowNanos - atNanos);
            long generatorCpu = g.cpuNanos() - generator.cpuNanos();
            long machineCpu = m.busyNanos() - machine.busyNanos();
            return new CpuWindow(100 * brokerCpu / wall, 100 * generatorCpu / wall,
                    100 * Math.max(0, machineCpu - brokerCpu - generatorCpu) / wall, brokerCpu,
                    threadsOf(brokerPids).busiestSince(threads, (long) wall, 6));
        }
    }
}
