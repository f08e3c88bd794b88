package io.mqchat.client.groups;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Group administration, from {@link io.mqchat.client.MqchatClient#groups()}. Every request completes with the
 * server's answer: the group as it is afterwards, or a {@link GroupRequestException} naming why not (or a
 * {@link java.util.concurrent.TimeoutException} when no answer came within the client's request timeout,
 * e.g. while offline for long). Changes, whoever made them, reach every member as {@link GroupEvent}s.
 *
 * <pre>{@code
 * Group trip = client.groups().create("Trip", "bob", "carol").join();
 * client.send(Conversation.group(trip.id()), "Hi all");
 * }</pre>
 */
public interface Groups {

    /** Creates a group with this user as its admin and {@code members} besides. */
    CompletableFuture<Group> create(String name, Collection<String> members);

    /** Creates a group with this user as its admin and {@code members} besides. */
    default CompletableFuture<Group> create(String name, String... members) {
        return create(name, List.of(members));
    }

    /** Adds members; admins only. */
    CompletableFuture<Group> add(String group, Collection<String> members);

    /** Adds members; admins only. */
    default CompletableFuture<Group> add(String group, String... members) {
        return add(group, List.of(members));
    }

    /** Removes members; admins only. */
    CompletableFuture<Group> remove(String group, Collection<String> members);

    /** Removes members; admins only. */
    default CompletableFuture<Group> remove(String group, String... members) {
        return remove(group, List.of(members));
    }

    /** This user leaves the group. */
    CompletableFuture<Void> leave(String group);

    /** Renames the group; admins only. */
    CompletableFuture<Group> rename(String group, String name);

    /** The group as the server has it now; members only. */
    CompletableFuture<Group> info(String group);

    /** Every group this user belongs to. */
    CompletableFuture<List<Group>> mine();

    /**
     * The group as this client last heard of it (from answers and events), without asking the server; empty
     * for a group it has not heard of or that this user left.
     */
    Optional<Group> known(String group);
}
