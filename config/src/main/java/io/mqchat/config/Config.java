package io.mqchat.config;

import java.util.Map;
import java.util.Optional;

/**
 * Validated, typed configuration values. Obtained from {@link ConfigLoader}, which has already parsed every
 * value, so reading one never fails for a key of the schema.
 */
public final class Config {

    private final ConfigSchema schema;
    private final Map<String, Object> values;
    private final Map<String, String> origins;

    Config(ConfigSchema schema, Map<String, Object> values, Map<String, String> origins) {
        this.schema = schema;
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /**
     * The configured value, or the default.
     *
     * @throws IllegalStateException when the key has no default and is not set: use {@link #find} for those
     */
    public <T> T get(Key<T> key) {
        return find(key).orElseThrow(() -> new IllegalStateException(key.name() + " is not set and has no default"));
    }

    /** The configured value or default, empty when neither exists. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Key<T> key) {
        requireKnown(key);
        return Optional.ofNullable((T) values.get(key.name()));
    }

    /** True when the file or the environment gave this key a value (a default does not count). */
    public boolean isSet(Key<?> key) {
        requireKnown(key);
        return origins.containsKey(key.name());
    }

    /** Where the key's value came from, e.g. {@code MQCHAT_MQTT_PORT} or {@code mqchat.properties}; empty for defaults. */
    public Optional<String> origin(Key<?> key) {
        requireKnown(key);
        return Optional.ofNullable(origins.get(key.name()));
    }

    public ConfigSchema schema() {
        return schema;
    }

    private void requireKnown(Key<?> key) {
        if (!schema.contains(key)) {
            throw new IllegalArgumentException("key not in this schema: " + key.name());
        }
    }
}
