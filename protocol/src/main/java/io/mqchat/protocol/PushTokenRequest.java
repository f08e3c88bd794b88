package io.mqchat.protocol;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A device registers, replaces or removes its push token. A client publishes it to {@code req/push}; the extension
 * checks it ({@link Codec#decodePushTokenRequest}), stamps {@code user}, {@code device} and {@code ts} and forwards it
 * to the presence-worker on the user's lane of {@link ServiceTopics#PRESENCE_EVENTS}, so a user's requests are
 * applied in the order they were sent.
 *
 * @param op       {@value #REGISTER} (also replaces the device's token) or {@value #REMOVE}
 * @param platform a {@link PushPlatform} wire name (register)
 * @param token    the push service's token for this app install (register), normalized by the platform
 * @param env      for APNs: {@value #SANDBOX} or {@value #PRODUCTION} (register; absent for FCM)
 * @param app      the APNs bundle id or the FCM app id the token belongs to (register)
 * @param user     the device's user, stamped by the server
 * @param device   the device, stamped by the server: a token belongs to one device
 * @param ts       server time in epoch milliseconds, stamped by the server
 */
public record PushTokenRequest(String op, String platform, String token, String env, String app, String user,
                               String device, Long ts) implements Envelope {

    public static final String TYPE = "push_token";
    public static final String REGISTER = "register";
    public static final String REMOVE = "remove";
    public static final List<String> OPS = List.of(REGISTER, REMOVE);
    public static final String SANDBOX = "sandbox";
    public static final String PRODUCTION = "production";
    /** An app id: an APNs bundle id ({@code com.example.chat}) or an FCM app id ({@code 1:123:android:ab12}). */
    private static final Pattern APP = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    /** A registration of {@code token}; {@code env} only for APNs. */
    public static PushTokenRequest register(PushPlatform platform, String token, String env, String app) {
        return new PushTokenRequest(REGISTER, platform.wireName(), platform.normalize(token), env, app, null, null, null);
    }

    /** The removal of the device's token. */
    public static PushTokenRequest remove() {
        return new PushTokenRequest(REMOVE, null, null, null, null, null, null, null);
    }

    /** True when {@code app} is 1-255 characters of {@code [A-Za-z0-9_.:-]}. */
    public static boolean isValidApp(String app) {
        return app != null && APP.matcher(app).matches();
    }

    /** This request as the server forwards it. */
    public PushTokenRequest stamped(String user, String device, long ts) {
        return new PushTokenRequest(op, platform, token, env, app, user, device, ts);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Without the token: a token in a log line would let anyone who reads it push to the device. */
    @Override
    public String toString() {
        return "PushTokenRequest[op=" + op + ", platform=" + platform + ", env=" + env + ", app=" + app
                + ", user=" + user + ", device=" + device + ", ts=" + ts + "]";
    }
}
