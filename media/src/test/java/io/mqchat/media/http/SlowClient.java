package io.mqchat.media.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A hostile HTTP client on a raw socket: after an optional first part it sends the rest one byte at a time, a pause
 * between bytes, until it is closed or the server drops it. What a slowloris attack does with request headers, and
 * a slow upload with its body.
 */
final class SlowClient implements AutoCloseable {

    private final Socket socket;
    private final Thread sender;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean droppedByServer;

    private SlowClient(URI server, byte[] bytes, int sendAtOnce, long pauseMillis) throws IOException {
        socket = new Socket(server.getHost(), server.getPort());
        sender = new Thread(() -> send(bytes, sendAtOnce, pauseMillis), "slow-client");
        sender.setDaemon(true);
        sender.start();
    }

    /** A request header that never ends, a byte per pause, without any token. */
    static SlowClient header(URI server, long pauseMillis) throws IOException {
        String header = "GET /media/" + "0".repeat(64) + " HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(4000);
        return new SlowClient(server, header.getBytes(StandardCharsets.US_ASCII), 0, pauseMillis);
    }

    /** A complete upload header with {@code token}, then a body of {@code length} bytes, a byte per pause. */
    static SlowClient upload(URI server, String token, int length, long pauseMillis) throws IOException {
        byte[] head = ("POST /media HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0x89; // a PNG's first byte, then zeros
        return new SlowClient(server, all, head.length, pauseMillis);
    }

    /** Waits until its first bytes went out. */
    void awaitStarted() throws InterruptedException {
        started.await(10, TimeUnit.SECONDS);
    }

    /** True once a write failed: the server closed the connection. */
    boolean droppedByServer() {
        return droppedByServer;
    }

    private void send(byte[] bytes, int atOnce, long pauseMillis) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes, 0, atOnce);
            for (int i = atOnce; i < bytes.length; i++) {
                out.write(bytes[i]);
                out.flush();
                started.countDown();
                Thread.sleep(pauseMillis);
            }
        } catch (IOException e) {
            droppedByServer = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            started.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        sender.interrupt();
        socket.close();
    }
}
