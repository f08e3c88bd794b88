package io.mqchat.media.settings;

import io.mqchat.config.Config;

/** Turns validated keys into settings. */
public final class MediaSettingsMapper {

    private MediaSettingsMapper() {
    }

    /** The endpoint's settings from a config whose schema includes {@link MediaKeys#SCHEMA}. */
    public static MediaSettings media(Config config) {
        return new MediaSettings(config.get(MediaKeys.BIND), config.get(MediaKeys.PORT),
                config.get(MediaKeys.MAX_BYTES), config.get(MediaKeys.MAX_PIXELS), config.get(MediaKeys.ORPHAN_TTL),
                config.get(MediaKeys.SWEEP_INTERVAL), http(config),
                new DecodeLimits(config.get(MediaKeys.MAX_SCANS), config.get(MediaKeys.DECODE_MEMORY),
                        config.get(MediaKeys.DECODE_TIMEOUT)),
                new UploadRate(config.get(MediaKeys.UPLOAD_RATE), config.get(MediaKeys.UPLOAD_BURST)),
                config.find(MediaKeys.WEB_MQTT_URL));
    }

    private static HttpLimits http(Config config) {
        return new HttpLimits(config.get(MediaKeys.THREADS), config.get(MediaKeys.MAX_CONNECTIONS),
                config.get(MediaKeys.HEADER_TIMEOUT), config.get(MediaKeys.IDLE_TIMEOUT),
                config.get(MediaKeys.MIN_UPLOAD_RATE), config.get(MediaKeys.MAX_UPLOADS));
    }
}
