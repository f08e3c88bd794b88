package io.mqchat.protocol;

import java.util.List;

/**
 * A user's privacy settings, kept by the archive for all of the user's devices (history op {@code settings}).
 *
 * @param readReceipts false when the user keeps read receipts to itself: its devices send read markers with
 *                     {@code "shared":false} and show no one's READ receipts (as WhatsApp does); absent means on
 * @param blocked      the users this user blocked, oldest block first: their 1-1 messages, typing, presence and group
 *                     invitations no longer reach it; absent means none
 */
public record UserSettings(Boolean readReceipts, List<String> blocked) {

    /** What a user has before changing anything: read receipts on, nobody blocked. */
    public static final UserSettings DEFAULTS = new UserSettings(true, List.of());

    /** The most users one user may block: the broker keeps every list of its users in memory. */
    public static final int MAX_BLOCKED = 1000;

    public UserSettings {
        blocked = blocked == null ? List.of() : List.copyOf(blocked);
    }

    /** Settings with nobody blocked. */
    public UserSettings(Boolean readReceipts) {
        this(readReceipts, List.of());
    }

    /** True unless the user turned read receipts off. */
    public boolean sendsReadReceipts() {
        return !Boolean.FALSE.equals(readReceipts);
    }

    /** True when this user blocked {@code user}. */
    public boolean blocks(String user) {
        return blocked.contains(user);
    }
}
