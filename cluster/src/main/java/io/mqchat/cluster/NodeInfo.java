package io.mqchat.cluster;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One live broker node as the registry knows it: its id, where devices reach it directly per transport (the server
 * reference of a redirect names one of these), and where the other nodes' relays reach it.
 *
 * @param id        the node's id, unique in the cluster
 * @param mqtt      {@code host:port} of its MQTT listener, for devices
 * @param websocket {@code host:port} of its MQTT-over-WebSocket listener, or empty when it has none
 * @param relay     {@code host:port} of its MQTT listener as the other nodes reach it (inside a container network
 *                  that is not the address devices use)
 */
public record NodeInfo(String id, String mqtt, String websocket, String relay) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s]+:[0-9]{1,5}");

    public NodeInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(websocket, "websocket");
        Objects.requireNonNull(relay, "relay");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a node id is 1-64 letters, digits, '.', '_' or '-': '" + id + "'");
        }
        requireAddress(mqtt);
        if (!websocket.isEmpty()) {
            requireAddress(websocket);
        }
        requireAddress(relay);
    }

    /** A node whose relays use the devices' MQTT address. */
    public NodeInfo(String id, String mqtt, String websocket) {
        this(id, mqtt, websocket, mqtt);
    }

    /** True when {@code id} may name a node. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The form the registry stores. */
    String encode() {
        return "mqtt=" + mqtt + " ws=" + websocket + " relay=" + relay;
    }

    /** Reads what {@link #encode()} wrote; empty fields stay empty. */
    static NodeInfo decode(String id, String encoded) {
        String mqtt = "";
        String websocket = "";
        String relay = "";
        for (String field : encoded.split(" ")) {
            if (field.startsWith("mqtt=")) {
                mqtt = field.substring(5);
            } else if (field.startsWith("ws=")) {
                websocket = field.substring(3);
            } else if (field.startsWith("relay=")) {
                relay = field.substring(6);
            }
        }
        return new NodeInfo(id, mqtt, websocket, relay.isEmpty() ? mqtt : relay);
    }

    private static void requireAddress(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("a node address is host:port: '" + address + "'");
        }
    }
}
