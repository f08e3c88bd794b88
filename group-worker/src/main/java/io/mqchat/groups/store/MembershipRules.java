package io.mqchat.groups.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of membership changes, applied to a snapshot of a group: who may do what, the member limit, and
 * that a group never stays without an admin while it has members. Pure, so the checks are the same for every
 * store and the store only has to make the write conditional on the snapshot being current.
 */
final class MembershipRules {

    private final int maxMembers;

    MembershipRules(int maxMembers) {
        if (maxMembers < 2) {
            throw new IllegalArgumentException("a group needs room for at least 2 members: " + maxMembers);
        }
        this.maxMembers = maxMembers;
    }

    int maxMembers() {
        return maxMembers;
    }

    /** The members of a new group: the creator first, then the others without repeats; null when over the limit. */
    List<String> initialMembers(String creator, List<String> members) {
        Set<String> all = new LinkedHashSet<>();
        all.add(creator);
        all.addAll(members);
        return all.size() > maxMembers ? null : List.copyOf(all);
    }

    Step add(Group group, String by, List<String> users) {
        Step refused = requireAdmin(group, by);
        if (refused != null) {
            return refused;
        }
        List<String> newcomers = users.stream().distinct().filter(u -> !group.isMember(u)).toList();
        int room = maxMembers - group.members().size();
        if (newcomers.size() > room) {
            return Step.refuse(Refusal.LIMIT_REACHED, "the group has " + group.members().size() + " of at most "
                    + maxMembers + " members; " + newcomers.size() + " more do not fit");
        }
        List<String> members = new ArrayList<>(group.members());
        members.addAll(newcomers);
        return Step.to(withMembers(group, group.admins(), members), newcomers);
    }

    Step remove(Group group, String by, List<String> users) {
        Step refused = requireAdmin(group, by);
        return refused != null ? refused : without(group, users.stream().distinct().filter(group::isMember).toList());
    }

    Step leave(Group group, String user) {
        if (!group.isMember(user)) {
            return Step.refuse(Refusal.NOT_MEMBER, user + " is not a member of " + group.id());
        }
        return without(group, List.of(user));
    }

    Step rename(Group group, String by, String name) {
        Step refused = requireAdmin(group, by);
        if (refused != null) {
            return refused;
        }
        return Step.to(new Group(group.id(), name, group.admins(), group.members(), group.created(),
                group.version()), List.of());
    }

    private Step without(Group group, List<String> leaving) {
        List<String> members = new ArrayList<>(group.members());
        members.removeAll(leaving);
        List<String> admins = new ArrayList<>(group.admins());
        admins.removeAll(leaving);
        if (admins.isEmpty() && !members.isEmpty()) {
            // Like the big messengers: a group is never left without someone who can manage it.
            admins.add(members.get(0));
        }
        return Step.to(withMembers(group, admins, members), leaving);
    }

    private static Step requireAdmin(Group group, String by) {
        if (!group.isMember(by)) {
            return Step.refuse(Refusal.NOT_MEMBER, by + " is not a member of " + group.id());
        }
        if (!group.isAdmin(by)) {
            return Step.refuse(Refusal.NOT_ADMIN, by + " is not an admin of " + group.id());
        }
        return null;
    }

    private static Group withMembers(Group group, List<String> admins, List<String> members) {
        return new Group(group.id(), group.name(), admins, members, group.created(), group.version());
    }
}
