package io.mqchat.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A push service a device's token belongs to, and what a token of it looks like. The limits are loose enough for the
 * token formats each service documents may change (Apple warns that token lengths vary) and tight enough that a
 * token can never smuggle a separator, a path or a kilobytes-long payload into the store or a later push request.
 */
public enum PushPlatform {
    /** Apple Push Notification service: the device token as hex digits, 64 (32 bytes today) to 200. */
    APNS("apns", Pattern.compile("[0-9A-Fa-f]{64,200}"), "64-200 hex digits"),
    /** Firebase Cloud Messaging: a registration token, 1-4096 characters of {@code [A-Za-z0-9_:.-]}. */
    FCM("fcm", Pattern.compile("[A-Za-z0-9_:.-]{1,4096}"), "1-4096 characters of [A-Za-z0-9_:.-]");

    private final String wireName;
    private final Pattern tokenSyntax;
    private final String tokenRule;

    PushPlatform(String wireName, Pattern tokenSyntax, String tokenRule) {
        this.wireName = wireName;
        this.tokenSyntax = tokenSyntax;
        this.tokenRule = tokenRule;
    }

    public String wireName() {
        return wireName;
    }

    /** The platform with this wire name; empty for one this version does not know. */
    public static Optional<PushPlatform> fromWireName(String name) {
        for (PushPlatform platform : values()) {
            if (platform.wireName.equals(name)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }

    /** True when {@code token} has this platform's syntax. */
    public boolean isValidToken(String token) {
        return token != null && tokenSyntax.matcher(token).matches();
    }

    /** The syntax of a token, for an error message. */
    public String tokenRule() {
        return tokenRule;
    }

    /**
     * The token as stored: APNs tokens in lower case, so that the same device's token written in either case is one
     * token; other tokens as given (FCM tokens are case-sensitive).
     */
    public String normalize(String token) {
        return this == APNS ? token.toLowerCase(Locale.ROOT) : token;
    }
}
