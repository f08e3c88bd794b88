package io.mqchat.client.push;

import io.mqchat.protocol.PushPlatform;
import io.mqchat.protocol.PushRequest;
import java.util.Objects;

/**
 * A push token of this app install, as the app got it from the platform (APNs' device token, FCM's registration
 * token), with what the server needs to use it: the platform, the app it belongs to and, for APNs, the environment.
 * Checked when made, by the same rules the server applies. Pushes to it are alerts the phone shows, unless the app
 * asks for {@link #silent() silent} ones. Immutable; {@link #toString()} never shows the token.
 */
public final class PushToken {

    private final PushPlatform platform;
    private final String token;
    private final String environment;
    private final String app;
    private final boolean silent;

    private PushToken(PushPlatform platform, String token, String environment, String app) {
        this(platform, token, environment, app, false);
    }

    private PushToken(PushPlatform platform, String token, String environment, String app, boolean silent) {
        Objects.requireNonNull(token, "token");
        if (!platform.isValidToken(token)) {
            throw new IllegalArgumentException("an " + platform.wireName() + " token is " + platform.tokenRule());
        }
        if (!PushRequest.isValidApp(app)) {
            throw new IllegalArgumentException("an app id is 1-255 characters of [A-Za-z0-9_.:-]: '" + app + "'");
        }
        this.platform = platform;
        this.token = platform.normalize(token);
        this.environment = environment;
        this.app = app;
        this.silent = silent;
    }

    /**
     * An APNs device token (hexadecimal, as the app's {@code didRegisterForRemoteNotificationsWithDeviceToken}
     * bytes are usually written) of the app with {@code bundleId}, for APNs' production environment.
     *
     * @throws IllegalArgumentException when the token is not 64-200 hex digits or the bundle id is malformed
     */
    public static PushToken apns(String token, String bundleId) {
        return new PushToken(PushPlatform.APNS, token, PushRequest.PRODUCTION, bundleId);
    }

    /**
     * An FCM registration token of the Firebase app {@code appId} (e.g. {@code 1:1234:android:ab12}).
     *
     * @throws IllegalArgumentException when the token or the app id is malformed
     */
    public static PushToken fcm(String token, String appId) {
        return new PushToken(PushPlatform.FCM, token, null, appId);
    }

    /**
     * This APNs token for APNs' sandbox (a development build of the app).
     *
     * @throws IllegalStateException for an FCM token, which has no environments
     */
    public PushToken inSandbox() {
        if (platform != PushPlatform.APNS) {
            throw new IllegalStateException("only APNs tokens have a sandbox");
        }
        return new PushToken(platform, token, PushRequest.SANDBOX, app, silent);
    }

    /**
     * This token for silent pushes: the server wakes the app (APNs background push, FCM data message) and shows
     * nothing; the app connects, fetches and shows what it likes (for example with text the server does not pass on).
     * The push carries the conversation, the sender, the message id, whether it mentions the user, and the unread
     * count. Apple delivers background pushes at low priority and may hold them back.
     */
    public PushToken silent() {
        return new PushToken(platform, token, environment, app, true);
    }

    /** True for a token registered for silent pushes. */
    public boolean isSilent() {
        return silent;
    }

    /** The token as the server stores it (APNs tokens in lower case). */
    public String token() {
        return token;
    }

    /** {@code apns} or {@code fcm}. */
    public String platform() {
        return platform.wireName();
    }

    /** For APNs {@code production} or {@code sandbox}; null for FCM. */
    public String environment() {
        return environment;
    }

    /** The bundle id (APNs) or Firebase app id (FCM). */
    public String app() {
        return app;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PushToken that && platform == that.platform && token.equals(that.token)
                && Objects.equals(environment, that.environment) && app.equals(that.app) && silent == that.silent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(platform, token, environment, app, silent);
    }

    /** Without the token: whoever reads a log line with it could push to the device. */
    @Override
    public String toString() {
        return "PushToken[platform=" + platform.wireName() + ", environment=" + environment + ", app=" + app
                + ", silent=" + silent + "]";
    }
}
