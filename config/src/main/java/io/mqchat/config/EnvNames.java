package io.mqchat.config;

import java.util.Locale;

/**
 * How keys map to environment variables: {@code MQCHAT_} plus the key upper-cased with {@code .} and
 * {@code -} turned into {@code _}, because shells and container tools accept no other characters in names.
 */
public final class EnvNames {

    /** Every mqchat variable starts with this; any other one with it is a mistake worth reporting. */
    public static final String PREFIX = "MQCHAT_";
    /** Names the config file; a variable that is not a key. */
    public static final String CONFIG_FILE = "MQCHAT_CONFIG";
    /** The terminal client's token ({@code mqchat chat}); not a key either, and often exported beside the others. */
    public static final String TOKEN = "MQCHAT_TOKEN";

    private EnvNames() {
    }

    /** {@code jwt.jwks-url} → {@code MQCHAT_JWT_JWKS_URL}. */
    public static String of(String key) {
        return PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
