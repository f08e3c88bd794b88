package io.mqchat.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bad network in front of a real server: a TCP relay on loopback that cuts its first connections after the client
 * has sent some bytes (as a phone losing its cell does mid-upload), and relays every later one unchanged.
 */
final class FlakyNetwork implements AutoCloseable {

    /** Read from a connection before it is cut: the request line, the headers and the start of the body. */
    private static final int BYTES_BEFORE_CUT = 16 * 1024;

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final int connectionsToCut;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private FlakyNetwork(URI target, int connectionsToCut) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = target.getHost();
        this.targetPort = target.getPort();
        this.connectionsToCut = connectionsToCut;
        Thread acceptor = new Thread(this::accept, "flaky-network");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to {@code target} (an http URI with a port) that cuts its first {@code connectionsToCut} connections. */
    static FlakyNetwork cuttingFirst(int connectionsToCut, URI target) {
        try {
            return new FlakyNetwork(target, connectionsToCut);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where clients reach the relay, as an http URI. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                int number = connections.incrementAndGet();
                daemon(() -> handle(client, number <= connectionsToCut));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket client, boolean cut) {
        open.add(client);
        try (client) {
            if (cut) {
                client.getInputStream().readNBytes(BYTES_BEFORE_CUT);
                // Unread bytes make the close a reset: the client's upload fails mid-way.
                return;
            }
            try (Socket server = new Socket(targetHost, targetPort)) {
                open.add(server);
                Thread upstream = daemon(() -> pipe(client, server));
                pipe(server, client);
                upstream.join();
            }
        } catch (IOException e) {
            // either side went away: so does the relayed connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // the connection ended
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "flaky-network-connection");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(FlakyNetwork::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing the rest anyway
        }
    }
}
