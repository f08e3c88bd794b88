package io.mqchat.bench.procfs;

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
        return new Start(brokerPid, nowNanos, ProcessSample.of(brokerPid), ProcessSample.of(ProcessHandle.current().pid()),
                MachineSample.now(), ThreadCpu.of(brokerPid));
    }

    /** The beginning of an interval. */
    public record Start(long brokerPid, long atNanos, ProcessSample broker, ProcessSample generator, MachineSample machine,
                        ThreadCpu threads) {

        public CpuWindow stop(long nowNanos) {
            ProcessSample b = ProcessSample.of(brokerPid);
            ProcessSample g = ProcessSample.of(ProcessHandle.current().pid());
            MachineSample m = MachineSample.now();
            double wall = Math.max(1, nowNanos - atNanos);
            long brokerCpu = b.cpuNanos() - broker.cpuNanos();
            long generatorCpu = g.cpuNanos() - generator.cpuNanos();
            long machineCpu = m.busyNanos() - machine.busyNanos();
            return new CpuWindow(100 * brokerCpu / wall, 100 * generatorCpu / wall,
                    100 * Math.max(0, machineCpu - brokerCpu - generatorCpu) / wall, brokerCpu,
                    ThreadCpu.of(brokerPid).busiestSince(threads, (long) wall, 6));
        }
    }
}
