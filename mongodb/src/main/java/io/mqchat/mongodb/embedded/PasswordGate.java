package io.mqchat.mongodb.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The embedded store's authentication: mongo-java-server has none, so this gate lets a connection run commands only
 * after it proved the store's password with SASL PLAIN ({@code authMechanism=PLAIN}, which the MongoDB driver speaks
 * without any server support for SCRAM). Until then it may only say hello (the driver's handshake and monitoring)
 * and ping, which show no data.
 */
final class PasswordGate {

    /** The one user name the store knows. */
    static final String USER = "mqchat";
    private static final AttributeKey<Boolean> AUTHENTICATED = AttributeKey.valueOf("mqchat.store.authenticated");
    private static final Set<String> OPEN_COMMANDS = Set.of("ismaster", "hello", "ping");
    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;

    private final byte[] password;

    PasswordGate(String password) {
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Lets {@code command} through (null), answers it (saslStart), or refuses it.
     *
     * @throws MongoServerError Unauthorized for anything but the handshake on an unauthenticated connection,
     *                          AuthenticationFailed for a wrong password or mechanism
     */
    Document check(Channel channel, String command, Document query) {
        if (command.equals("saslStart")) {
            return authenticate(channel, query);
        }
        if (!isAuthenticated(channel) && !OPEN_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "command " + command + " requires authentication");
        }
        return null;
    }

    /** @throws MongoServerError Unauthorized unless the connection authenticated */
    void requireAuthenticated(Channel channel) {
        if (!isAuthenticated(channel)) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "queries require authentication");
        }
    }

    private static boolean isAuthenticated(Channel channel) {
        return Boolean.TRUE.equals(channel.attr(AUTHENTICATED).get());
    }

    // PLAIN (RFC 4616): one message "authzid NUL user NUL password"; the driver sends an empty authzid.
    private Document authenticate(Channel channel, Document query) {
        if (!"PLAIN".equals(query.get("mechanism")) || !(query.get("payload") instanceof BinData payload)) {
            throw new MongoServerError(AUTHENTICATION_FAILED, "AuthenticationFailed", "only PLAIN is supported");
        }
        byte[] message = payload.getData();
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (second < 0
                || !USER.equals(new String(message, first + 1, second - first - 1, StandardCharsets.UTF_8))
                || !MessageDigest.isEqual(password, Arrays.copyOfRange(message, second + 1, message.length))) {
            throw new MongoServerError(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed.");
        }
        channel.attr(AUTHENTICATED).set(Boolean.TRUE);
        return new Document("conversationId", 1).append("done", Boolean.TRUE)
                .append("payload", new BinData(new byte[0])).append("ok", 1.0);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
