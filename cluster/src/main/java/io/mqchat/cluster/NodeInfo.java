package io.mqchat.cluster;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One live broker node as the registry knows it: its id and where devices reach it directly, per transport (the
 * server reference of a redirect names one of these).
 *
 * @param id        the node's id, unique in the cluster
 * @param mqtt      {@code host:port} of its MQTT listener
 * @param websocket {@code host:port} of its MQTT-over-WebSocket listener, or empty when it has none
 */
public record NodeInfo(String id, String mqtt, String websocket) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s]+:[0-9]{1,5}");

    public NodeInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(websocket, "websocket");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a node id is 1-64 letters, digits, '.', '_' or '-': '" + id + "'");
        }
        requireAddress(mqtt);
        if (!websocket.isEmpty()) {
            requireAddress(websocket);
        }
    }

    /** True when {@code id} may name a node. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The form the registry stores. */
    String encode() {
        return "mqtt=" + mqtt + " ws=" + websocket;
    }

    /** Reads what {@link #encode()} wrote; empty fields stay empty. */
    static NodeInfo decode(String id, String encoded) {
        String mqtt = "";
        String websocket = "";
        for (String field : encoded.split(" ")) {
            if (field.startsWith("mqtt=")) {
                mqtt = field.substring(5);
            } else if (field.startsWith("ws=")) {
                websocket = field.substring(3);
            }
        }
        return new NodeInfo(id, mqtt, websocket);
    }

    private static void requireAddress(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("a node address is host:port: '" + address + "'");
        }
    }
}
