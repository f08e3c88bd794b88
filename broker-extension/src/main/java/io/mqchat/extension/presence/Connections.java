package io.mqchat.extension.presence;

import io.mqchat.protocol.DeviceAddress;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The user devices connected to this broker right now, and how many each user has. In memory only: the
 * broker's own truth about its connections, read on the hot path (is the recipient offline?) without I/O.
 */
public final class Connections {

    private final String brokerRun;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentHashMap<String, LiveConnection> byClient = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> devicesPerUser = new ConcurrentHashMap<>();

    public Connections(String brokerRun) {
        this.brokerRun = brokerRun;
    }

    /** Identifies this run of the broker; connection ids start with it. */
    public String brokerRun() {
        return brokerRun;
    }

    /** Records a new connection of {@code device}; it replaces an older connection with the same client id. */
    public LiveConnection open(DeviceAddress device, long now) {
        LiveConnection connection = new LiveConnection(device, brokerRun + "/" + sequence.incrementAndGet(), now);
        if (byClient.put(device.clientId(), connection) == null) {
            devicesPerUser.merge(device.user(), 1, Integer::sum);
        }
        return connection;
    }

    /** Records the end of connection {@code id}; empty when it was already replaced by a newer one. */
    public Optional<LiveConnection> close(String clientId, String id) {
        LiveConnection current = byClient.get(clientId);
        if (current == null || !current.id().equals(id) || !byClient.remove(clientId, current)) {
            return Optional.empty();
        }
        devicesPerUser.computeIfPresent(current.device().user(), (user, count) -> count <= 1 ? null : count - 1);
        return Optional.of(current);
    }

    /** Notes that the device behind {@code clientId} just sent something; returns its connection. */
    public Optional<LiveConnection> touch(String clientId, long now) {
        LiveConnection connection = byClient.get(clientId);
        if (connection != null) {
            connection.touch(now);
        }
        return Optional.ofNullable(connection);
    }

    public int connectedDevices(String user) {
        return devicesPerUser.getOrDefault(user, 0);
    }

    public Collection<LiveConnection> all() {
        return List.copyOf(byClient.values());
    }
}
