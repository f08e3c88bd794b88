package io.mqchat.extension.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.JwtConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The mqchat/broker image's HiveMQ config.xml (docker/hivemq/config.xml) is what the embedded broker renders for
 * its defaults, listening on every interface: a stock broker runs with the same listeners, queue limit and
 * strategy, session expiry and packet size, and nothing in it is hand-written (HiveMQ ignores misspelt elements).
 */
class DockerBrokerConfigTest {

    @Test
    void imageConfigIsTheEmbeddedDefaultsOnAllInterfaces() throws Exception {
        BrokerSettings defaults = BrokerSettings.defaults(Path.of("data"));
        BrokerSettings image = new BrokerSettings("0.0.0.0", defaults.mqttPort(), defaults.websocketPort(),
                defaults.websocketPath(), defaults.dataFolder(), true, defaults.maxPacketBytes(),
                defaults.sessionExpiryMax());
        ExtensionConfig extension = ExtensionConfig.defaults(JwtConfig.hmac("x".repeat(JwtConfig.MIN_SECRET_BYTES)));
        String file = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docker/hivemq/config.xml"));
        assertEquals(BrokerConfigXml.render(image, extension), file,
                "regenerate docker/hivemq/config.xml from BrokerConfigXml.render");
    }
}
