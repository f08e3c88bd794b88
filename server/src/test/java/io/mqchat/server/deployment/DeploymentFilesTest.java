package io.mqchat.server.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.mqchat.archive.ArchiveWorkerMain;
import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;
import io.mqchat.extension.deployment.FolderSettings;
import io.mqchat.groups.GroupWorkerMain;
import io.mqchat.media.settings.MediaKeys;
import io.mqchat.presence.PresenceWorkerMain;
import io.mqchat.server.settings.ServerKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the files the images are built from, checked where no Docker engine runs: the compose
 * file parses, runs the images the Dockerfiles build with settings their programs accept, and wires health,
 * volumes and a MongoDB replica set.
 */
class DeploymentFilesTest {

    static final Path ROOT = YamlFiles.ROOT;

    /** What each image runs, by the schema that program validates its MQCHAT_* variables against. */
    private static final Map<String, ConfigSchema> PROGRAMS = Map.of(
            "mqchat/broker", FolderSettings.SCHEMA,
            "mqchat/presence-worker", PresenceWorkerMain.SCHEMA,
            "mqchat/group-worker", GroupWorkerMain.SCHEMA,
            "mqchat/archive-worker", ArchiveWorkerMain.SCHEMA,
            "mqchat/server", ServerKeys.SCHEMA);

    private final Map<String, Object> compose = load();

