package io.mqchat.bench.hosted;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;

/**
 * The broker process's line protocol with the benchmark, on stdin/stdout: {@code stats} collects garbage and
 * answers with the live heap and direct memory, {@code stop} (or the benchmark going away) stops the broker.
 * Logs go to stderr, so stdout carries nothing but answers.
 */
final class ControlLoop {

    static final String READY = "READY";
    static final String STATS = "STATS";

    private ControlLoop() {
    }

    static void serve(AutoCloseable broker, PrintStream out) throws Exception {
        out.println(READY);
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        try {
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                if (line.equals("stats")) {
                    out.println(stats());
                    out.flush();
                }
            }
        } finally {
            broker.close();
        }
    }

    /** Heap in use after two full collections: live data only, which is what a device costs. */
    private static String stats() {
        System.gc();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long nioDirect = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        return STATS + " heapUsed=" + heap.getUsed() + " heapCommitted=" + heap.getCommitted()
                + " nettyDirect=" + io.netty.util.internal.PlatformDependent.usedDirectMemory()
                + " nioDirect=" + nioDirect;
    }
}
