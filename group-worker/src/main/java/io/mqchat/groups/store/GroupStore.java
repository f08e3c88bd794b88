package io.mqchat.groups.store;

import java.util.List;
import java.util.Optional;

/**
 * Groups and their membership. Every change touches exactly one group and is atomic; two workers changing the
 * same group at once never lose either change. Changes are idempotent per {@code requestId}: a request delivered
 * again after a crash reports the first run's outcome as {@linkplain ChangeResult.Changed#replayed() replayed}
 * instead of applying twice, with the time the first run gave it.
 *
 * <p>A change is timed {@code now}, or just after the group's previous change when that is later (another
 * worker's clock ran ahead), so a group's changes are ordered by their time.
 *
 * <p>Every method throws {@link StoreUnavailableException} when the store cannot be reached.
 */
public interface GroupStore {

    /** Creates a group whose only admin is {@code creator} and whose members are the creator and {@code members}. */
    ChangeResult create(String groupId, String name, String creator, List<String> members, long now,
                        String requestId);

    /** Admin {@code by} adds {@code users}; users who already are members are left as they are. */
    ChangeResult add(String groupId, String by, List<String> users, long now, String requestId);

    /** Admin {@code by} removes {@code users} (possibly including itself); non-members are ignored. */
    ChangeResult remove(String groupId, String by, List<String> users, long now, String requestId);

    /** Member {@code user} leaves. When the last admin leaves, the longest-standing member becomes admin. */
    ChangeResult leave(String groupId, String user, long now, String requestId);

    /** Admin {@code by} renames the group. */
    ChangeResult rename(String groupId, String by, String name, long now, String requestId);

    /** The group, if it exists. */
    Optional<Group> find(String groupId);

    /** The groups {@code user} is a member of, oldest first. */
    List<Group> groupsOf(String user);
}
