package io.mqchat.groups.store;

import java.util.List;
import java.util.Objects;

/**
 * A group as stored: one document per group, keyed (and, on a sharded cluster, sharded) by its id.
 *
 * @param id      the group id
 * @param name    the group's name
 * @param admins  members who may add, remove and rename; always members themselves
 * @param members every current member in joining order, admins included
 * @param created epoch milliseconds of creation
 * @param version incremented by every change; the guard of the store's compare-and-set updates
 */
public record Group(String id, String name, List<String> admins, List<String> members, long created,
                    long version) {

    public Group {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        admins = List.copyOf(admins);
        members = List.copyOf(members);
    }

    public boolean isMember(String user) {
        return members.contains(user);
    }

    public boolean isAdmin(String user) {
        return admins.contains(user);
    }
}
