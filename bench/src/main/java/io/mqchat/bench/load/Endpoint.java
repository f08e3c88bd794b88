package io.mqchat.bench.load;

import java.net.InetAddress;

/**
 * Where devices connect to, and from which local address: Linux gives each source address its own ephemeral
 * port range, so spreading many connections over 127.0.0.x keeps one range from running short.
 *
 * @param host   broker address, always loopback
 * @param port   broker MQTT port
 * @param source local address to connect from, or null for the default
 */
public record Endpoint(String host, int port, InetAddress source) {

    public static Endpoint loopback(int port) {
        return new Endpoint("127.0.0.1", port, null);
    }

    public Endpoint from(InetAddress local) {
        return new Endpoint(host, port, local);
    }
}
