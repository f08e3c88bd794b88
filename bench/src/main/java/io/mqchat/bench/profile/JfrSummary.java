package io.mqchat.bench.profile;

import io.mqchat.bench.report.Format;
import io.mqchat.bench.report.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a broker's JFR recording into what a reviewer needs to find hot spots: CPU samples by the code
 * that was running (self) and by the mqchat method on the stack (inclusive), allocation by mqchat method,
 * and contended monitors.
 */
public final class JfrSummary {

    private static final String OURS = "io.mqchat.";
    private static final int TOP = 15;

    private final Map<String, Long> selfByMethod = new HashMap<>();
    private final Map<String, Long> selfByArea = new HashMap<>();
    private final Map<String, Long> inclusiveOurs = new HashMap<>();
    private final Map<String, Long> allocationOurs = new HashMap<>();
    private final Map<String, Long> monitorNanos = new HashMap<>();
    private long samples;
    private long samplesWithOurs;
    private long allocationTotal;
    private long allocationWithOurs;
    private long gcCount;
    private long gcPauseNanos;
    private long gcLongestPauseNanos;

    private JfrSummary() {
    }

    public static List<Table> of(Path recording) throws IOException {
        JfrSummary summary = new JfrSummary();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                summary.accept(file.readEvent());
            }
        }
        return summary.tables();
    }

    private void accept(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> sample(stack);
            case "jdk.ObjectAllocationSample" -> allocation(stack, event.getLong("weight"));
            case "jdk.GarbageCollection" -> {
                gcCount++;
                gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
                gcLongestPauseNanos = Math.max(gcLongestPauseNanos, event.getDuration("longestPause").toNanos());
            }
            case "jdk.JavaMonitorEnter" -> monitorNanos.merge(event.getClass("monitorClass").getName() + " in "
                    + firstFrame(stack), event.getDuration().toNanos(), Long::sum);
            default -> { }
        }
    }

    private void sample(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        String top = method(stack.getFrames().get(0));
        selfByMethod.merge(top, 1L, Long::sum);
        selfByArea.merge(area(top), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : stack.getFrames()) {
            String m = method(frame);
            if (m.startsWith(OURS) && seen.add(m)) {
                inclusiveOurs.merge(m, 1L, Long::sum);
            }
        }
        if (!seen.isEmpty()) {
            samplesWithOurs++;
        }
    }

    private void allocation(RecordedStackTrace stack, long weight) {
        allocationTotal += weight;
        if (stack == null) {
            return;
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String m = method(frame);
            if (m.startsWith(OURS)) {
                allocationWithOurs += weight;
                allocationOurs.merge(m, weight, Long::sum);
                return;
            }
        }
    }

    private static String firstFrame(RecordedStackTrace stack) {
        return stack == null || stack.getFrames().isEmpty() ? "?" : method(stack.getFrames().get(0));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** Coarse owner of a method, so the table says at a glance whose code burns the CPU. */
    static String area(String method) {
        String[][] areas = {
                {"io.mqchat.", "mqchat extension"}, {"com.hivemq.", "HiveMQ broker"}, {"jetbrains.exodus.", "Xodus (file persistence)"},
                {"org.rocksdb.", "RocksDB (file persistence)"}, {"io.netty.", "Netty (network)"},
                {"com.fasterxml.jackson.", "Jackson (JSON)"}, {"com.nimbusds.", "nimbus-jose-jwt"},
                {"ch.qos.logback.", "logback"}, {"java.", "JDK"}, {"jdk.", "JDK"}, {"sun.", "JDK"}};
        for (String[] a : areas) {
            if (method.startsWith(a[0])) {
                return a[1];
            }
        }
        return "other";
    }

    private List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        Table.Builder areas = Table.builder("CPU samples by the code running (self), " + samples + " samples",
                "area", "share");
        top(selfByArea, 20).forEach(e -> areas.row(e.getKey(), share(e.getValue(), samples)));
        areas.note("Samples with an mqchat method anywhere on the stack (inclusive): " + share(samplesWithOurs, samples) + ".");
        tables.add(areas.build());
        Table.Builder self = Table.builder("Hottest methods (self)", "method", "share");
        top(selfByMethod, TOP).forEach(e -> self.row(e.getKey(), share(e.getValue(), samples)));
        tables.add(self.build());
        Table.Builder ours = Table.builder("mqchat methods on the stack (inclusive CPU)", "method", "share");
        top(inclusiveOurs, TOP).forEach(e -> ours.row(e.getKey(), share(e.getValue(), samples)));
        tables.add(ours.build());
        Table.Builder alloc = Table.builder("Allocation under mqchat methods (sampled weight), "
                + share(allocationWithOurs, allocationTotal) + " of all", "innermost mqchat method", "share of all");
        top(allocationOurs, TOP).forEach(e -> alloc.row(e.getKey(), share(e.getValue(), allocationTotal)));
        tables.add(alloc.build());
        Table.Builder locks = Table.builder("Contended monitors (time blocked, all threads)", "monitor class and the method that waited", "ms");
        top(monitorNanos, 10).forEach(e -> locks.row(e.getKey(), Format.decimal(e.getValue() / 1e6, 1)));
        locks.note("Garbage collections: " + gcCount + ", pauses " + Format.decimal(gcPauseNanos / 1e6, 1)
                + " ms in total, longest " + Format.decimal(gcLongestPauseNanos / 1e6, 1) + " ms.");
        tables.add(locks.build());
        return tables;
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).toList();
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "-" : Format.decimal(100.0 * part / whole, 1) + "%";
    }
}
