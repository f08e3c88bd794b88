package io.mqchat.server.settings;

/**
 * Where a process on this machine reaches a listener of the server: a wildcard bind address means every interface,
 * so loopback; any other address is reached as it is.
 */
public final class LocalAddress {

    private LocalAddress() {
    }

    /** The host a local client connects to for a listener bound to {@code bindAddress}. */
    public static String of(String bindAddress) {
        return switch (bindAddress) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> bindAddress;
        };
    }

    /** {@link #of} as the host part of a URI: an IPv6 address in brackets. */
    public static String uriHost(String bindAddress) {
        String host = of(bindAddress);
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
