package io.mqchat.presence.testing;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.extension.testing.TestBroker;
import io.mqchat.protocol.Codec;
import io.mqchat.protocol.Presence;
import io.mqchat.protocol.ProtocolException;
import io.mqchat.protocol.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** A user's device that subscribes to other users' presence topics, as a contact list would. */
public final class PresenceWatcher implements AutoCloseable {

    private final MqttDevice device;
    private final Codec codec = new Codec();

    private PresenceWatcher(MqttDevice device) {
        this.device = device;
    }

    /** Connects {@code user:device} and subscribes to the presence of {@code contacts}. */
    public static PresenceWatcher connect(TestBroker broker, String user, String deviceName, String... contacts) {
        PresenceWatcher watcher = new PresenceWatcher(MqttDevice.v5(broker, user, deviceName));
        for (String contact : contacts) {
            if (!watcher.device.subscribe(Topics.presence(contact))) {
                throw new AssertionError(user + " may not subscribe to the presence of " + contact);
            }
        }
        return watcher;
    }

    /** The next presence of {@code contact} this watcher receives within {@code timeout}. */
    public Optional<Presence> next(String contact, Duration timeout) {
        return device.poll(Topics.presence(contact), timeout.toMillis()).map(received -> decode(received.payload()));
    }

    /** Skips presence messages of {@code contact} until one matches; fails after {@code timeout}. */
    public Presence await(String contact, Predicate<Presence> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Presence last = null;
        while (System.nanoTime() < deadline) {
            Optional<Presence> next = next(contact, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (next.isPresent() && wanted.test(next.get())) {
                return next.get();
            }
            last = next.orElse(last);
        }
        throw new AssertionError("no matching presence of " + contact + " within " + timeout + "; last: " + last);
    }

    private Presence decode(String payload) {
        try {
            return (Presence) codec.decode(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ProtocolException e) {
            throw new AssertionError("not a presence message: " + payload, e);
        }
    }

    @Override
    public void close() {
        device.close();
    }
}
