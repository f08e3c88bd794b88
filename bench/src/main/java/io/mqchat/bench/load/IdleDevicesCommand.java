package io.mqchat.bench.load;

import io.mqchat.bench.hosted.BrokerCommand;
import io.mqchat.extension.auth.TokenMinter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A load-generator process that holds idle devices (persistent session, subscribed, silent). The benchmark
 * runs several, each from its own 127.0.0.x source address, so no process nears its open-files limit and no
 * source address runs out of ephemeral ports. Line protocol on stdin/stdout: {@code connect <total>} →
 * {@code CONNECTED <total>} or {@code FAILED <why>}; end of input ends the process.
 */
@Command(name = "idle-devices", hidden = true, description = "Holds idle devices (started by the benchmark).")
public final class IdleDevicesCommand implements Callable<Integer> {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(90);

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--source", required = true, description = "local address to connect from, e.g. 127.0.0.2")
    String source;

    @Option(names = "--prefix", required = true, description = "user id prefix of this process's devices")
    String prefix;

    @Option(names = "--mqchat", arity = "1", defaultValue = "true", description = "speak mqchat (JWT) or plain MQTT")
    boolean mqchat;

    @Override
    public Integer call() throws Exception {
        Dialect dialect = mqchat
                ? new ChatDialect(new TokenMinter(System.getenv(BrokerCommand.SECRET_ENV), Clock.systemUTC()))
                : new PubSubDialect();
        Endpoint endpoint = Endpoint.loopback(port).from(InetAddress.getByName(source));
        Inbound ignore = new Inbound() {
            @Override
            public void delivered(int device, int seq, long nanos) {
            }

            @Override
            public void receipted(int seq, long nanos) {
            }

            @Override
            public void other(int device, String topic, byte[] payload) {
            }
        };
        List<Device> devices = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.startsWith("connect ")) {
                continue;
            }
            int target = Integer.parseInt(line.substring(8).trim());
            List<Device> batch = new ArrayList<>();
            while (devices.size() + batch.size() < target) {
                int i = devices.size() + batch.size();
                batch.add(Device.create(i, prefix + i, "d", endpoint, ignore, System::nanoTime));
            }
            try {
                DeviceFleet.connectAll(batch, dialect, CONNECT_TIMEOUT);
                devices.addAll(batch);
                System.out.println("CONNECTED " + devices.size());
            } catch (RuntimeException e) {
                System.out.println("FAILED " + e);
            }
            System.out.flush();
        }
        return 0;
    }
}
