package io.mqchat.presence.store;

/**
 * The conversations whose notifications a user muted, on all of the user's devices, each until a time or until
 * unmuted: messages still arrive, only the push notification is left out. Every change is idempotent, so a request
 * applied twice (re-delivered after a crash) ends the same.
 *
 * <p>A conversation is named as {@link io.mqchat.presence.notify.Notification#conversationKey()} names it:
 * {@code u/{peer}} or {@code g/{group}}.
 *
 * @throws StoreUnavailableException from every method when the store cannot be reached
 */
public interface NotificationMutes {

    /** Mutes the conversation for {@code user} until {@code until} (epoch ms; null: until unmuted), replacing a mute. */
    void mute(String user, String conversationKey, Long until);

    /** Ends the user's mute of the conversation, if any. */
    void unmute(String user, String conversationKey);

    /** Whether the user's mute of the conversation lasts at {@code now} (epoch ms). */
    boolean isMuted(String user, String conversationKey, long now);
}
