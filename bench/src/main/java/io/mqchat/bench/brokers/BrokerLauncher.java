package io.mqchat.bench.brokers;

import io.mqchat.bench.hosted.BrokerCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a broker under test in a process of its own on a free loopback port, in a fresh folder. Every
 * process goes through {@code bash -c 'ulimit -n <hard limit>; exec ...'}: the soft limit on open files is
 * usually far below the hard one, and each connection is a file.
 */
public final class BrokerLauncher {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Raises the soft open-files limit to the hard one, then becomes the broker (same pid). */
    static final String RAISE_FILE_LIMIT = "ulimit -n \"$(ulimit -Hn)\" && exec \"$@\"";

    private final String secret;
    private final boolean keepData;
    private final Optional<Path> baselineJar;

    /**
     * {@code secret} is mqchat's HS256 secret, handed to the mqchat broker through its environment;
     * {@code keepData} keeps each broker's persistence after it stopped; {@code baselineJar}, another build's
     * benchmark jar, runs {@link BrokerKind#MQCHAT_BASELINE}.
     */
    public BrokerLauncher(String secret, boolean keepData, Optional<Path> baselineJar) {
        this.secret = secret;
        this.keepData = keepData;
        this.baselineJar = baselineJar;
    }

    /** True when brokers' persistence (and the cluster scenario's Redis files) stay after a run. */
    public boolean keepData() {
        return keepData;
    }

    public RunningBroker start(BrokerSetup setup, Path folder) {
        return start(setup, folder, Optional.empty());
    }

    /** Starts an mqchat broker as one node of a cluster when {@code node} is present, else as {@link #start}. */
    public RunningBroker start(BrokerSetup setup, Path folder, Optional<NodeRole> node) {
        if (node.isPresent() && setup.kind().server() != BrokerKind.MQCHAT) {
            throw new IllegalArgumentException("only mqchat runs as a node of a cluster");
        }
        try {
            Files.createDirectories(folder.resolve("tmp"));
            int port = freePort();
            List<String> command = new ArrayList<>(List.of("bash", "-c", RAISE_FILE_LIMIT, "bash"));
            command.addAll(setup.kind().jvm() ? jvmCommand(setup, folder, port) : mosquittoCommand(setup, folder, port));
            node.ifPresent(role -> command.addAll(List.of("--cluster-node", role.nodeId(), "--redis", role.redisAddress())));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(folder.resolve("broker.log").toFile());
            builder.environment().put(BrokerCommand.SECRET_ENV, secret);
            node.ifPresent(role -> {
                builder.environment().put(BrokerCommand.REDIS_PASSWORD_ENV, role.redisPassword());
                builder.environment().put(BrokerCommand.CLUSTER_SECRET_ENV, role.clusterSecret());
            });
            if (!setup.kind().jvm()) {
                builder.redirectOutput(folder.resolve("broker.out").toFile());
            }
            RunningBroker broker = new RunningBroker(setup, builder.start(), port, folder, keepData);
            boolean ready = setup.kind().jvm() ? broker.awaitReady(START_TIMEOUT) : awaitPort(port, broker);
            if (!ready) {
                broker.close();
                throw new IllegalStateException(setup.label() + " did not start; see " + folder.resolve("broker.log"));
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + setup.label(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + setup.label(), e);
        }
    }

    private List<String> jvmCommand(BrokerSetup setup, Path folder, int port) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(setup.jvmOptions());
        // HiveMQ unpacks RocksDB's native library into the temp folder on every start: keep it in the run folder.
        command.add("-Djava.io.tmpdir=" + folder.resolve("tmp").toAbsolutePath());
        if (setup.profile()) {
            command.add("-XX:StartFlightRecording=filename=" + folder.resolve("broker.jfr").toAbsolutePath()
                    + ",settings=profile,dumponexit=true");
        }
        String classPath = setup.kind() == BrokerKind.MQCHAT_BASELINE
                ? baselineJar.orElseThrow(() -> new IllegalArgumentException("mqchat@baseline needs --baseline-jar"))
                        .toAbsolutePath().toString()
                : System.getProperty("java.class.path");
        command.addAll(List.of("-cp", classPath, "io.mqchat.bench.Main", "broker",
                "--kind", setup.kind().server().label(), "--port", Integer.toString(port),
                "--folder", folder.toAbsolutePath().toString(),
                "--file-persistence", Boolean.toString(setup.filePersistence()),
                "--queue-limit", Long.toString(setup.queueLimit()),
                "--persistence-buckets", Integer.toString(setup.persistenceBuckets()),
                "--group-members", Integer.toString(setup.groupMembers()),
                "--archive", Boolean.toString(setup.kind().archive()),
                "--server-limits", Boolean.toString(setup.serverLimits())));
        return command;
    }

    private static List<String> mosquittoCommand(BrokerSetup setup, Path folder, int port) throws IOException {
        Path binary = Mosquitto.binary().orElseThrow(() -> new IllegalStateException("mosquitto is not installed"));
        Path conf = folder.resolve("mosquitto.conf");
        Files.writeString(conf, Mosquitto.config(port, folder, setup.filePersistence(), setup.queueLimit()),
                StandardCharsets.UTF_8);
        return List.of(binary.toString(), "-c", conf.toAbsolutePath().toString());
    }

    private static boolean awaitPort(int port, RunningBroker broker) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && broker.alive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** A port nobody listens on right now (the broker binds it a moment later; a clash fails the start). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
