package io.mqchat.extension.presence;

import io.mqchat.protocol.DeviceAddress;

/**
 * One connection of a user's device, and when that device last sent anything. The activity time is what a
 * device that vanishes without DISCONNECT is last seen at, rather than the moment its keep-alive expired.
 */
public final class LiveConnection {

    private final DeviceAddress device;
    private final String id;
    private volatile long lastActivity;

    LiveConnection(DeviceAddress device, String id, long connectedAt) {
        this.device = device;
        this.id = id;
        this.lastActivity = connectedAt;
    }

    public DeviceAddress device() {
        return device;
    }

    /** Unique among all connections of all broker runs: {@code {broker run}/{n}}. */
    public String id() {
        return id;
    }

    public long lastActivity() {
        return lastActivity;
    }

    void touch(long now) {
        lastActivity = now;
    }
}
