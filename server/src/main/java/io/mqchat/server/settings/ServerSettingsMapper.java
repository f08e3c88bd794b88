package io.mqchat.server.settings;

import static io.mqchat.server.settings.ServerKeys.DATA_DIR;
import static io.mqchat.server.settings.ServerKeys.JWT_JWKS_FILE;
import static io.mqchat.server.settings.ServerKeys.JWT_JWKS_URL;
import static io.mqchat.server.settings.ServerKeys.JWT_SECRET;
import static io.mqchat.server.settings.ServerKeys.MESSAGE_MAX_BYTES;
import static io.mqchat.server.settings.ServerKeys.MQTT_BIND;
import static io.mqchat.server.settings.ServerKeys.MQTT_PORT;
import static io.mqchat.server.settings.ServerKeys.PACKET_MAX_BYTES;
import static io.mqchat.server.settings.ServerKeys.PERSISTENCE;
import static io.mqchat.server.settings.ServerKeys.SESSION_EXPIRY_MAX;
import static io.mqchat.server.settings.ServerKeys.WEBSOCKET_PATH;
import static io.mqchat.server.settings.ServerKeys.WEBSOCKET_PORT;

import io.mqchat.archive.settings.ArchiveKeys;
import io.mqchat.cluster.NodeInfo;
import io.mqchat.archive.settings.ArchiveSettings;
import io.mqchat.archive.settings.ArchiveSettingsMapper;
import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.InternalServiceKey;
import io.mqchat.extension.embedded.BrokerSettings;
import io.mqchat.extension.metrics.MetricsSettings;
import io.mqchat.extension.settings.ExtensionSettingsMapper;
import io.mqchat.groups.settings.GroupSettings;
import io.mqchat.groups.settings.GroupSettingsMapper;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.media.settings.MediaSettingsMapper;
import io.mqchat.presence.settings.PresenceSettings;
import io.mqchat.presence.settings.PresenceSettingsMapper;
import io.mqchat.server.devsecret.DevSecretFile;
import io.mqchat.service.FeedKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns validated keys into {@link ServerSettings}. The broker's and the extension's own constructors check
 * rules that span keys (ports must differ, exactly one token key source); their refusals become problems of
 * the same {@link ConfigException}, so a user sees one list in one format.
 */
public final class ServerSettingsMapper {

    private final Path workingDir;
    private final DevSecretFile devSecrets;

    /**
     * @param workingDir relative paths in the configuration resolve against it
     * @param devSecrets provides the development secret when no token key source is configured
     */
    public ServerSettingsMapper(Path workingDir, DevSecretFile devSecrets) {
        this.workingDir = workingDir;
        this.devSecrets = devSecrets;
    }

    /** @throws ConfigException listing every problem */
    public ServerSettings map(Config config) {
        List<String> problems = new ArrayList<>();
        Path dataDir = workingDir.resolve(config.get(DATA_DIR)).normalize();
        BrokerSettings broker = attempt(problems, () -> new BrokerSettings(config.get(MQTT_BIND),
                config.get(MQTT_PORT), config.get(WEBSOCKET_PORT), config.get(WEBSOCKET_PATH), dataDir,
                config.get(PERSISTENCE).equals("file"), config.get(PACKET_MAX_BYTES),
                config.get(SESSION_EXPIRY_MAX)).withBalancedPorts(config.get(ServerKeys.CLUSTER_BALANCED_MQTT_PORT),
                config.get(ServerKeys.CLUSTER_BALANCED_WEBSOCKET_PORT)));
        if (config.get(MESSAGE_MAX_BYTES) >= config.get(PACKET_MAX_BYTES)) {
            problems.add("message.max-bytes (" + config.get(MESSAGE_MAX_BYTES) + ") must be smaller than "
                    + "packet.max-bytes (" + config.get(PACKET_MAX_BYTES) + "): a message travels in one packet");
        }
        Optional<Path> jwksFile = config.find(JWT_JWKS_FILE).map(workingDir::resolve);
        jwksFile.filter(file -> !Files.isReadable(file))
                .ifPresent(file -> problems.add("jwt.jwks-file: " + file + " does not exist or cannot be read"));
        boolean keySourceConfigured = config.isSet(JWT_SECRET) || config.isSet(JWT_JWKS_FILE)
                || config.isSet(JWT_JWKS_URL);
        // Fail before generating a development secret, so a broken config leaves nothing behind.
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }

