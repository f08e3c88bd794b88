package io.mqchat.client.groups;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A group as the server last described it.
 *
 * @param id      the group id; address the group with it
 * @param name    the group's name
 * @param admins  members who may add, remove and rename
 * @param members every member, admins included
 * @param created when the group was created (server time)
 */
public record Group(String id, String name, List<String> admins, List<String> members, Instant created) {

    public Group {
        Objects.requireNonNull(id, "id");
        admins = List.copyOf(admins);
        members = List.copyOf(members);
    }

    /** True when {@code user} belongs to the group. */
    public boolean hasMember(String user) {
        return members.contains(user);
    }

    /** True when {@code user} administers the group. */
    public boolean hasAdmin(String user) {
        return admins.contains(user);
    }
}
