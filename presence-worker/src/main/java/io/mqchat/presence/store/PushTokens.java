package io.mqchat.presence.store;

import io.mqchat.protocol.PushPlatform;
import java.util.List;

/**
 * The push tokens of users' devices: at most one per device, and a token belongs to one device only (an app
 * reinstalled for another user, or a phone passed on, registers the same token again: it then stops reaching the
 * previous owner). Every change is idempotent, so a request applied twice (re-delivered after a crash) ends the same.
 *
 * @throws StoreUnavailableException from every method when the store cannot be reached
 */
public interface PushTokens {

    /** Registers {@code token} for its device of {@code user}, replacing the device's previous token. */
    void register(String user, PushToken token);

    /** Forgets the token of {@code device} of {@code user}, if it has one. */
    void remove(String user, String device);

    /** The tokens of {@code user}'s devices, ordered by device; empty for a user without any. */
    List<PushToken> tokensOf(String user);

    /**
     * Forgets {@code token} of {@code platform} wherever it is registered (the push service answered that it is no
     * longer valid); false when it is registered nowhere.
     */
    boolean removeToken(PushPlatform platform, String token);
}
