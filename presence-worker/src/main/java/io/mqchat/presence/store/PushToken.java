package io.mqchat.presence.store;

import io.mqchat.protocol.PushPlatform;

/**
 * A device's push token: what a push service needs to reach the app on that device, and nothing else.
 *
 * @param device       the device of the user it belongs to
 * @param platform     the push service
 * @param token        the push service's token (never to be logged)
 * @param env          APNs only: {@code sandbox} or {@code production}; null for FCM
 * @param app          the APNs bundle id or the FCM app id
 * @param registeredAt when the device registered it, epoch milliseconds: lets a later cleanup drop tokens unused for
 *                     months, as FCM advises
 * @param silent       whether the app asked for silent pushes (wake the app, show nothing) rather than alerts
 */
public record PushToken(String device, PushPlatform platform, String token, String env, String app,
                        long registeredAt, boolean silent) {

    /** A token for alert pushes. */
    public PushToken(String device, PushPlatform platform, String token, String env, String app, long registeredAt) {
        this(device, platform, token, env, app, registeredAt, false);
    }

    /** Without the token, which no log may show. */
    @Override
    public String toString() {
        return "PushToken[device=" + device + ", platform=" + platform.wireName() + ", env=" + env + ", app=" + app
                + ", registeredAt=" + registeredAt + ", silent=" + silent + "]";
    }
}
