package io.mqchat.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.client.SendRejectedException;
import io.mqchat.protocol.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishRefusalsTest {

    @Test
    void theWireErrorCodeIsReadFromTheReasonString() {
        SendRejectedException rejected = PublishRefusals.rejection("m1", "topic_name_invalid",
                "invalid_recipient: 'b b' is not a valid user id");

        assertEquals("m1", rejected.messageId());
        assertEquals(Optional.of(ErrorCode.INVALID_RECIPIENT), rejected.code());
        assertEquals("invalid_recipient: 'b b' is not a valid user id", rejected.getMessage());
    }

    @Test
    void anUnknownWireCodeIsKeptButNotMapped() {
        SendRejectedException rejected = PublishRefusals.rejection("m1", "payload_format_invalid",
                "from_the_future: slow down");

        assertEquals("from_the_future", rejected.wireCode());
        assertEquals(Optional.empty(), rejected.code());
    }

    @Test
    void withoutAWireCodeTheMqttReasonCodeNamesTheRefusal() {
        SendRejectedException rejected = PublishRefusals.rejection("m1", "not_authorized", null);

        assertEquals("not_authorized", rejected.wireCode());
        assertEquals(Optional.empty(), rejected.code());
    }
}
