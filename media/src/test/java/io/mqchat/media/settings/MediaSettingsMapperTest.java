package io.mqchat.media.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaSettingsMapperTest {

    @Test
    void defaultsAreLoopbackPort809016MiBAnd50MegapixelsOrphansKeptADay() {
        MediaSettings settings = MediaSettingsMapper.media(new ConfigLoader(MediaKeys.SCHEMA).load(null, Map.of()));
        assertEquals(MediaSettings.defaults(), settings);
        assertEquals("127.0.0.1", settings.bind());
        assertEquals(8090, settings.port());
        assertEquals(16L * 1024 * 1024, settings.maxBytes());
        assertEquals(50_000_000L, settings.maxPixels());
        assertEquals(Duration.ofHours(24), settings.orphanTtl());
        assertEquals(Duration.ofMinutes(10), settings.sweepInterval());
        assertTrue(settings.enabled());
    }

    @Test
    void theEnvironmentOverridesTheFileAndPortZeroSwitchesTheEndpointOff(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mqchat.properties"),
                "media.bind=0.0.0.0\nmedia.port=9000\nmedia.max-bytes=1048576\nmedia.orphan-ttl=2h\n");
        MediaSettings settings = MediaSettingsMapper.media(new ConfigLoader(MediaKeys.SCHEMA).load(file,
                Map.of("MQCHAT_MEDIA_PORT", "0", "MQCHAT_MEDIA_MAX_PIXELS", "1000000", "MQCHAT_MEDIA_SWEEP_INTERVAL",
                        "30s")));
        assertEquals("0.0.0.0", settings.bind());
        assertFalse(settings.enabled());
        assertEquals(1_048_576, settings.maxBytes());
        assertEquals(1_000_000, settings.maxPixels());
        assertEquals(Duration.ofHours(2), settings.orphanTtl());
        assertEquals(Duration.ofSeconds(30), settings.sweepInterval());
    }

    @Test
    void malformedValuesStopTheStartNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(MediaKeys.SCHEMA).load(null,
                Map.of("MQCHAT_MEDIA_MAX_BYTES", "16MB", "MQCHAT_MEDIA_PORT", "70000")));
        assertTrue(e.getMessage().contains("media.max-bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("media.port"), e.getMessage());
    }
}
