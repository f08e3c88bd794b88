package io.mqchat.presence.store;

import io.mqchat.protocol.PresenceEvent;
import java.util.Locale;

/** Who may see a user's online state and last seen time. */
public enum Privacy {
    /** Everyone who subscribes to the user's presence topic (the default). */
    EVERYONE,
    /** Nobody: the presence topic says only that the user hides it. */
    NOBODY;

    /** The name on the wire and in Redis, {@value PresenceEvent#EVERYONE} or {@value PresenceEvent#NOBODY}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but the two wire names */
    public static Privacy fromWire(String name) {
        if (PresenceEvent.EVERYONE.equals(name)) {
            return EVERYONE;
        }
        if (PresenceEvent.NOBODY.equals(name)) {
            return NOBODY;
        }
        throw new IllegalArgumentException("privacy must be everyone or nobody: " + name);
    }
}
