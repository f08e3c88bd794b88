package io.mqchat.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A receipt on the sender's {@code receipts} topic.
 *
 * <ul>
 *   <li>{@code delivered}: device {@code device} of user {@code by} acknowledged message {@code id}.</li>
 *   <li>{@code read}: user {@code by} has read the conversation with {@code peer} up to message {@code upTo}.
 *       A user's own other devices get the same marker (with {@code by} = themselves) to sync unread counts.</li>
 * </ul>
 *
 * @param type   {@value #DELIVERED} or {@value #READ}
 * @param id     the delivered message (delivered only)
 * @param upTo   the newest read message (read only)
 * @param by     the user who received or read
 * @param peer   the other party of a 1-1 conversation, seen from the receipt's receiver
 * @param group  the group of a group conversation (then {@code peer} is absent)
 * @param device the device that acknowledged (delivered only)
 * @param ts     server time in epoch milliseconds
 * @param shared (read only) false when the reader keeps its read receipts to itself: the marker goes to its own
 *               devices and the archive, never to the others; absent otherwise
 */
public record Receipt(String type, String id, String upTo, String by, String peer, String group, String device,
                      long ts, Boolean shared)
        implements Envelope {

    public static final String DELIVERED = "delivered";
    public static final String READ = "read";

    public Receipt {
        shared = Boolean.FALSE.equals(shared) ? Boolean.FALSE : null;
    }

    public Receipt(String type, String id, String upTo, String by, String peer, String group, String device, long ts) {
        this(type, id, upTo, by, peer, group, device, ts, null);
    }

    public static Receipt delivered(String id, String by, String device, long ts) {
        return new Receipt(DELIVERED, id, null, by, by, null, device, ts);
    }

    public static Receipt read(String upTo, String by, String peer, long ts) {
        return new Receipt(READ, null, upTo, by, peer, null, null, ts);
    }

    /** Device {@code device} of member {@code by} acknowledged group message {@code id}. */
    public static Receipt deliveredInGroup(String id, String by, String group, String device, long ts) {
        return new Receipt(DELIVERED, id, null, by, null, group, device, ts);
    }

    /** Member {@code by} read group {@code group} up to message {@code upTo}. */
    public static Receipt readInGroup(String upTo, String by, String group, long ts) {
        return new Receipt(READ, null, upTo, by, null, group, null, ts);
    }

    /** This read marker as the reader's own devices and the archive get it when the reader shares no receipts. */
    public Receipt unshared() {
        return new Receipt(type, id, upTo, by, peer, group, device, ts, false);
    }

    /** True unless the reader keeps this read marker to itself (not named isShared: that would hide the field). */
    public boolean sharedWithOthers() {
        return !Boolean.FALSE.equals(shared);
    }

    @JsonIgnore
    public boolean isDelivered() {
        return DELIVERED.equals(type);
    }

    @JsonIgnore
    public boolean isRead() {
        return READ.equals(type);
    }
}
