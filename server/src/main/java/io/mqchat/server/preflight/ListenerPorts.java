package io.mqchat.server.preflight;

import io.mqchat.extension.embedded.BrokerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before the broker starts, that its listener ports can be bound. HiveMQ logs a listener it cannot
 * bind and runs on without it (it gives up only when no listener at all starts), so a second server on the
 * same port would otherwise print "ready" while its clients talk to the first one.
 */
public final class ListenerPorts {

    private ListenerPorts() {
    }

    /** One line per listener that cannot be bound now; empty when all can. */
    public static List<String> unavailable(BrokerSettings broker) {
        List<String> problems = new ArrayList<>();
        InetAddress address;
        try {
            address = InetAddress.getByName(broker.bindAddress());
        } catch (UnknownHostException e) {
            problems.add("mqtt.bind: cannot resolve " + broker.bindAddress());
            return problems;
        }
        check(address, broker.mqttPort(), "mqtt.port", problems);
        if (broker.websocketPort() != 0) {
            check(address, broker.websocketPort(), "websocket.port", problems);
        }
        return problems;
    }

    private static void check(InetAddress address, int port, String key, List<String> problems) {
        // ServerSocket sets SO_REUSEADDR on Unix as Netty does, so a port in TIME_WAIT does not count as taken.
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            problems.add(key + ": cannot listen on " + address.getHostAddress() + ":" + port + " (" + e.getMessage()
                    + "; is another server running?)");
        }
    }
}
