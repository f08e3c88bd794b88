package io.mqchat.client.groups;

import java.util.Set;

/**
 * How far a group message this device sent has got: which members have it, which have read it. The
 * recipients are the group's members when the message was sent, except the sender; a member who read the
 * message counts as delivered too (nobody reads what did not reach them).
 *
 * @param messageId       the message
 * @param group           its group
 * @param recipients      who should get it; empty while {@link #recipientsKnown()} is false
 * @param recipientsKnown false until the client learned the group's members (it asks the server when it did
 *                        not know them at send time)
 * @param deliveredTo     members of whom at least one device acknowledged the message
 * @param readBy          members who read the group up to this message or a later one
 */
public record GroupMessageStatus(String messageId, String group, Set<String> recipients, boolean recipientsKnown,
                                 Set<String> deliveredTo, Set<String> readBy) {

    public GroupMessageStatus {
        recipients = Set.copyOf(recipients);
        deliveredTo = Set.copyOf(deliveredTo);
        readBy = Set.copyOf(readBy);
    }

    /** Every recipient has the message (two ticks in a group). */
    public boolean deliveredToAll() {
        return recipientsKnown && deliveredTo.containsAll(recipients);
    }

    /** Every recipient read the message (blue ticks in a group). */
    public boolean readByAll() {
        return recipientsKnown && readBy.containsAll(recipients);
    }
}
