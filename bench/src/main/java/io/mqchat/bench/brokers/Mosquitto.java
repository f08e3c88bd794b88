package io.mqchat.bench.brokers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Mosquitto binary of the OS package and writes its configuration: loopback only, anonymous,
 * persistence on when asked, the same per-client queue limit as the HiveMQ brokers.
 */
public final class Mosquitto {

    private static final Path[] CANDIDATES = {Path.of("/usr/sbin/mosquitto"), Path.of("/usr/local/sbin/mosquitto")};

    private Mosquitto() {
    }

    /** The installed binary, if any. */
    public static Optional<Path> binary() {
        for (Path candidate : CANDIDATES) {
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Mosquitto keeps everything in memory and writes a snapshot every {@code autosave_interval}; with
     * persistence on, that interval is its durability, so it is set to HiveMQ's own sync period, 1 s.
     * {@code user root} stops it from dropping privileges to a user that cannot write the run folder.
     */
    static String config(int port, Path folder, boolean persistence, long queueLimit) {
        return """
                listener %d 127.0.0.1
                allow_anonymous true
                max_queued_messages %d
                persistence %s
                persistence_location %s/
                autosave_interval 1
                set_tcp_nodelay true
                log_dest stderr
                log_type error
                log_type warning
                user root
                """.formatted(port, queueLimit, persistence, folder.toAbsolutePath());
    }
}
