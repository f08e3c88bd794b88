package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerRedirectTest {

    @Test
    void aReferenceNamesHostAndPort() {
        assertEquals(Optional.of(InetSocketAddress.createUnresolved("node-2.internal", 1883)), parse("node-2.internal:1883"));
        assertEquals(Optional.of(InetSocketAddress.createUnresolved("::1", 21883)), parse("[::1]:21883"));
        assertEquals(Optional.of(InetSocketAddress.createUnresolved("a", 1)), parse("a:1 b:2"), "the first of a list");
    }

    @Test
    void aReferenceWithoutAUsablePortIsNoRedirect() {
        assertEquals(Optional.empty(), parse("node-2"));
        assertEquals(Optional.empty(), parse("node-2:"));
        assertEquals(Optional.empty(), parse(":1883"));
        assertEquals(Optional.empty(), parse("node-2:http"));
        assertEquals(Optional.empty(), parse("node-2:70000"));
    }

    private static Optional<InetSocketAddress> parse(String reference) {
        return ServerRedirect.parse(MqttUtf8String.of(reference));
    }
}
