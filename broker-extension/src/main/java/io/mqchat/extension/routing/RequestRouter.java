package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import io.mqchat.protocol.ProtocolException;
import java.util.concurrent.CompletableFuture;

/** Carries out one kind of request: validates its payload and rewrites the publish to where it goes. */
interface RequestRouter {

    /** For a router with nothing the broker must store before the rewritten publish. */
    CompletableFuture<Void> NOTHING_FIRST = CompletableFuture.completedFuture(null);

    /**
     * Routes the request.
     *
     * @return what the broker must have stored before the rewritten publish goes on and the sender gets its
     *         acknowledgement (SENT): the copies the server publishes beside it (the archive's, the sender's other
     *         devices'), so that a crash can never leave a SENT message without them; {@link #NOTHING_FIRST} if none
     */
    CompletableFuture<Void> route(Request request, PublishInboundOutput output, byte[] payload) throws ProtocolException;
}
