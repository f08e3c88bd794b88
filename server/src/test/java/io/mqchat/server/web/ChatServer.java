package io.mqchat.server.web;

import io.mqchat.server.crash.ServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged all-in-one server ({@link ServerProcess}) on free ports in a fresh data folder, its output kept in a
 * file under {@code target/}. Knows the web app's address from the line the server prints.
 */
final class ChatServer implements AutoCloseable {

    private static final String WEB_APP_LINE = "mqchat: web app: ";

    private final ServerProcess process;
    private final String webAppLine;
    private final int mqttPort;

    private ChatServer(ServerProcess process, String webAppLine, int mqttPort) {
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
        int mqttPort = freePort();
        env.put("MQCHAT_MQTT_PORT", Integer.toString(mqttPort));
        env.put("MQCHAT_WEBSOCKET_PORT", Integer.toString(freePort()));
        env.put("MQCHAT_MEDIA_PORT", Integer.toString(freePort()));
        env.put("MQCHAT_METRICS_PORT", "0");
        ServerProcess process = ServerProcess.start(dataDir, env, log);
        List<String> webApp = process.linesWith(WEB_APP_LINE);
        return new ChatServer(process, webApp.isEmpty() ? WEB_APP_LINE + "(none)" : webApp.get(0), mqttPort);
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
        process.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
