package io.mqchat.privacy;

import io.mqchat.protocol.SettingsChange;
import io.mqchat.protocol.UserSettings;
import java.util.Collection;
import java.util.Set;

/**
 * Each user's privacy settings: whether it shares read receipts, and whom it blocked. The archive keeps and answers
 * them (history op {@code settings}); the group-worker asks who blocked an inviter. Every method throws
 * {@link PrivacyUnavailableException} when the store cannot be reached.
 */
public interface PrivacyStore {

    /** {@code user}'s settings; {@link UserSettings#DEFAULTS} until it changed one. */
    UserSettings settings(String user);

    /**
     * Applies {@code change} (the fields it sets) to {@code user}'s settings and returns them as they now stand.
     * Blocking a user already blocked, or unblocking one that is not, changes nothing.
     *
     * @throws TooManyBlockedException when the change would block more than {@link UserSettings#MAX_BLOCKED} users
     */
    UserSettings change(String user, SettingsChange change, long now);

    /** Which of {@code users} blocked {@code user}. */
    Set<String> blockedBy(String user, Collection<String> users);
}
