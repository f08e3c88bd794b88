package io.mqchat.server.settings;

import io.mqchat.config.Config;
import io.mqchat.config.ConfigException;
import io.mqchat.config.ConfigFileLocator;
import io.mqchat.config.ConfigLoader;
import io.mqchat.server.devsecret.DevSecretFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the server's settings the way every command does: find the config file, apply {@code MQCHAT_*}
 * overrides, validate, map.
 */
public final class ServerSettingsLoader {

    private final Map<String, String> env;
    private final Path workingDir;
    private final ServerSettingsMapper mapper;

    public ServerSettingsLoader(Map<String, String> env, Path workingDir, DevSecretFile devSecrets) {
        this.env = Map.copyOf(env);
        this.workingDir = workingDir;
        this.mapper = new ServerSettingsMapper(workingDir, devSecrets);
    }

    /**
     * @param explicitFile the file named on the command line, or null to look it up
     * @throws ConfigException listing every problem
     */
    public ServerSettings load(Path explicitFile) {
        Path file = ConfigFileLocator.locate(explicitFile, env, workingDir).orElse(null);
        Config config = new ConfigLoader(ServerKeys.SCHEMA).load(file, env);
        return mapper.map(config);
    }
}
