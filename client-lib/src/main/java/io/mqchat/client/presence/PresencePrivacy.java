package io.mqchat.client.presence;

/** Who may see this user's presence (online, last seen). */
public enum PresencePrivacy {
    /** Every user; the default. */
    EVERYONE("everyone"),
    /** Nobody: every user sees this user as hidden. */
    NOBODY("nobody");

    private final String wireName;

    PresencePrivacy(String wireName) {
        this.wireName = wireName;
    }

    /** The setting as the protocol names it. */
    public String wireName() {
        return wireName;
    }
}
