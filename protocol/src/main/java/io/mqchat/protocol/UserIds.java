package io.mqchat.protocol;

/**
 * The syntax of user and device identifiers. Both become MQTT topic levels, so characters that carry
 * meaning in a topic ({@code / + # $}), whitespace and control characters are refused at the door.
 */
public final class UserIds {

    /** Longest accepted user id, in characters. */
    public static final int MAX_USER_ID_LENGTH = 64;
    /** Longest accepted device id, in characters. */
    public static final int MAX_DEVICE_ID_LENGTH = 64;

    private UserIds() {
    }

    /** True when {@code id} may name a user (and so a topic level). */
    public static boolean isValidUserId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_USER_ID_LENGTH && isTopicSafe(id);
    }

    /** True when {@code id} may name a device; device ids also exclude {@code :}, the user/device separator. */
    public static boolean isValidDeviceId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_DEVICE_ID_LENGTH && isTopicSafe(id)
                && id.indexOf(':') < 0;
    }

    private static boolean isTopicSafe(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '$' || Character.isWhitespace(c)
                    || Character.isISOControl(c) || Character.isSpaceChar(c) || c == '\uFFFD') {
                return false;
            }
        }
        return true;
    }
}
