package io.mqchat.presence.store;

import io.mqchat.protocol.Presence;

/**
 * A user's presence as the store holds it after a change.
 *
 * <p>{@code version} counts changes of what others may see (online, offline with a last seen time, hidden);
 * {@code publishedVersion} is the highest version known to be retained on the user's presence topic. While
 * {@code version > publishedVersion} the state still has to be published, which makes publishing survive a crash
 * between the store update and the publish (the redelivered event finds it unpublished).
 *
 * @param user             the user
 * @param online           true while any device of the user is connected
 * @param lastSeen         epoch milliseconds of the user's last known activity, null if never seen
 * @param privacy          who may see the state
 * @param since            epoch milliseconds of the change that produced {@code version}
 * @param version          see above; 0 for a user the store knows nothing about
 * @param publishedVersion see above
 */
public record UserPresence(String user, boolean online, Long lastSeen, Privacy privacy, long since, long version,
                           long publishedVersion) {

    /** True while this version has not been confirmed retained on the presence topic. */
    public boolean unpublished() {
        return version > publishedVersion;
    }

    /** What others see: the retained presence message, with privacy applied. */
    public Presence toPresence() {
        if (privacy == Privacy.NOBODY) {
            return Presence.hidden(user, since);
        }
        if (online) {
            return Presence.online(user, since);
        }
        return new Presence(user, false, lastSeen, null, since);
    }
}
