package io.mqchat.extension.auth;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;

/**
 * Remembers on a connection whether it belongs to a service account, so that later hooks (the client
 * initializer, lifecycle events) can tell workers from user devices without parsing the token again.
 */
public final class Roles {

    private static final String ATTRIBUTE = "mqchat.role";

    private Roles() {
    }

    static void markService(ConnectionInformation connection) {
        connection.getConnectionAttributeStore().putAsString(ATTRIBUTE, Identity.SERVICE_ROLE);
    }

    /** True when the connection authenticated with a service token. */
    public static boolean isService(ConnectionInformation connection) {
        return connection.getConnectionAttributeStore().getAsString(ATTRIBUTE)
                .filter(Identity.SERVICE_ROLE::equals).isPresent();
    }
}
