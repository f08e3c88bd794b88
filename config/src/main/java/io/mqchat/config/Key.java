package io.mqchat.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configuration key a component declares: its name, type, default and meaning. Defaults are written as
 * text, exactly as a user would write them, and parsed when the key is declared, so a bad default fails at
 * once and the key reference shows what users type.
 *
 * @param name        dotted lower-case name, e.g. {@code mqtt.port}; its environment variable follows from it
 * @param parser      reads and range-checks values
 * @param defaultText the default as text, or null when the key is unset unless configured
 * @param secret      true when values must never appear in messages or logs
 * @param description one line for the key reference
 * @param <T>         the type the component reads
 */
public record Key<T>(String name, ValueParser<T> parser, String defaultText, boolean secret, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");

    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("key name must be lower-case words joined by . or -: " + name);
        }
        if (defaultText != null) {
            try {
                parser.parse(defaultText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad default for " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /** A key of any type; the factories below cover the common ones. */
    public static <T> Key<T> of(String name, ValueParser<T> parser, String defaultText, String description) {
        return new Key<>(name, parser, defaultText, false, description);
    }

    public static Key<String> text(String name, String defaultText, String description) {
        return of(name, ValueParsers.text(), defaultText, description);
    }

    /** Text that is never echoed back: passwords, signing secrets. */
    public static Key<String> secret(String name, String description) {
        return new Key<>(name, ValueParsers.text(), null, true, description);
    }

    public static Key<Integer> integer(String name, String defaultText, int min, int max, String description) {
        return of(name, ValueParsers.integer(min, max), defaultText, description);
    }

    public static Key<Long> longInteger(String name, String defaultText, long min, long max, String description) {
        return of(name, ValueParsers.longInteger(min, max), defaultText, description);
    }

    public static Key<Integer> port(String name, String defaultText, String description) {
        return of(name, ValueParsers.port(false), defaultText, description);
    }

    /** A port where 0 switches the listener off. */
    public static Key<Integer> portOrOff(String name, String defaultText, String description) {
        return of(name, ValueParsers.port(true), defaultText, description);
    }

    public static Key<Duration> duration(String name, String defaultText, Duration min, String description) {
        return of(name, ValueParsers.duration(min), defaultText, description);
    }

    public static Key<Duration> duration(String name, String defaultText, Duration min, Duration max,
                                         String description) {
        return of(name, ValueParsers.duration(min, max), defaultText, description);
    }

    /** A comma-separated list of durations, each in {@code [min, max]}. */
    public static Key<List<Duration>> durations(String name, String defaultText, Duration min, Duration max,
                                                String description) {
        return of(name, ValueParsers.durations(min, max), defaultText, description);
    }

    public static Key<String> choice(String name, String defaultText, List<String> choices, String description) {
        return of(name, ValueParsers.choice(choices), defaultText, description);
    }

    public static Key<Boolean> flag(String name, String defaultText, String description) {
        return of(name, ValueParsers.bool(), defaultText, description);
    }

    public static Key<Path> path(String name, String defaultText, String description) {
        return of(name, ValueParsers.path(), defaultText, description);
    }

    public static Key<URI> httpUrl(String name, String description) {
        return of(name, ValueParsers.httpUrl(), null, description);
    }

    /** The environment variable that overrides this key, e.g. {@code MQCHAT_MQTT_PORT}. */
    public String envName() {
        return EnvNames.of(name);
    }
}
