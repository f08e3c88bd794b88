package io.mqchat.protocol;

/**
 * A user's privacy settings, kept by the archive for all of the user's devices (history op {@code settings}).
 *
 * @param readReceipts false when the user keeps read receipts to itself: its devices send read markers with
 *                     {@code "shared":false} and show no one's READ receipts (as WhatsApp does); absent means on
 */
public record UserSettings(Boolean readReceipts) {

    /** What a user has before changing anything: read receipts on. */
    public static final UserSettings DEFAULTS = new UserSettings(true);

    /** True unless the user turned read receipts off. */
    public boolean sendsReadReceipts() {
        return !Boolean.FALSE.equals(readReceipts);
    }
}
