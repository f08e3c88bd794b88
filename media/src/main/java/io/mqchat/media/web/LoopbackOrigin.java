package io.mqchat.media.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a request comes from a page opened on this machine's loopback address, judged from its {@code Host} and
 * {@code Origin} headers alone: names are never looked up, since a rebinding attacker controls what they resolve to.
 */
final class LoopbackOrigin {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private LoopbackOrigin() {
    }

    /**
     * @param host   the Host header, e.g. {@code 127.0.0.1:8090}; null when absent
     * @param origin the Origin header; null when absent (a same-origin GET or a non-browser client)
     */
    static boolean isLoopbackPage(String host, String origin) {
        if (host == null || !isLoopbackName(hostName(host.trim()))) {
            return false;
        }
        if (origin == null) {
            return true;
        }
        String page = origin.trim().toLowerCase(Locale.ROOT);
        String self = host.trim().toLowerCase(Locale.ROOT);
        return page.equals("http://" + self) || page.equals("https://" + self);
    }

    private static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? "" : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isLoopbackName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.equals("[::1]") || IPV4_LOOPBACK.matcher(lower).matches();
    }
}
