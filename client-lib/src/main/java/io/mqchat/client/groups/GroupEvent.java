package io.mqchat.client.groups;

import java.time.Instant;
import java.util.List;

/**
 * A change of a group this user belongs to (or just left, or was removed from), as a system message in the
 * group conversation. Each event reaches the app once per device.
 *
 * @param id      unique id of the event
 * @param group   the group
 * @param kind    what changed
 * @param by      who changed it
 * @param members the users added, removed or who left; for {@link Kind#CREATED} every member; empty for a rename
 * @param name    the group's name after the change
 * @param at      when the server made the change (server time)
 */
public record GroupEvent(String id, String group, Kind kind, String by, List<String> members, String name,
                         Instant at) {

    /** What happened to the group. */
    public enum Kind {
        CREATED, ADDED, REMOVED, LEFT, RENAMED
    }

    public GroupEvent {
        members = List.copyOf(members);
    }
}
