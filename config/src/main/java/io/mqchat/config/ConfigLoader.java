package io.mqchat.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads one configuration: an optional Java-properties file, then {@code MQCHAT_*} environment variables, which
 * win over the file. Everything is checked before anything is returned: an unknown key, an unknown
 * {@code MQCHAT_*} variable or a malformed value fails the load with every problem listed, because a setting
 * silently ignored (as HiveMQ does with a misspelt config.xml element) is worse than a refusal to start.
 *
 * <p>An empty value counts as unset, so {@code MQCHAT_JWT_SECRET=} clears a file's value and the default applies.
 */
public final class ConfigLoader {

    private final ConfigSchema schema;

    public ConfigLoader(ConfigSchema schema) {
        this.schema = schema;
    }

    /**
     * Loads and validates.
     *
     * @param file the properties file, or null for none
     * @param env  the process environment (passed in so that tests and embedders choose it)
     * @throws ConfigException listing every problem
     */
    public Config load(Path file, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Map<String, Raw> raw = new HashMap<>();
        if (file != null) {
            readFile(file, raw, problems);
        }
        readEnv(env, raw, problems);

        Map<String, Object> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        for (Key<?> key : schema.keys()) {
            Raw given = raw.get(key.name());
            if (given != null && !given.text().isEmpty()) {
                parse(key, given, problems).ifPresent(v -> values.put(key.name(), v));
                origins.put(key.name(), given.origin());
            } else if (key.defaultText() != null) {
                values.put(key.name(), key.parser().parse(key.defaultText()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Config(schema, values, origins);
    }

    private void readFile(Path file, Map<String, Raw> raw, List<String> problems) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            problems.add("config file " + file + " does not exist");
            return;
        } catch (IOException | IllegalArgumentException e) {
            problems.add("config file " + file + " cannot be read: " + e.getMessage());
            return;
        }
        String origin = file.toString();
        // Sorted, so that problems come out in a stable order.
        for (Map.Entry<String, String> entry : new TreeMap<>(asStrings(properties)).entrySet()) {
            String name = entry.getKey().trim();
            if (schema.byName(name).isPresent()) {
                raw.put(name, new Raw(entry.getValue().trim(), origin));
            } else {
                problems.add("unknown key '" + name + "' in " + origin
                        + hint(Suggestions.closest(name, schema.names())));
            }
        }
    }

    private void readEnv(Map<String, String> env, Map<String, Raw> raw, List<String> problems) {
        for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(EnvNames.PREFIX) || name.equals(EnvNames.CONFIG_FILE)
                    || name.equals(EnvNames.TOKEN)) {
                continue;
            }
            Optional<Key<?>> key = schema.byEnvName(name);
            if (key.isPresent()) {
                raw.put(key.get().name(), new Raw(entry.getValue().trim(), name));
            } else {
                problems.add("unknown environment variable " + name
                        + hint(Suggestions.closest(name, schema.envNames())));
            }
        }
    }

    private static Optional<Object> parse(Key<?> key, Raw given, List<String> problems) {
        try {
            return Optional.of(key.parser().parse(given.text()));
        } catch (IllegalArgumentException e) {
            String shown = key.secret() ? "the value" : "\"" + given.text() + "\"";
            problems.add(key.name() + ": " + shown + " is " + e.getMessage() + " (from " + given.origin() + ")");
            return Optional.empty();
        }
    }

    private static String hint(Optional<String> suggestion) {
        return suggestion.map(s -> " (did you mean " + s + "?)").orElse("");
    }

    private static Map<String, String> asStrings(Properties properties) {
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return map;
    }

    /** A value as written, and where: a file name or an environment variable. */
    private record Raw(String text, String origin) {
    }
}
