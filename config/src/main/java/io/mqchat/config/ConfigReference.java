package io.mqchat.config;

/** Renders a schema as a commented properties file: every key, its variable, its type, default and meaning. */
public final class ConfigReference {

    private ConfigReference() {
    }

    /** A text that is itself a valid config file with every key commented out at its default. */
    public static String render(ConfigSchema schema) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        for (Key<?> key : schema.keys()) {
            text.append("# ").append(key.description()).append(nl)
                    .append("# ").append(key.parser().describe()).append("; environment ").append(key.envName())
                    .append(nl)
                    .append("#").append(key.name()).append('=')
                    .append(key.defaultText() == null ? "" : key.defaultText()).append(nl).append(nl);
        }
        return text.toString();
    }
}
