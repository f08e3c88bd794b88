package io.mqchat.protocol;

import java.text.Normalizer;

/**
 * The syntax of user and device identifiers. Both become MQTT topic levels, so characters that carry
 * meaning in a topic ({@code / + # $}), whitespace and control characters are refused at the door, and so are ids
 * that would show as another id (invisible and bidi characters, text not in Unicode NFC).
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

    /**
     * No topic wildcards or {@code $}, no white space, control, format (zero-width, bidi), private-use or unassigned
     * characters and no lone surrogates, and in Unicode NFC: ids that render alike must not be different ids
     * (a zero-width space inside "bob", or a right-to-left override after it, would still show as "bob").
     */
    private static boolean isTopicSafe(String id) {
        if (!Normalizer.isNormalized(id, Normalizer.Form.NFC)) {
            return false;
        }
        for (int i = 0; i < id.length(); ) {
            int c = id.codePointAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '$' || Character.isWhitespace(c)
                    || Character.isISOControl(c) || Character.isSpaceChar(c) || c == '\uFFFD' || isInvisible(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }
}
