package io.mqchat.media.settings;

import io.mqchat.config.ValueParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Reads {@code web.mqtt-url}: an absolute {@code ws://} or {@code wss://} URL with a host. It may hold the text
 * {@code {user}}, which the web app replaces by the signed-in user (a cluster's load balancer picks the node by it).
 */
final class WebSocketUrlParser implements ValueParser<String> {

    @Override
    public String parse(String text) {
        try {
            URI uri = new URI(text.replace("{user}", "user"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("ws") || scheme.equals("wss")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not a ws:// or wss:// URL");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a ws:// or wss:// URL");
        }
    }

    @Override
    public String describe() {
        return "ws(s) URL";
    }
}
