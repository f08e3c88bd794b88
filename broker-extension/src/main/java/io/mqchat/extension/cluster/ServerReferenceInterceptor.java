package io.mqchat.extension.cluster;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.interceptor.connack.ConnackOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.connack.parameter.ConnackOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.connack.parameter.ConnackOutboundOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Puts the home node's address into the CONNACK of a redirected device (MQTT 5 server reference). The
 * authenticator refuses with USE_ANOTHER_SERVER and leaves the address on the connection; the reference can only
 * be set here. MQTT 3.1.1 has no reference: those devices see "server unavailable".
 */
public final class ServerReferenceInterceptor implements ConnackOutboundInterceptor {

    private static final String KEY = "mqchat.server-reference";

    /** Remembers where {@code connection}'s device should go instead. */
    public static void remember(ConnectionAttributeStore connection, String reference) {
        connection.put(KEY, ByteBuffer.wrap(reference.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void onOutboundConnack(ConnackOutboundInput input, ConnackOutboundOutput output) {
        input.getConnectionInformation().getConnectionAttributeStore().getAsString(KEY)
                .ifPresent(reference -> output.getConnackPacket().setServerReference(reference));
    }
}
