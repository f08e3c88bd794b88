package io.mqchat.extension.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the zip-deployed extension reads its configuration from its folder and the broker's environment. */
class FolderSettingsTest {

    private static final String SECRET = "folder-settings-test-secret-0123456789";

    @TempDir
    Path folder;

    @Test
    void folderFileConfiguresTheExtensionAndTheEnvironmentWins() throws Exception {
        Files.writeString(folder.resolve("mqchat.properties"), "jwt.secret=" + SECRET + "\nqueue.limit=500\n"
                + "metrics.port=9999\n");
        FolderSettings settings = FolderSettings.load(folder, Map.of("MQCHAT_QUEUE_LIMIT", "700"));
        assertEquals(700, settings.extension().queueLimit());
        assertEquals(SECRET, settings.extension().jwt().hmacSecret());
        assertEquals(9999, settings.metrics().port());
        assertEquals("127.0.0.1", settings.metrics().bind());
        assertEquals(folder.resolve("mqchat.properties"), settings.file().orElseThrow());
    }

    @Test
    void withoutATokenKeyTheExtensionRefusesToStart() {
        ConfigException refused = assertThrows(ConfigException.class, () -> FolderSettings.load(folder, Map.of()));
        assertTrue(refused.getMessage().contains("jwt.secret (MQCHAT_JWT_SECRET) is required"), refused.getMessage());
    }

    @Test
    void brokerSettingsOfTheAllInOneServerAreRefusedRatherThanIgnored() {
        // In a stock broker the listeners are HiveMQ's config.xml; a variable that cannot take effect stops the start.
        ConfigException refused = assertThrows(ConfigException.class,
                () -> FolderSettings.load(folder, Map.of("MQCHAT_JWT_SECRET", SECRET, "MQCHAT_MQTT_PORT", "1884")));
        assertTrue(refused.getMessage().contains("unknown environment variable MQCHAT_MQTT_PORT"), refused.getMessage());
    }

    @Test
    void theZipsSampleConfigurationListsEveryKeyAtItsDefault() throws Exception {
        String sample = Files.readString(Path.of("src/main/assembly/mqchat.properties.sample"));
        assertTrue(sample.endsWith(ConfigReference.render(FolderSettings.SCHEMA)),
                "regenerate the key list of mqchat.properties.sample from ConfigReference.render(FolderSettings.SCHEMA)");
        Files.writeString(folder.resolve("mqchat.properties"), sample + "jwt.secret=" + SECRET + "\n");
        assertEquals(10_000, FolderSettings.load(folder, Map.of()).extension().queueLimit(), "the sample is a valid file");
    }
}
