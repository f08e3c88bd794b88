package io.mqchat.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys one program understands. A program that hosts several components (the all-in-one server runs the
 * broker and the workers) combines their schemas with {@link #plus}, so that one file configures them all and a
 * key no component knows is reported.
 */
public final class ConfigSchema {

    private final Map<String, Key<?>> byName;
    private final Map<String, Key<?>> byEnvName;

    private ConfigSchema(Collection<Key<?>> keys) {
        Map<String, Key<?>> names = new LinkedHashMap<>();
        Map<String, Key<?>> envNames = new LinkedHashMap<>();
        for (Key<?> key : keys) {
            if (names.put(key.name(), key) != null) {
                throw new IllegalArgumentException("key declared twice: " + key.name());
            }
            Key<?> clash = envNames.put(key.envName(), key);
            if (clash != null) {
                throw new IllegalArgumentException("keys " + clash.name() + " and " + key.name()
                        + " share the environment variable " + key.envName());
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byEnvName = Collections.unmodifiableMap(envNames);
    }

    public static ConfigSchema of(Key<?>... keys) {
        return new ConfigSchema(List.of(keys));
    }

    public static ConfigSchema of(Collection<Key<?>> keys) {
        return new ConfigSchema(keys);
    }

    /** This schema and {@code other}'s keys; fails if both declare a key. */
    public ConfigSchema plus(ConfigSchema other) {
        List<Key<?>> all = new ArrayList<>(keys());
        all.addAll(other.keys());
        return new ConfigSchema(all);
    }

    /** The keys in declaration order. */
    public List<Key<?>> keys() {
        return List.copyOf(byName.values());
    }

    public boolean contains(Key<?> key) {
        return byName.get(key.name()) == key;
    }

    Optional<Key<?>> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Optional<Key<?>> byEnvName(String envName) {
        return Optional.ofNullable(byEnvName.get(envName));
    }

    Collection<String> names() {
        return byName.keySet();
    }

    Collection<String> envNames() {
        return byEnvName.keySet();
    }
}
