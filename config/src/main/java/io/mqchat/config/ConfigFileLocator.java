package io.mqchat.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which config file a program reads: the one named on the command line, else the one {@code MQCHAT_CONFIG}
 * names, else {@code mqchat.properties} in the working directory if it exists, else none (defaults and
 * environment only).
 */
public final class ConfigFileLocator {

    /** Read from the working directory when nothing else names a file. */
    public static final String DEFAULT_FILE_NAME = "mqchat.properties";

    private ConfigFileLocator() {
    }

    /**
     * The file to load, if any. An explicitly named file is returned even when missing, so that the loader
     * reports it instead of silently running on defaults.
     *
     * @param explicit   the command line's choice, or null
     * @param env        the process environment
     * @param workingDir where relative names resolve and the default file is looked for
     */
    public static Optional<Path> locate(Path explicit, Map<String, String> env, Path workingDir) {
        if (explicit != null) {
            return Optional.of(workingDir.resolve(explicit));
        }
        String fromEnv = env.get(EnvNames.CONFIG_FILE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(workingDir.resolve(fromEnv.trim()));
        }
        Path fallback = workingDir.resolve(DEFAULT_FILE_NAME);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }
}
