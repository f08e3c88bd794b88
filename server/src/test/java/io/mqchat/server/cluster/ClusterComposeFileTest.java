package io.mqchat.server.cluster;

import static io.mqchat.server.deployment.YamlFiles.list;
import static io.mqchat.server.deployment.YamlFiles.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.extension.metrics.MetricsKeys;
import io.mqchat.server.deployment.YamlFiles;
import io.mqchat.server.devsecret.DevSecretFile;
import io.mqchat.server.settings.ServerSettings;
import io.mqchat.server.settings.ServerSettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.cluster.yml and its HAProxy configuration, checked where no Docker engine runs: each node's
 * environment is a configuration the server accepts as that node, and HAProxy routes to the nodes' balanced listeners
 * with the rules {@link LoadBalancedChatIT} proves, checking each node's health endpoint.
 */
class ClusterComposeFileTest {

    private static final List<String> NODES = List.of("node-1", "node-2", "node-3");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)[^}]*}");

    @TempDir
    Path dir;

    @Test
    void eachNodeStartsAsItselfWithTheSharedStoresAndSecrets() {
        Map<String, Object> services = map(YamlFiles.load("docker-compose.cluster.yml").get("services"));
        for (String id : NODES) {
            Map<String, Object> node = map(services.get(id));
            assertEquals("mqchat/server", ((String) node.get("image")).split(":")[0], id);
            ServerSettings settings = new ServerSettingsLoader(environment(node), dir,
                    new DevSecretFile(new SecureRandom())).load(null);
            assertEquals(id, settings.cluster().orElseThrow().self().id());
            assertEquals(id + ":" + settings.broker().mqttPort(), settings.cluster().get().self().relay(),
                    "the other nodes' relays reach " + id + " by its name in the compose network");
            assertEquals("redis:6379", settings.cluster().get().registry().toString());
            assertTrue(settings.broker().balancedMqttPort() != 0 && settings.broker().balancedWebsocketPort() != 0, id);
            assertEquals(id + "-data:/var/lib/mqchat", list(node.get("volumes")).get(0), id + " keeps its sessions");
        }
    }

    @Test
    void haproxyRoutesByUserToEveryNodesBalancedListenersAndChecksTheirHealth() throws Exception {
        String cfg = Files.readString(YamlFiles.ROOT.resolve("docker/haproxy/haproxy.cfg"));
        Map<String, Object> services = map(YamlFiles.load("docker-compose.cluster.yml").get("services"));
        for (String rule : LoadBalancer.config(1883, 8083, List.of()).lines().map(String::strip)
                .filter(line -> line.startsWith("tcp-request") || line.startsWith("http-request")
                        || line.startsWith("balance") || line.startsWith("hash-type") || line.startsWith("option httpchk"))
                .toList()) {
            assertTrue(cfg.contains(rule), "the tested rule is in the image's configuration: " + rule);
        }
        String health = MetricsKeys.withDefaultPort(MetricsKeys.BROKER_PORT).port().defaultText();
        for (String id : NODES) {
            Map<String, String> env = environment(map(services.get(id)));
            assertTrue(cfg.contains("server " + id + " " + id + ":" + env.get("MQCHAT_CLUSTER_BALANCED_MQTT_PORT")
                    + " check port " + health), id + " in the MQTT backend");
            assertTrue(cfg.contains("server " + id + " " + id + ":" + env.get("MQCHAT_CLUSTER_BALANCED_WEBSOCKET_PORT")
                    + " check port " + health), id + " in the WebSocket backend");
        }
        assertEquals("./docker/haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro",
                list(map(services.get("haproxy")).get("volumes")).get(0));
    }

    /** A node's MQCHAT_* variables as the container gets them, with sample values for what .env provides. */
    private static Map<String, String> environment(Map<String, Object> node) {
        Map<String, String> env = new HashMap<>();
        for (Map.Entry<String, Object> entry : map(node.get("environment")).entrySet()) {
            Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(entry.getValue()));
            env.put(entry.getKey(), placeholder.matches()
                    ? "sample-value-for-" + placeholder.group(1).toLowerCase() + "-0123456789abcdef"
                    : String.valueOf(entry.getValue()));
        }
        return env;
    }
}
