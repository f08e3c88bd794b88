package io.mqchat.protocol;

/**
 * What a user changes of its {@link UserSettings} (the {@code settings} of a history {@code settings} request);
 * a field left out stays as it is.
 *
 * @param readReceipts turns read receipts on or off
 * @param block        a user to block (kept once, however often blocked)
 * @param unblock      a user to unblock
 */
public record SettingsChange(Boolean readReceipts, String block, String unblock) {

    /** Only read receipts on or off. */
    public static SettingsChange readReceipts(boolean on) {
        return new SettingsChange(on, null, null);
    }

    /** Blocks {@code user}. */
    public static SettingsChange block(String user) {
        return new SettingsChange(null, user, null);
    }

    /** Unblocks {@code user}. */
    public static SettingsChange unblock(String user) {
        return new SettingsChange(null, null, user);
    }
}
