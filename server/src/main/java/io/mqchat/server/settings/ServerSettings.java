package io.mqchat.server.settings;

import io.mqchat.extension.config.ExtensionConfig;
import io.mqchat.extension.embedded.BrokerSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server starts with, validated: the broker's listeners and storage, the extension's
 * configuration, and whether tokens are checked against a generated development secret.
 *
 * @param broker        listeners, data folder, persistence, limits
 * @param extension     token verification and chat limits
 * @param devSecretFile the generated development secret in use, empty when a secret or JWKS is configured
 */
public record ServerSettings(BrokerSettings broker, ExtensionConfig extension, Optional<Path> devSecretFile) {

    public ServerSettings {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(devSecretFile, "devSecretFile");
    }

    /** The absolute data folder. */
    public Path dataDir() {
        return broker.dataFolder();
    }
}
