package io.mqchat.client;

import io.mqchat.protocol.ErrorCode;
import java.util.Optional;

/** The server refused something this client asked for, naming why with a protocol error code. */
public abstract class RefusedException extends MqchatException {

    private final String wireCode;
    private final String detail;

    protected RefusedException(String message, String wireCode, String detail) {
        super(message);
        this.wireCode = wireCode;
        this.detail = detail;
    }

    /** The reason as the server named it. */
    public String wireCode() {
        return wireCode;
    }

    /** The server's explanation, without the code. */
    public String detail() {
        return detail;
    }

    /** The reason, when it is one this library knows; a newer server may send others. */
    public Optional<ErrorCode> code() {
        return ErrorCode.fromWireName(wireCode);
    }
}
