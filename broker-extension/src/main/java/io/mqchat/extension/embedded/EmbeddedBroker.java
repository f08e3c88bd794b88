package io.mqchat.extension.embedded;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.mqchat.extension.MqchatExtension;
import io.mqchat.extension.config.ExtensionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import io.mqchat.extension.cluster.ClusterMembership;

/**
 * An in-process HiveMQ CE broker with the mqchat extension, as the all-in-one server and the tests run it.
 *
 * <p>Layout below the data folder: {@code conf/config.xml} (rendered from {@link BrokerSettings} on every
 * start), {@code data/} (persistence) and {@code extensions/} (for zip-deployed extensions). A stopped broker
 * cannot be started again (HiveMQ 2025.5 clashes on its metric registry): {@link #start} a new one on the same
 * data folder instead.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hivemq;
    private final MqchatExtension extension;
    private final BrokerSettings settings;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, MqchatExtension extension, BrokerSettings settings) {
        this.hivemq = hivemq;
        this.extension = extension;
        this.settings = settings;
    }

    /** Starts a broker and returns once it accepts connections. Logging is left to the application's slf4j setup. */
    public static EmbeddedBroker start(BrokerSettings settings, ExtensionConfig config, Clock clock) {
        return start(settings, config, clock, Optional.empty());
    }

    /** Starts a broker as one node of a cluster, or alone when {@code cluster} is empty. */
    public static EmbeddedBroker start(BrokerSettings settings, ExtensionConfig config, Clock clock,
                                       Optional<ClusterMembership> cluster) {
        Path root = settings.dataFolder().toAbsolutePath();
        Path conf = root.resolve("conf");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), BrokerConfigXml.render(settings, config), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker folder " + root, e);
        }
        MqchatExtension extension = new MqchatExtension(config, clock, cluster);
        EmbeddedExtension embedded = EmbeddedExtension.builder()
                .withId(MqchatExtension.ID)
                .withName("mqchat")
                .withVersion(MqchatExtension.VERSION)
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(extension)
                .build();
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(root.resolve("data"))
                .withExtensionsFolder(root.resolve("extensions"))
                .withEmbeddedExtension(embedded)
                .withoutLoggingBootstrap()
                .build();
        // EmbeddedHiveMQ's builder switches HiveMQ to "allow everyone while no authenticator is registered".
        // Should the extension ever fail to start, the broker must refuse connections instead.
        InternalConfigurations.AUTH_DENY_UNAUTHENTICATED_CONNECTIONS.set(true);
        try {
            hivemq.start().join();
            if (!extension.isStarted()) {
                throw new IllegalStateException("the mqchat extension did not start: " + extension.startFailure());
            }
        } catch (RuntimeException e) {
            closeQuietly(hivemq);
            throw e;
        }
        return new EmbeddedBroker(hivemq, extension, settings);
    }

    public BrokerSettings settings() {
        return settings;
    }

    /** The running extension, for metrics and state the application shares with it. */
    public MqchatExtension extension() {
        return extension;
    }

    /** HiveMQ's metric registry, which also holds mqchat's own metrics. */
    public com.codahale.metrics.MetricRegistry metrics() {
        return hivemq.getMetricRegistry();
    }

    /** Stops the broker (about 4 s: HiveMQ flushes persistence) and releases its data folder. */
    @Override
    public void close() {
        try {
            hivemq.stop().join();
        } finally {
            closeQuietly(hivemq);
        }
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.close();
        } catch (Exception ignored) {
            // already failing or stopping; the original error matters more
        }
    }
}
