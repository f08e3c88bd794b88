package io.mqchat.bench.brokers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Live objects of a JVM broker by class ({@code jcmd <pid> GC.class_histogram}, which collects first): the
 * difference between two device counts says which classes each connected device costs.
 *
 * @param bytesByClass shallow bytes of live instances per class
 */
public record ClassHistogram(Map<String, Long> bytesByClass) {

    /** Takes a histogram of {@code pid} and keeps the raw text in {@code file}; empty if jcmd is unavailable. */
    public static ClassHistogram take(long pid, Path file) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ClassHistogram(Map.of());
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new ClassHistogram(Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ClassHistogram(Map.of());
        }
    }

    /** Lines such as {@code "   1:   12345   678901  java.lang.String (java.base@17)"}. */
    static ClassHistogram parse(String text) {
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && f[0].length() > 1 && Character.isDigit(f[0].charAt(0))) {
                bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
            }
        }
        return new ClassHistogram(bytes);
    }

    /** The {@code n} classes that grew most since {@code earlier}, in bytes per added device. */
    public Map<String, Double> perDeviceSince(ClassHistogram earlier, int addedDevices, int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        bytesByClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.bytesByClass.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .forEach(e -> out.put(e.getKey(), Math.round(10.0 * e.getValue() / addedDevices) / 10.0));
        return out;
    }
}
