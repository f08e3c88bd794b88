package io.mqchat.client.internal;

import io.mqchat.client.groups.Group;
import io.mqchat.client.groups.GroupEvent;
import io.mqchat.protocol.GroupInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The groups this user belongs to, as this client last heard of them: from answers to its requests (and to
 * its other devices' requests, which arrive here too) and from the group events in the inbox. It exists so
 * that a sent group message knows its recipients without a round trip. Thread-safe.
 */
public final class GroupDirectory {

    private final String me;
    private final Map<String, Group> groups = new HashMap<>();

    public GroupDirectory(String me) {
        this.me = me;
    }

    public synchronized Optional<Group> find(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    /** The server described a group; keeps it while this user is a member. */
    public Group learn(GroupInfo info) {
        Group group = toGroup(info);
        synchronized (this) {
            if (group.hasMember(me)) {
                groups.put(group.id(), group);
            } else {
                groups.remove(group.id());
            }
        }
        return group;
    }

    /** This user left the group or was removed from it. */
    public synchronized void forget(String id) {
        groups.remove(id);
    }

    /**
     * Applies a change to a known group. A group first heard of through an event other than its creation is
     * left unknown: the event names only the change, not the whole membership.
     */
    public synchronized void apply(GroupEvent event) {
        Group known = groups.get(event.group());
        switch (event.kind()) {
            case CREATED -> groups.put(event.group(), new Group(event.group(), event.name(), List.of(event.by()),
                    withCreator(event), event.at()));
            case ADDED -> {
                if (known != null) {
                    List<String> members = new ArrayList<>(known.members());
                    event.members().stream().filter(m -> !members.contains(m)).forEach(members::add);
                    groups.put(known.id(), new Group(known.id(), known.name(), known.admins(), members, known.created()));
                }
            }
            case REMOVED, LEFT -> {
                List<String> gone = event.kind() == GroupEvent.Kind.LEFT && event.members().isEmpty()
                        ? List.of(event.by()) : event.members();
                if (gone.contains(me)) {
                    groups.remove(event.group());
                } else if (known != null) {
                    List<String> members = new ArrayList<>(known.members());
                    List<String> admins = new ArrayList<>(known.admins());
                    members.removeAll(gone);
                    admins.removeAll(gone);
                    groups.put(known.id(), new Group(known.id(), known.name(), admins, members, known.created()));
                }
            }
            case RENAMED -> {
                if (known != null) {
                    groups.put(known.id(), new Group(known.id(), event.name(), known.admins(), known.members(),
                            known.created()));
                }
            }
        }
    }

    private static List<String> withCreator(GroupEvent event) {
        List<String> members = new ArrayList<>(event.members());
        if (!members.contains(event.by())) {
            members.add(0, event.by());
        }
        return members;
    }

    static Group toGroup(GroupInfo info) {
        return new Group(info.id(), info.name() == null ? "" : info.name(),
                info.admins() == null ? List.of() : info.admins(),
                info.members() == null ? List.of() : info.members(),
                info.created() == null ? Instant.EPOCH : Instant.ofEpochMilli(info.created()));
    }
}
