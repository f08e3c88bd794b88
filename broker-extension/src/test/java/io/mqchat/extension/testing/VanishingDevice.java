package io.mqchat.extension.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An MQTT 3.1.1 device on a raw socket that can simply go silent: no DISCONNECT, no PINGREQ, the socket left
 * open, exactly like a phone that lost its network. The broker notices only when the keep-alive expires.
 */
public final class VanishingDevice implements AutoCloseable {

    private final Socket socket;

    private VanishingDevice(Socket socket) {
        this.socket = socket;
    }

    /** Connects {@code user:device} with a persistent session and the given keep-alive in seconds. */
    public static VanishingDevice connect(TestBroker broker, String user, String device, int keepAliveSeconds) {
        try {
            Socket socket = new Socket(broker.host(), broker.port());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            writeString(body, "MQTT");
            body.write(4);
            body.write(0xC0); // user name and password, persistent session
            body.write(keepAliveSeconds >> 8);
            body.write(keepAliveSeconds & 0xFF);
            writeString(body, user + ":" + device);
            writeString(body, user);
            writeString(body, broker.token(user));
            send(socket, 0x10, body.toByteArray());
            InputStream in = socket.getInputStream();
            byte[] connack = in.readNBytes(4);
            if (connack.length != 4 || connack[3] != 0) {
                throw new IllegalStateException("CONNECT refused");
            }
            return new VanishingDevice(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes at QoS 0 (activity the broker sees). */
    public void publishAtMostOnce(String topic, String payload) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            writeString(body, topic);
            body.write(payload.getBytes(StandardCharsets.UTF_8));
            send(socket, 0x30, body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(Socket socket, int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.write(body);
        socket.getOutputStream().write(packet.toByteArray());
        socket.getOutputStream().flush();
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.write(bytes, 0, bytes.length);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
