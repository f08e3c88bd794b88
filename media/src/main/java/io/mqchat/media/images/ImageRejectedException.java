package io.mqchat.media.images;

/** An upload that is not an image the endpoint accepts. */
public final class ImageRejectedException extends Exception {

    /** Why it was refused. */
    public enum Reason {
        /** Not JPEG, PNG, GIF or WebP, judged by the bytes. */
        UNSUPPORTED_TYPE,
        /** Its header claims more pixels than allowed: a decompression bomb, or simply too large. */
        TOO_MANY_PIXELS,
        /** Would cost more than allowed to decode: scans, memory or time. */
        TOO_COMPLEX,
        /** Starts like an image but cannot be decoded. */
        CORRUPT
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
