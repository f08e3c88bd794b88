package io.mqchat.config;

/**
 * Turns the text of a configuration value into a typed value, or explains why it cannot.
 *
 * @param <T> the type a component reads
 */
public interface ValueParser<T> {

    /**
     * The typed value of {@code text} (already trimmed, never empty).
     *
     * @throws IllegalArgumentException with a short reason, e.g. {@code "not an integer"}
     */
    T parse(String text);

    /** What a valid value looks like, for the key reference, e.g. {@code "integer 1-65535"}. */
    String describe();
}
