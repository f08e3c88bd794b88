package io.mqchat.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a run happened on, for the report: numbers mean little without it. */
final class MachineInfo {

    private MachineInfo() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cores", Runtime.getRuntime().availableProcessors());
        info.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        info.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        info.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        info.put("loadAverage", firstLine(Path.of("/proc/loadavg")));
        return info;
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0);
        } catch (IOException | IndexOutOfBoundsException e) {
            return "?";
        }
    }
}
