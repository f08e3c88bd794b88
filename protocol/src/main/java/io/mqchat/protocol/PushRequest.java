package io.mqchat.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A device's push settings: it registers, replaces or removes its push token, or its user mutes or unmutes the
 * notifications of one conversation. A client publishes it to {@code req/push}; the extension checks it
 * ({@link Codec#decodePushRequest}), stamps {@code user}, {@code device} and {@code ts} and forwards it to the
 * presence-worker on the user's lane of {@link ServiceTopics#PRESENCE_EVENTS}, so a user's requests are applied in the
 * order they were sent.
 *
 * @param op       {@value #REGISTER} (also replaces the device's token), {@value #REMOVE}, {@value #MUTE} or
 *                 {@value #UNMUTE}
 * @param platform a {@link PushPlatform} wire name (register)
 * @param token    the push service's token for this app install (register), normalized by the platform
 * @param env      for APNs: {@value #SANDBOX} or {@value #PRODUCTION} (register; absent for FCM)
 * @param app      the APNs bundle id or the FCM app id the token belongs to (register)
 * @param style    how the device wants to be woken (register): {@value #ALERT} (the default: the phone shows the
 *                 notification) or {@value #SILENT} (a background push that only wakes the app, which fetches and
 *                 shows what it likes)
 * @param with     the peer of the 1-1 conversation to mute or unmute; or {@code group}
 * @param group    the group to mute or unmute; or {@code with}
 * @param until    mute: the end of the mute in epoch milliseconds; null for a mute until unmuted
 * @param user     the device's user, stamped by the server
 * @param device   the device, stamped by the server: a token belongs to one device
 * @param ts       server time in epoch milliseconds, stamped by the server
 */
public record PushRequest(String op, String platform, String token, String env, String app, String style,
                          String with, String group, Long until, String user, String device, Long ts)
        implements Envelope {

    public static final String TYPE = "push";
    public static final String REGISTER = "register";
    public static final String REMOVE = "remove";
    public static final String MUTE = "mute";
    public static final String UNMUTE = "unmute";
    public static final List<String> OPS = List.of(REGISTER, REMOVE, MUTE, UNMUTE);
    public static final String SANDBOX = "sandbox";
    public static final String PRODUCTION = "production";
    public static final String ALERT = "alert";
    public static final String SILENT = "silent";
    /** An app id: an APNs bundle id ({@code com.example.chat}) or an FCM app id ({@code 1:123:android:ab12}). */
    private static final Pattern APP = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    /** A registration of {@code token} for alert pushes; {@code env} only for APNs. */
    public static PushRequest register(PushPlatform platform, String token, String env, String app) {
        return register(platform, token, env, app, false);
    }

    /** A registration of {@code token}, for silent pushes when {@code silent}; {@code env} only for APNs. */
    public static PushRequest register(PushPlatform platform, String token, String env, String app, boolean silent) {
        return new PushRequest(REGISTER, platform.wireName(), platform.normalize(token), env, app,
                silent ? SILENT : null, null, null, null, null, null, null);
    }

    /** True when the device asked for silent pushes. */
    @JsonIgnore
    public boolean isSilent() {
        return SILENT.equals(style);
    }

    /** The removal of the device's token. */
    public static PushRequest remove() {
        return new PushRequest(REMOVE, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** No notifications of the 1-1 conversation with {@code peer} until {@code until} (null: until unmuted). */
    public static PushRequest muteWith(String peer, Long until) {
        return new PushRequest(MUTE, null, null, null, null, null, peer, null, until, null, null, null);
    }

    /** No notifications of {@code group} until {@code until} (null: until unmuted). */
    public static PushRequest muteGroup(String group, Long until) {
        return new PushRequest(MUTE, null, null, null, null, null, null, group, until, null, null, null);
    }

    /** Notifications of the 1-1 conversation with {@code peer} again. */
    public static PushRequest unmuteWith(String peer) {
        return new PushRequest(UNMUTE, null, null, null, null, null, peer, null, null, null, null, null);
    }

    /** Notifications of {@code group} again. */
    public static PushRequest unmuteGroup(String group) {
        return new PushRequest(UNMUTE, null, null, null, null, null, null, group, null, null, null, null);
    }

    /** True when {@code app} is 1-255 characters of {@code [A-Za-z0-9_.:-]}. */
    public static boolean isValidApp(String app) {
        return app != null && APP.matcher(app).matches();
    }

    /**
     * The conversation a mute names, as {@link #conversationKey(String, String)} writes it; null for a request about
     * tokens.
     */
    public String conversationKey() {
        return with == null && group == null ? null : conversationKey(with, group);
    }

    /**
     * How push settings and notifications name a conversation from its member's view: {@code g/{group}} for a
     * group, else {@code u/{peer}}. Mutes are stored under it and looked up by it, and apps get it in a push.
     */
    public static String conversationKey(String peer, String group) {
        return group != null ? "g/" + group : "u/" + peer;
    }

    /** This request as the server forwards it. */
    public PushRequest stamped(String user, String device, long ts) {
        return new PushRequest(op, platform, token, env, app, style, with, group, until, user, device, ts);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Without the token: a token in a log line would let anyone who reads it push to the device. */
    @Override
    public String toString() {
        return "PushRequest[op=" + op + ", platform=" + platform + ", env=" + env + ", app=" + app + ", style=" + style
                + ", with=" + with
                + ", group=" + group + ", until=" + until + ", user=" + user + ", device=" + device + ", ts=" + ts
                + "]";
    }
}
