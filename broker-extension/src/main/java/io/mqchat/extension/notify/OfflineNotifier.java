package io.mqchat.extension.notify;

import io.mqchat.extension.cluster.HomeDirectory;
import io.mqchat.extension.outbox.Outbox;
import io.mqchat.extension.presence.Connections;
import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.Notify;
import io.mqchat.protocol.ServiceTopics;

/**
 * Asks for a push notification when a 1-1 message is routed to a user with no device connected to this
 * broker. The presence-worker double-checks against its own state, coalesces and sends it. Of several nodes, the
 * recipient's home asks: it holds the recipient's connections.
 */
public final class OfflineNotifier {

    private final Connections connections;
    private final Outbox outbox;
    private final boolean includeBody;
    private final HomeDirectory homes;

    /**
     * @param includeBody whether notifications carry the message text (off by default: push services see it)
     * @param homes       a recipient served by another node is notified by that node, which knows its connections
     */
    public OfflineNotifier(Connections connections, Outbox outbox, boolean includeBody, HomeDirectory homes) {
        this.homes = homes;
        this.connections = connections;
        this.outbox = outbox;
        this.includeBody = includeBody;
    }

    /** Asks for a notification when {@code message} went to a user with no connected device (not for timer changes). */
    public void routed(ChatMessage message) {
        if (message.isTimerChange()) {
            return;
        }
        homes.remoteHome(message.to()).thenAccept(remote -> {
            if (remote.isEmpty()) {
                notifyIfOffline(message);
            }
        });
    }

    private void notifyIfOffline(ChatMessage message) {
        if (connections.connectedDevices(message.to()) > 0) {
            return;
        }
        outbox.publish(ServiceTopics.laneFor(ServiceTopics.NOTIFY, message.to()), new Notify(message.to(), message.from(), null, message.id(),
                includeBody ? message.body() : null, message.ts()));
    }
}
