package io.mqchat.bench.scenarios;

import io.mqchat.bench.hosted.BrokerCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The idle-device processes of the connected-devices scenario: worker {@code w} connects from 127.0.0.{w+2}
 * and holds its share of the devices.
 */
final class IdleDeviceWorkers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<BufferedReader> answers = new ArrayList<>();

    IdleDeviceWorkers(int count, int port, boolean mqchat, String secret, Path logFolder) throws IOException {
        for (int w = 0; w < count; w++) {
            List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n \"$(ulimit -Hn)\" && exec \"$@\"", "bash",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), "io.mqchat.bench.Main", "idle-devices",
                    "--port", Integer.toString(port), "--source", "127.0.0." + (w + 2), "--prefix", "w" + w + "n",
                    "--mqchat", Boolean.toString(mqchat)));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(logFolder.resolve("idle-devices-" + w + ".log").toFile());
            builder.environment().put(BrokerCommand.SECRET_ENV, secret);
            Process process = builder.start();
            processes.add(process);
            answers.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }
    }

    /** Brings the workers to {@code total} devices between them; fails if any worker could not. */
    void connect(int total) throws IOException {
        int n = processes.size();
        for (int w = 0; w < n; w++) {
            int share = total / n + (w < total % n ? 1 : 0);
            OutputStream in = processes.get(w).getOutputStream();
            in.write(("connect " + share + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
        for (int w = 0; w < n; w++) {
            String line = answers.get(w).readLine();
            if (line == null || !line.startsWith("CONNECTED")) {
                throw new IllegalStateException("idle-device worker " + w + ": " + line);
            }
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // already gone
            }
            process.destroy();
        }
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
