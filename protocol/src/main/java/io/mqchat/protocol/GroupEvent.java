package io.mqchat.protocol;

import java.util.List;

/**
 * A system message in a group conversation, on each member's {@code inbox}: membership or name changed.
 * Removed members get the event that removed them, and nothing after it.
 *
 * @param id      unique id of this event (receivers deduplicate by it, like messages)
 * @param group   the group
 * @param event   {@value #CREATED}, {@value #ADDED}, {@value #REMOVED}, {@value #LEFT} or {@value #RENAMED}
 * @param by      the user who made the change
 * @param members the users added or removed (for created: every member)
 * @param name    the group's name after the change
 * @param ts      server time in epoch milliseconds
 */
public record GroupEvent(String id, String group, String event, String by, List<String> members, String name,
                         long ts) implements Envelope {

    public static final String TYPE = "group_event";
    public static final String CREATED = "created";
    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String LEFT = "left";
    public static final String RENAMED = "renamed";

    public GroupEvent {
        members = members == null ? null : List.copyOf(members);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
