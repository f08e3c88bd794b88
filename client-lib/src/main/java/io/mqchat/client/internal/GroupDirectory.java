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
    /** Per group and member, the time of the newest addition or removal applied. */
    private final Map<String, Map<String, Instant>> memberChanges = new HashMap<>();

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
        memberChanges.remove(id);
    }

    /**
     * Applies a change to a known group and returns it as applied: without the members whose membership changed
     * later than it, empty when none is left. A group first heard of through an event other than its creation is
     * left unknown: the event names only the change, not the whole membership.
     */
    public synchronized Optional<GroupEvent> apply(GroupEvent event) {
        Group known = groups.get(event.group());
        if (event.kind() == GroupEvent.Kind.ADDED || event.kind() == GroupEvent.Kind.REMOVED
                || event.kind() == GroupEvent.Kind.LEFT) {
            event = newerOnly(event);
            if (event == null) {
                return Optional.empty();
            }
        }
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
        return Optional.of(event);
    }

    /**
     * The event without the members whose membership changed later than it: a request the server handles again
     * (after a worker restart) is announced again with its first time, and must not undo a later change to a device
     * that missed the first announcement. Null when nothing of it is left.
     */
    private GroupEvent newerOnly(GroupEvent event) {
        List<String> named = event.kind() == GroupEvent.Kind.LEFT && event.members().isEmpty()
                ? List.of(event.by()) : event.members();
        Map<String, Instant> changes = memberChanges.computeIfAbsent(event.group(), id -> new HashMap<>());
        List<String> current = new ArrayList<>();
        for (String member : named) {
            Instant last = changes.get(member);
            if (last == null || !event.at().isBefore(last)) {
                changes.put(member, event.at());
                current.add(member);
            }
        }
        if (current.isEmpty()) {
            return null;
        }
        return current.size() == named.size() ? event
                : new GroupEvent(event.id(), event.group(), event.kind(), event.by(), current, event.name(), event.at());
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
