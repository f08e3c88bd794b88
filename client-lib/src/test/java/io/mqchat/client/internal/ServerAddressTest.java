package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mqchat.client.internal.ServerAddress.Transport;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void tcpUrisNameHostAndPort() {
        assertEquals(new ServerAddress(Transport.TCP, "127.0.0.1", 1884, ""), ServerAddress.parse("tcp://127.0.0.1:1884"));
        assertEquals(new ServerAddress(Transport.TCP, "chat.example.com", 1883, ""), ServerAddress.parse("mqtt://chat.example.com"));
        assertEquals(new ServerAddress(Transport.SSL, "chat.example.com", 8883, ""), ServerAddress.parse("ssl://chat.example.com"));
    }

    @Test
    void webSocketUrisKeepTheirPath() {
        assertEquals(new ServerAddress(Transport.WS, "localhost", 8083, "/mqtt"), ServerAddress.parse("ws://localhost:8083/mqtt"));
        assertEquals(new ServerAddress(Transport.WSS, "chat.example.com", 443, "/mqtt"), ServerAddress.parse("wss://chat.example.com/mqtt"));
        assertEquals(new ServerAddress(Transport.WS, "lb", 8083, "/mqtt?user=alice"),
                ServerAddress.parse("ws://lb:8083/mqtt?user=alice"), "a cluster's load balancer reads the query");
    }

    @Test
    void unusableUrisAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("http://localhost:1883"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("localhost:1883"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("tcp://localhost:1883/path"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("tcp://localhost:0"));
    }

    @Test
    void theMediaEndpointIsOnTheBrokersHostOverHttpsWhenMqttUsesTls() {
        assertEquals(URI.create("http://chat.example.com:8090/"), ServerAddress.parse("tcp://chat.example.com").mediaUri(8090));
        assertEquals(URI.create("http://chat.example.com:8090/"), ServerAddress.parse("ws://chat.example.com/mqtt").mediaUri(8090));
        assertEquals(URI.create("https://chat.example.com:8090/"), ServerAddress.parse("ssl://chat.example.com").mediaUri(8090));
        assertEquals(URI.create("https://chat.example.com:8090/"), ServerAddress.parse("wss://chat.example.com/mqtt").mediaUri(8090));
        assertEquals(URI.create("http://[::1]:8090/"), ServerAddress.parse("tcp://[::1]:1883").mediaUri(8090));
        assertEquals(URI.create("http://[::1]:8090/"), ServerAddress.localDefault().withHost("::1").mediaUri(8090));
    }
}
