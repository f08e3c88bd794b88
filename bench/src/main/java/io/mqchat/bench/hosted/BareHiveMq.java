package io.mqchat.bench.hosted;

import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HiveMQ CE as a user would run it without mqchat: the same embedded broker, the same config.xml shape as
 * mqchat's (queue limit and strategy, session expiry, packet size, persistence mode, statistics off), and no
 * extension, so the only difference in a comparison is the extension.
 */
final class BareHiveMq {

    private BareHiveMq() {
    }

    /** @param emptyInterceptors with {@link EmptyInterceptors}: what HiveMQ's interceptor hand-offs alone cost */
    static AutoCloseable start(Path folder, int port, boolean filePersistence, long queueLimit,
                               boolean emptyInterceptors) throws IOException {
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Path data = Files.createDirectories(folder.resolve("data"));
        Path extensions = Files.createDirectories(folder.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), configXml(port, filePersistence, queueLimit), StandardCharsets.UTF_8);
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap();
        if (emptyInterceptors) {
            builder.withEmbeddedExtension(EmptyInterceptors.extension());
        }
        EmbeddedHiveMQ hivemq = builder.build();
        hivemq.start().join();
        return () -> {
            try {
                hivemq.stop().join();
            } finally {
                hivemq.close();
            }
        };
    }

    /** Mirrors mqchat's BrokerConfigXml element for element, minus the WebSocket listener the benchmark never uses. */
    static String configXml(int port, boolean filePersistence, long queueLimit) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address><name>bare-tcp</name></tcp-listener>
                  </listeners>
                  <mqtt>
                    <queued-messages><max-queue-size>%d</max-queue-size><strategy>discard-oldest</strategy></queued-messages>
                    <session-expiry><max-interval>2592000</max-interval></session-expiry>
                    <packets><max-packet-size>262144</max-packet-size></packets>
                    <retained-messages><enabled>true</enabled></retained-messages>
                    <shared-subscriptions><enabled>true</enabled></shared-subscriptions>
                  </mqtt>
                  <persistence><mode>%s</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, queueLimit, filePersistence ? "file" : "in-memory");
    }
}