        Optional<Path> devSecretFile = keySourceConfigured ? Optional.empty()
                : Optional.of(dataDir.resolve(DevSecretFile.FILE_NAME));
        String secret = devSecretFile.map(devSecrets::loadOrCreate).orElse(config.find(JWT_SECRET).orElse(null));
        // The same mapping as the zip deployed in a stock HiveMQ (FolderSettings), with the server's secret.
        ExtensionConfig extension = collect(problems, () -> ExtensionSettingsMapper.map(config, secret, workingDir));
        MetricsSettings metrics = attempt(problems, () -> ServerKeys.METRICS.settings(config));
        PresenceSettings presence = collect(problems, () -> PresenceSettingsMapper.map(config));
        GroupSettings groups = collect(problems, () -> GroupSettingsMapper.groups(config));
        // A history answer travels in one packet: at most half of what the broker accepts, whatever was configured.
        ArchiveSettings archive = attempt(problems, () -> ArchiveSettingsMapper.archive(config).withPageMaxBytes(
                Math.min(config.get(ArchiveKeys.PAGE_MAX_BYTES), config.get(PACKET_MAX_BYTES) / 2)));
        MediaSettings media = attempt(problems, () -> MediaSettingsMapper.media(config));
        Optional<ClusterSettings> cluster = cluster(config, broker, presence, problems);
        if (archive != null && cluster.isPresent() && !config.isSet(ArchiveKeys.CHANGE_WAIT)) {
            // A node's archive-worker can lag behind another's: a change may come before its message.
            archive = archive.withChangeWait(ArchiveSettings.CLUSTER_CHANGE_WAIT);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ServerSettings(broker, extension, devSecretFile, presence, groups, metrics, archive, media,
                config.get(FeedKeys.STALL_AFTER), cluster);
    }

    /** The node's settings when {@code cluster.node-id} is set; the keys it needs then are required. */
    private static Optional<ClusterSettings> cluster(Config config, BrokerSettings broker, PresenceSettings presence,
                                                     List<String> problems) {
        Optional<String> nodeId = config.find(ServerKeys.CLUSTER_NODE_ID);
        if (nodeId.isEmpty()) {
            if (config.get(ServerKeys.CLUSTER_BALANCED_MQTT_PORT) != 0
                    || config.get(ServerKeys.CLUSTER_BALANCED_WEBSOCKET_PORT) != 0) {
                problems.add("cluster.balanced-mqtt-port and cluster.balanced-websocket-port need cluster.node-id");
            }
            return Optional.empty();
        }
        Optional<String> host = config.find(ServerKeys.CLUSTER_ADVERTISED_HOST);
        if (host.isEmpty()) {
            problems.add("cluster.advertised-host is required with cluster.node-id: redirects to this node name it");
        }
        if (presence != null && presence.redis().isEmpty()) {
            problems.add("redis.address is required with cluster.node-id: the nodes share one Redis for the registry "
                    + "of nodes and homes and for presence");
        }
        Optional<String> secret = config.find(ServerKeys.CLUSTER_SECRET);
        if (secret.isEmpty()) {
            problems.add("cluster.secret is required with cluster.node-id: the nodes' relays prove themselves with it");
        }
        InternalServiceKey serviceKey = secret.map(shared -> attempt(problems, () -> InternalServiceKey.shared(shared)))
                .orElse(null);
        if (host.isEmpty() || broker == null || presence == null || presence.redis().isEmpty() || serviceKey == null) {
            return Optional.empty();
        }
        String websocket = broker.websocketPort() == 0 ? "" : host.get() + ":" + broker.websocketPort();
        String relay = config.find(ServerKeys.CLUSTER_RELAY_HOST).orElse(host.get()) + ":" + broker.mqttPort();
        return Optional.ofNullable(attempt(problems, () -> new ClusterSettings(
                new NodeInfo(nodeId.get(), host.get() + ":" + broker.mqttPort(), websocket, relay),
                presence.redis().get(), serviceKey)));
    }

    /** Like {@link #attempt} for the workers' own mappers, which report all their problems at once. */
    private static <T> T collect(List<String> problems, Supplier<T> construct) {
        try {
            return attempt(problems, construct);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static <T> T attempt(List<String> problems, Supplier<T> construct) {
        try {
            return construct.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
