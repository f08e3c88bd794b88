package io.mqchat.extension.deployment;

import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigFileLocator;
import io.mqchat.config.ConfigLoader;
import io.mqchat.config.ConfigSchema;
import io.mqchat.config.Key;
import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.metrics.MetricsKeys;
import io.mqchat.extension.metrics.MetricsSettings;
import io.mqchat.extension.settings.ExtensionKeys;
import io.mqchat.extension.settings.ExtensionSettingsMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of the extension deployed from its zip into a stock HiveMQ: {@code mqchat.properties} in the
 * extension's folder (or the file {@code MQCHAT_CONFIG} names, relative to that folder), plus {@code MQCHAT_*}
 * environment variables, validated exactly like the all-in-one server's. There is no development secret here:
 * {@code jwt.secret} or a JWKS must be configured.
 *
 * @param extension the extension's configuration
 * @param metrics   where the broker's metrics and health are served
 * @param file      the config file read, if any
 */
public record FolderSettings(ExtensionConfig extension, MetricsSettings metrics, Optional<Path> file) {

    /** Read from the extension's folder when {@code MQCHAT_CONFIG} names no other file. */
    public static final String FILE_NAME = ConfigFileLocator.DEFAULT_FILE_NAME;

    public static final Key<String> JWT_SECRET = Key.secret("jwt.secret",
            "HS256 secret of at least 32 bytes; required unless jwt.jwks-file or jwt.jwks-url is set");
    public static final MetricsKeys METRICS = MetricsKeys.withDefaultPort(MetricsKeys.BROKER_PORT);

    /** Every key the zip-deployed extension understands; any other {@code MQCHAT_*} variable stops the start. */
    public static final ConfigSchema SCHEMA = ConfigSchema.of(JWT_SECRET).plus(ExtensionKeys.SCHEMA)
            .plus(METRICS.schema());

    /**
     * Loads and validates.
     *
     * @param extensionHome the extension's folder ({@code extensions/mqchat}); relative paths resolve against it
     * @param env           the broker process's environment
     * @throws ConfigException listing every problem
     */
    public static FolderSettings load(Path extensionHome, Map<String, String> env) {
        Optional<Path> file = ConfigFileLocator.locate(null, env, extensionHome);
        Config config = new ConfigLoader(SCHEMA).load(file.orElse(null), env);
        List<String> problems = new ArrayList<>();
        boolean jwks = ExtensionSettingsMapper.usesJwks(config);
        if (!jwks && config.find(JWT_SECRET).isEmpty()) {
            problems.add("jwt.secret (MQCHAT_JWT_SECRET) is required, or jwt.jwks-file / jwt.jwks-url: "
                    + "a broker without a token key would refuse every client");
        }
        ExtensionConfig extension = null;
        if (problems.isEmpty()) {
            try {
                extension = ExtensionSettingsMapper.map(config, config.find(JWT_SECRET).orElse(null), extensionHome);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new FolderSettings(extension, METRICS.settings(config), file);
    }
}
