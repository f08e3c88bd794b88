package io.mqchat.extension.settings;

import static io.mqchat.extension.settings.ExtensionKeys.ARCHIVE_FEED;
import static io.mqchat.extension.settings.ExtensionKeys.DISAPPEARING_TIMERS;
import static io.mqchat.extension.settings.ExtensionKeys.JWT_AUDIENCE;
import static io.mqchat.extension.settings.ExtensionKeys.JWT_CLOCK_SKEW;
import static io.mqchat.extension.settings.ExtensionKeys.JWT_ISSUER;
import static io.mqchat.extension.settings.ExtensionKeys.JWT_JWKS_FILE;
import static io.mqchat.extension.settings.ExtensionKeys.JWT_JWKS_URL;
import static io.mqchat.extension.settings.ExtensionKeys.LIMITS_DEVICES;
import static io.mqchat.extension.settings.ExtensionKeys.LIMITS_FILTER_LENGTH;
import static io.mqchat.extension.settings.ExtensionKeys.LIMITS_SUBSCRIPTIONS;
import static io.mqchat.extension.settings.ExtensionKeys.MESSAGE_MAX_BYTES;
import static io.mqchat.extension.settings.ExtensionKeys.NOTIFY_INCLUDE_BODY;
import static io.mqchat.extension.settings.ExtensionKeys.PRESENCE_ACTIVITY_INTERVAL;
import static io.mqchat.extension.settings.ExtensionKeys.QUEUE_LIMIT;
import static io.mqchat.extension.settings.ExtensionKeys.RATE_BURST;
import static io.mqchat.extension.settings.ExtensionKeys.RATE_GROUP_BURST;
import static io.mqchat.extension.settings.ExtensionKeys.RATE_GROUP_PER_SECOND;
import static io.mqchat.extension.settings.ExtensionKeys.RATE_PER_SECOND;
import static io.mqchat.extension.settings.ExtensionKeys.RECEIPTS_DELIVERY_TTL;

import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.extension.config.DisappearingTimers;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.config.JwtConfig;
import io.mqchat.extension.limits.ClientLimits;
import io.mqchat.extension.limits.RateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns validated {@link ExtensionKeys} into an {@link ExtensionConfig}. The records' own checks (exactly one
 * token key source, a long enough secret) become problems of one {@link ConfigException}, so a user sees every
 * problem at once, in the config module's format.
 */
public final class ExtensionSettingsMapper {

    private ExtensionSettingsMapper() {
    }

    /**
     * @param config     a configuration whose schema includes {@link ExtensionKeys#SCHEMA}
     * @param hmacSecret the HS256 secret, or null when a JWKS is configured
     * @param baseDir    where a relative {@code jwt.jwks-file} resolves
     * @throws ConfigException listing every problem
     */
    public static ExtensionConfig map(Config config, String hmacSecret, Path baseDir) {
        List<String> problems = new ArrayList<>();
        JwtConfig jwt = jwt(config, hmacSecret, baseDir, problems);
        DisappearingTimers timers = attempt(problems, () -> DisappearingTimers.of(config.get(DISAPPEARING_TIMERS)));
        ExtensionConfig extension = jwt == null || timers == null ? null : attempt(problems, () -> new ExtensionConfig(
                jwt, config.get(MESSAGE_MAX_BYTES), config.get(QUEUE_LIMIT), config.get(RECEIPTS_DELIVERY_TTL),
                ExtensionConfig.DEFAULT_OVERFLOW_NOTICE_INTERVAL,
                new RateLimit(config.get(RATE_PER_SECOND), config.get(RATE_BURST)),
                config.get(PRESENCE_ACTIVITY_INTERVAL), config.get(NOTIFY_INCLUDE_BODY), timers,
                config.get(ARCHIVE_FEED), new ClientLimits(config.get(LIMITS_DEVICES),
                config.get(LIMITS_SUBSCRIPTIONS), config.get(LIMITS_FILTER_LENGTH)),
                new RateLimit(config.get(RATE_GROUP_PER_SECOND), config.get(RATE_GROUP_BURST))));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return extension;
    }

    /**
     * The token check the {@code jwt.*} keys describe, for every process that verifies users' tokens (the broker, the
     * media endpoint). Adds what is wrong to {@code problems} and returns null then.
     *
     * @param hmacSecret the HS256 secret, or null when a JWKS is configured
     * @param baseDir    where a relative {@code jwt.jwks-file} resolves
     */
    public static JwtConfig jwt(Config config, String hmacSecret, Path baseDir, List<String> problems) {
        Optional<Path> jwksFile = config.find(JWT_JWKS_FILE).map(baseDir::resolve);
        if (jwksFile.isPresent() && !Files.isReadable(jwksFile.get())) {
            problems.add("jwt.jwks-file: " + jwksFile.get() + " does not exist or cannot be read");
            return null;
        }
        return attempt(problems, () -> new JwtConfig(hmacSecret, jwksFile.orElse(null),
                config.find(JWT_JWKS_URL).orElse(null), config.find(JWT_ISSUER).orElse(null),
                config.find(JWT_AUDIENCE).orElse(null), config.get(JWT_CLOCK_SKEW)));
    }

    /** True when the configuration names a JWKS, so that no HS256 secret is needed. */
    public static boolean usesJwks(Config config) {
        return config.isSet(JWT_JWKS_FILE) || config.isSet(JWT_JWKS_URL);
    }

    private static <T> T attempt(List<String> problems, java.util.function.Supplier<T> construct) {
        try {
            return construct.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
