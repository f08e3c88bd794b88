package io.mqchat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (the Debian package, started by the test) in front of a cluster's balanced listeners, configured as
 * docs/CLUSTER.md says: MQTT over TCP hashed consistently on the user part of the CONNECT's client id, WebSocket on
 * the {@code user} URL parameter, servers checked on {@code /health/ready}.
 */
final class LoadBalancer implements AutoCloseable {

    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;
    private final int websocketPort;

    private LoadBalancer(Process process, int port, int websocketPort) {
        this.process = process;
        this.port = port;
        this.websocketPort = websocketPort;
    }

    /** True where HAProxy is installed (CI installs it). */
    static boolean installed() {
        return Files.isExecutable(HAPROXY);
    }

    static LoadBalancer start(Path folder, List<TestCluster.Node> nodes) throws Exception {
        int port = TestCluster.freePort();
        int websocketPort = TestCluster.freePort();
        Path config = Files.writeString(folder.resolve("haproxy.cfg"), config(port, websocketPort, nodes),
                StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(HAPROXY.toString(), "-f", config.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(folder.resolve("haproxy.log").toFile()).start();
        LoadBalancer balancer = new LoadBalancer(process, port, websocketPort);
        balancer.awaitListening();
        return balancer;
    }

    /** The configuration docs/CLUSTER.md gives, for these nodes: MQTT on {@code port}, WebSocket on the other. */
    static String config(int port, int websocketPort, List<TestCluster.Node> nodes) {
        StringBuilder cfg = new StringBuilder("""
                defaults
                    timeout connect 5s
                    timeout client 1h
                    timeout server 1h
                    timeout check 2s
                    default-server inter 500ms fall 2 rise 2 on-marked-down shutdown-sessions weight 100

                frontend mqtt
                    mode tcp
                    bind 127.0.0.1:%d
                    tcp-request inspect-delay 5s
                    tcp-request content reject unless { req.payload(0,0),mqtt_is_valid }
                    tcp-request content set-var(sess.mqtt_user) req.payload(0,0),mqtt_field_value(connect,client_identifier),field(1,:)
                    default_backend nodes

                backend nodes
                    mode tcp
                    balance hash var(sess.mqtt_user)
                    hash-type consistent
                    option httpchk GET /health/ready
                """.formatted(port));
        for (TestCluster.Node node : nodes) {
            cfg.append("    server ").append(node.id()).append(" 127.0.0.1:").append(node.balancedPort())
                    .append(" check port ").append(node.metricsPort()).append('\n');
        }
        cfg.append("""

                frontend websocket
                    mode http
                    timeout http-request 10s
                    bind 127.0.0.1:%d
                    http-request set-var(txn.mqtt_user) url_param(user)
                    http-request set-uri %%[path]
                    default_backend websocket_nodes

                backend websocket_nodes
                    mode http
                    timeout tunnel 1h
                    balance hash var(txn.mqtt_user)
                    hash-type consistent
                    option httpchk GET /health/ready
                """.formatted(websocketPort));
        for (TestCluster.Node node : nodes) {
            cfg.append("    server ").append(node.id()).append(" 127.0.0.1:").append(node.balancedWebsocketPort())
                    .append(" check port ").append(node.metricsPort()).append('\n');
        }
        return cfg.toString();
    }

    int port() {
        return port;
    }

    int websocketPort() {
        return websocketPort;
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "haproxy exited at start");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                Thread.sleep(1500); // the first health checks mark the nodes up
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("haproxy did not listen on " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
