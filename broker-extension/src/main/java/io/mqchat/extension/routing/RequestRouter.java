package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import io.mqchat.protocol.ProtocolException;

/** Carries out one kind of request: validates its payload and rewrites the publish to where it goes. */
interface RequestRouter {

    /** For a router with nothing the broker must store before the rewritten publish. */
    Routed NOTHING_FIRST = Routed.NOTHING_FIRST;

    /**
     * Routes the request.
     *
     * @return what the broker must have stored before the rewritten publish goes on, and whether it is delivered then
     */
    Routed route(Request request, PublishInboundOutput output, byte[] payload) throws ProtocolException;
}
