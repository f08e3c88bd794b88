package io.mqchat.groups.worker;

import io.mqchat.extension.testing.MqttDevice;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Envelope;
import io.mqchat.protocol.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What an app sees of a device's inbox: chat messages deduplicated by (from, id), with copies counted. */
final class Inbox {

    private final MqttDevice device;
    private final String user;
    private final Map<String, ChatMessage> messages = new ConcurrentHashMap<>();
    private final AtomicInteger copies = new AtomicInteger();

    Inbox(MqttDevice device, String user) {
        this.device = device;
        this.user = user;
    }

    /** Takes what arrived until {@code distinct} different messages are in, or {@code millis} passed. */
    Inbox collect(int distinct, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (messages.size() < distinct && System.currentTimeMillis() < deadline) {
            Optional<MqttDevice.Received> next = device.poll(Topics.inbox(user), 100);
            next.ifPresent(r -> {
                Envelope envelope = GroupHarness.decode(r.payload());
                if (envelope instanceof ChatMessage m) {
                    copies.incrementAndGet();
                    messages.putIfAbsent(m.from() + "/" + m.id(), m);
                }
            });
        }
        return this;
    }

    int distinct() {
        return messages.size();
    }

    /** Deliveries the app dropped as duplicates. */
    int duplicates() {
        return copies.get() - messages.size();
    }

    boolean has(String from, String id) {
        return messages.containsKey(from + "/" + id);
    }
}
