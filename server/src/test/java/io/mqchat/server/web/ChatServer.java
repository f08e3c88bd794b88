package io.mqchat.server.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged all-in-one server, started with {@code ./mqchat run} on free ports in a fresh data folder, its output
 * kept in a file under {@code target/}. Knows the web app's address from the line the server prints.
 */
final class ChatServer implements AutoCloseable {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String WEB_APP_LINE = "mqchat: web app: ";

    private final Process process;
    private final String webAppLine;
    private final int mqttPort;

    private ChatServer(Process process, String webAppLine, int mqttPort) {
        this.process = process;
        this.webAppLine = webAppLine;
        this.mqttPort = mqttPort;
    }

    /**
     * Starts a server and waits for its ready line.
     *
     * @param dataDir  its data folder
     * @param settings extra environment, e.g. {@code MQCHAT_JWT_SECRET}
     * @param log      where its output goes
     */
    static ChatServer start(Path dataDir, Map<String, String> settings, Path log) throws Exception {
        Map<String, String> env = new HashMap<>(settings);
        env.put("MQCHAT_DATA_DIR", dataDir.toString());
        env.put("MQCHAT_MQTT_PORT", Integer.toString(freePort()));
        env.put("MQCHAT_WEBSOCKET_PORT", Integer.toString(freePort()));
        env.put("MQCHAT_MEDIA_PORT", Integer.toString(freePort()));
        env.put("MQCHAT_METRICS_PORT", "0");
        ProcessBuilder builder = new ProcessBuilder("./mqchat", "run").directory(ROOT.toFile()).redirectErrorStream(true);
        // Only the settings the test chooses: a developer's own MQCHAT_ variables would change ports or keys.
        builder.environment().keySet().removeIf(name -> name.startsWith("MQCHAT_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> webAppLine = new CompletableFuture<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Files.createDirectories(log.getParent());
        Thread copier = new Thread(() -> copy(process, log, webAppLine, ready), "mqchat-server-output");
        copier.setDaemon(true);
        copier.start();
        try {
            ready.get(180, TimeUnit.SECONDS);
            return new ChatServer(process, webAppLine.getNow(WEB_APP_LINE + "(none)"),
                    Integer.parseInt(env.get("MQCHAT_MQTT_PORT")));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not get ready; its output is in " + log, e);
        }
    }

    private static void copy(Process process, Path log, CompletableFuture<String> webAppLine,
                             CompletableFuture<Void> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.startsWith(WEB_APP_LINE)) {
                    webAppLine.complete(line);
                }
                if (line.startsWith("mqchat ready:")) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IllegalStateException("the server ended before it was ready"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    /** The web app's address as the server announced it, e.g. {@code http://127.0.0.1:8090/}. */
    String webApp() {
        return webAppLine.substring(WEB_APP_LINE.length()).split(" ")[0];
    }

    /** The port of the server's MQTT listener (TCP, on loopback). */
    int mqttPort() {
        return mqttPort;
    }

    /** The whole line the server printed about the web app. */
    String webAppLine() {
        return webAppLine;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
