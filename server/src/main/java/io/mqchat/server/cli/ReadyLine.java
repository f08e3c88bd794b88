package io.mqchat.server.cli;

import io.mqchat.extension.embedded.BrokerSettings;
import java.nio.file.Path;

/**
 * The line {@code run} prints once the broker accepts connections, e.g.
 * {@code mqchat ready: mqtt tcp://127.0.0.1:1883  websocket ws://127.0.0.1:8083/mqtt  data ./data}.
 * Scripts and people wait for it, so its shape is stable.
 */
final class ReadyLine {

    private ReadyLine() {
    }

    static String of(BrokerSettings broker, Path workingDir) {
        String host = broker.bindAddress().contains(":") ? "[" + broker.bindAddress() + "]" : broker.bindAddress();
        String websocket = broker.websocketPort() == 0 ? "off"
                : "ws://" + host + ":" + broker.websocketPort() + broker.websocketPath();
        return "mqchat ready: mqtt tcp://" + host + ":" + broker.mqttPort() + "  websocket " + websocket
                + "  data " + DisplayPaths.of(broker.dataFolder(), workingDir);
    }
}
