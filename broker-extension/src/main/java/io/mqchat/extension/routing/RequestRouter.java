package io.mqchat.extension.routing;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import io.mqchat.protocol.ProtocolException;

/** Carries out one kind of request: validates its payload and rewrites the publish to where it goes. */
interface RequestRouter {

    void route(Request request, PublishInboundOutput output, byte[] payload) throws ProtocolException;
}
