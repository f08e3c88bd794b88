package io.mqchat.client.internal;

import io.mqchat.client.groups.GroupMessageStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sums up the receipts of the group messages this device sent: who has each message, who read it, and so
 * whether all recipients have. Receipts name one member each; READ names the newest message a member read, so it
 * also covers this device's earlier messages in the group. "Earlier" is the order this device saw the group's
 * messages in (its own when sent, others' when received), which is the server's order but for messages sent at
 * the very same moment.
 *
 * <p>Memory is bounded: beyond {@code capacity} messages the oldest is forgotten (its status is no longer
 * reported), as are the positions of messages received from others. Thread-safe; the listener is called outside
 * the lock, on the thread that brought the receipt.
 */
public final class GroupReceiptTracker {

    /** Enough for the recent conversation in every group; statuses of older messages are rarely looked at. */
    public static final int DEFAULT_CAPACITY = 1_000;

    private final String me;
    private final Consumer<GroupMessageStatus> listener;
    private final Map<String, Tracked> tracked;
    /** Position of every group message this device saw, keyed by group and id, to resolve READ markers. */
    private final Map<String, Long> positions;
    private long nextPosition;

    public GroupReceiptTracker(String me, int capacity, Consumer<GroupMessageStatus> listener) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.me = me;
        this.listener = listener;
        this.tracked = boundedMap(capacity);
        this.positions = boundedMap(capacity * 4);
    }

    /**
     * Starts tracking a message this device is sending.
     *
     * @param members the group's members at send time, or null when this client does not know them yet
     */
    public synchronized void sent(String messageId, String group, Collection<String> members) {
        long position = nextPosition++;
        positions.put(key(group, messageId), position);
        Tracked message = new Tracked(messageId, group, position);
        if (members != null) {
            message.recipients = recipientsOf(members);
        }
        tracked.put(messageId, message);
    }

    /** The message was refused (not sent, or its sender turned out not to be a member): stop tracking it. */
    public synchronized void forget(String messageId) {
        tracked.remove(messageId);
    }

    /** A group message from someone else arrived: remember where it stands, for READ markers naming it. */
    public synchronized void received(String group, String messageId) {
        positions.putIfAbsent(key(group, messageId), nextPosition++);
    }

    /** The members of {@code group} became known: messages sent without knowing them get their recipients. */
    public void membersKnown(String group, Collection<String> members) {
        List<GroupMessageStatus> changed = new ArrayList<>();
        synchronized (this) {
            for (Tracked message : tracked.values()) {
                if (message.group.equals(group) && message.recipients == null) {
                    message.recipients = recipientsOf(members);
                    changed.add(message.status());
                }
            }
        }
        changed.forEach(status -> Listeners.deliver(listener, status));
    }

    /** Member {@code by} has the message (one of its devices acknowledged it). */
    public void delivered(String messageId, String by) {
        GroupMessageStatus changed = null;
        synchronized (this) {
            Tracked message = tracked.get(messageId);
            if (message != null && !by.equals(me) && message.deliveredTo.add(by)) {
                changed = message.status();
            }
        }
        if (changed != null) {
            Listeners.deliver(listener, changed);
        }
    }

    /** Member {@code by} read {@code group} up to {@code upTo}: every tracked message not later than it. */
    public void read(String group, String upTo, String by) {
        List<GroupMessageStatus> changed = new ArrayList<>();
        synchronized (this) {
            Long limit = positions.get(key(group, upTo));
            if (limit == null || by.equals(me)) {
                return;
            }
            for (Tracked message : tracked.values()) {
                if (message.group.equals(group) && message.position <= limit) {
                    boolean newlyRead = message.readBy.add(by);
                    boolean newlyDelivered = message.deliveredTo.add(by);
                    if (newlyRead || newlyDelivered) {
                        changed.add(message.status());
                    }
                }
            }
        }
        changed.forEach(status -> Listeners.deliver(listener, status));
    }

    public synchronized Optional<GroupMessageStatus> status(String messageId) {
        Tracked message = tracked.get(messageId);
        return message == null ? Optional.empty() : Optional.of(message.status());
    }

    private Set<String> recipientsOf(Collection<String> members) {
        Set<String> recipients = new LinkedHashSet<>(members);
        recipients.remove(me);
        return recipients;
    }

    private static String key(String group, String messageId) {
        // '/' can be in neither a group id nor a message id, so the key is unambiguous.
        return group + "/" + messageId;
    }

    private static <V> Map<String, V> boundedMap(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private static final class Tracked {
        final String id;
        final String group;
        final long position;
        Set<String> recipients;
        final Set<String> deliveredTo = new LinkedHashSet<>();
        final Set<String> readBy = new LinkedHashSet<>();

        Tracked(String id, String group, long position) {
            this.id = id;
            this.group = group;
            this.position = position;
        }

        GroupMessageStatus status() {
            return new GroupMessageStatus(id, group, recipients == null ? Set.of() : recipients, recipients != null,
                    deliveredTo, readBy);
        }
    }
}