    @Test
    void everyMqchatServiceIsBuiltFromItsModulesDockerfileAndNamedAfterIt() {
        Map<String, Object> services = services();
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> spec = map(service.getValue());
            String image = imageName(spec);
            if (!image.startsWith("mqchat/")) {
                continue;
            }
            Map<String, Object> build = map(spec.get("build"));
            assertEquals(".", build.get("context"), service.getKey() + " builds from the repository root");
            Path dockerfile = ROOT.resolve((String) build.get("dockerfile"));
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " exists");
            assertTrue(PROGRAMS.containsKey(image), "a known image: " + image);
        }
        assertEquals(Set.of("mqchat/broker", "mqchat/presence-worker", "mqchat/group-worker", "mqchat/archive-worker",
                        "mqchat/server"),
                services.values().stream().map(s -> imageName(map(s))).filter(i -> i.startsWith("mqchat/"))
                        .collect(Collectors.toSet()));
    }

    @Test
    void everyMqchatVariableInTheComposeFileIsAKeyOfTheProgramThatReadsIt() {
        for (Map.Entry<String, Object> service : services().entrySet()) {
            Map<String, Object> spec = map(service.getValue());
            ConfigSchema schema = PROGRAMS.get(imageName(spec));
            if (schema == null) {
                continue;
            }
            Set<String> known = schema.keys().stream().map(Key::envName).collect(Collectors.toSet());
            for (String variable : map(spec.getOrDefault("environment", Map.of())).keySet()) {
                if (variable.startsWith("MQCHAT_")) {
                    assertTrue(known.contains(variable), service.getKey() + ": " + variable + " would stop "
                            + imageName(spec) + " as an unknown variable");
                }
            }
        }
    }

    @Test
    void servicesStartInOrderOfHealthAndKeepTheirDataInVolumes() {
        Map<String, Object> services = services();
        for (String name : List.of("broker", "presence-worker", "group-worker", "archive-worker", "redis", "mongodb")) {
            Map<String, Object> healthcheck = map(map(services.get(name)).get("healthcheck"));
            assertNotNull(healthcheck.get("test"), name + " has a health check");
        }
        for (String worker : List.of("presence-worker", "group-worker", "archive-worker")) {
            Map<String, Object> dependsOn = map(map(services.get(worker)).get("depends_on"));
            assertEquals("service_healthy", map(dependsOn.get("broker")).get("condition"), worker);
        }
        assertTrue(list(map(services.get("broker")).get("volumes")).contains("broker-data:/opt/hivemq/data"),
                "broker sessions and queues survive the container");
        assertTrue(map(compose.get("volumes")).keySet().containsAll(Set.of("broker-data", "redis-data", "mongo-data")));
    }

    @Test
    void mongoDbRunsAsTheReplicaSetTheWorkersConnectTo() {
        Map<String, Object> mongo = map(services().get("mongodb"));
        List<Object> command = list(mongo.get("command"));
        String replicaSet = (String) command.get(command.indexOf("--replSet") + 1);
        for (String worker : List.of("group-worker", "archive-worker")) {
            String uri = (String) map(map(services().get(worker)).get("environment")).get("MQCHAT_MONGO_URI");
            assertTrue(uri.contains("replicaSet=" + replicaSet), worker + ": " + uri);
        }
        assertTrue(String.valueOf(map(mongo.get("healthcheck")).get("test")).contains("rs.initiate"),
                "the health check initiates the set on first start");
    }

    @Test
    void theArchiveWorkerServesMediaToClientsWithTheBrokersTokenKey() throws Exception {
        Map<String, Object> archive = map(services().get("archive-worker"));
        Map<String, Object> environment = map(archive.get("environment"));
        assertEquals(map(map(services().get("broker")).get("environment")).get("MQCHAT_JWT_SECRET"),
                environment.get("MQCHAT_JWT_SECRET"), "users' tokens are checked with the broker's secret");
        assertEquals("0.0.0.0", environment.get("MQCHAT_MEDIA_BIND"), "reachable from outside the container");
        String mediaPort = MediaKeys.PORT.defaultText();
        String metricsPort = ArchiveWorkerMain.METRICS.port().defaultText();
        List<Object> ports = list(archive.get("ports"));
        assertTrue(ports.contains(mediaPort + ":" + mediaPort), "the media endpoint is published: " + ports);
        assertTrue(ports.contains("127.0.0.1:" + metricsPort + ":" + metricsPort), "metrics on loopback: " + ports);
        assertTrue(String.valueOf(map(archive.get("healthcheck")).get("test")).contains(metricsPort));

        String dockerfile = Files.readString(ROOT.resolve("archive-worker/Dockerfile"));
        assertTrue(dockerfile.contains("EXPOSE " + metricsPort + " " + mediaPort), dockerfile);
        assertTrue(dockerfile.contains("\"/opt/mqchat/healthcheck.sh\", \"" + metricsPort + "\""), dockerfile);
        for (String variable : List.of("MQCHAT_METRICS_BIND", "MQCHAT_MEDIA_BIND")) {
            assertTrue(dockerfile.contains(variable + "=0.0.0.0"), variable + " in the image");
        }
    }

    @Test
    void theStoresAreTheImagesTheRealStoresTestRunsAgainst() {
        assertEquals(RealStoresImages.REDIS, imageName(map(services().get("redis"))) + ":" + tag("redis"));
        assertEquals(RealStoresImages.MONGO, imageName(map(services().get("mongodb"))) + ":" + tag("mongodb"));
    }

    @Test
    void imageLoggingIsJsonAndPinsTheSamePayloadLoggersAsTheServerJar() throws Exception {
        LoggerContext image = configured(ROOT.resolve("docker/logback.xml"));
        LoggerContext jar = configured(ROOT.resolve("server/src/main/resources/logback.xml"));
        for (String pinned : List.of("org.mongodb.driver.protocol", "de.bwaldvogel.mongo")) {
            assertEquals(Level.INFO, image.getLogger(pinned).getLevel(), pinned + " in docker/logback.xml");
            assertEquals(Level.INFO, jar.getLogger(pinned).getLevel(), pinned + " in the server's logback.xml");
        }
        assertTrue(Files.readString(ROOT.resolve("docker/logback.xml")).contains("JsonEncoder"));
    }

    private String tag(String service) {
        String image = (String) map(services().get(service)).get("image");
        return image.substring(image.indexOf(':') + 1);
    }

    private static LoggerContext configured(Path file) throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file.toFile());
        return context;
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    /** The image without its tag: {@code mqchat/broker:${MQCHAT_VERSION:-latest}} is {@code mqchat/broker}. */
    private static String imageName(Map<String, Object> service) {
        String image = (String) service.get("image");
        return image.contains(":") ? image.substring(0, image.indexOf(':')) : image;
    }

    private static Map<String, Object> load() {
        return YamlFiles.load("docker-compose.yml");
    }

    private static Map<String, Object> map(Object value) {
        return YamlFiles.map(value);
    }

    private static List<Object> list(Object value) {
        return YamlFiles.list(value);
    }
}
