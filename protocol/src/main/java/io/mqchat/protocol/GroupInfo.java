package io.mqchat.protocol;

import java.util.List;

/**
 * A group as responses describe it.
 *
 * @param id      the group id
 * @param name    the group's name
 * @param admins  members who may add, remove and rename
 * @param members every current member, admins included
 * @param created epoch milliseconds of creation
 */
public record GroupInfo(String id, String name, List<String> admins, List<String> members, Long created) {

    public GroupInfo {
        admins = admins == null ? null : List.copyOf(admins);
        members = members == null ? null : List.copyOf(members);
    }
}
