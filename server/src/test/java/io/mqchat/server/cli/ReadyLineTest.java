package io.mqchat.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.extension.embedded.BrokerSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadyLineTest {

    private final Path workingDir = Path.of("/srv/chat");

    @Test
    void readyLineNamesBothListenersAndTheDataFolderAsTyped() {
        BrokerSettings broker = BrokerSettings.defaults(workingDir.resolve("data"));

        assertEquals("mqchat ready: mqtt tcp://127.0.0.1:1883  websocket ws://127.0.0.1:8083/mqtt  data ./data",
                ReadyLine.of(broker, workingDir));
    }

    @Test
    void switchedOffWebSocketAndIpv6AddressAreShownAsSuch() {
        BrokerSettings broker = new BrokerSettings("::1", 1883, 0, "/mqtt", Path.of("/var/lib/mqchat"), true,
                262_144, BrokerSettings.DEFAULT_SESSION_EXPIRY_MAX);

        assertEquals("mqchat ready: mqtt tcp://[::1]:1883  websocket off  data /var/lib/mqchat",
                ReadyLine.of(broker, workingDir));
    }
}
