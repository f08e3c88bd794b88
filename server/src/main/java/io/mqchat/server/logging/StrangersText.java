package io.mqchat.server.logging;

/** The message part of every log line, made safe to print whatever text a stranger put into it. */
final class StrangersText {

    /** Control, line-separator and format characters (bidi overrides) but the tab become U+FFFD. */
    static final String MESSAGE = "%replace(%msg){'[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}&&[^\\t]]', '\uFFFD'}";

    private StrangersText() {
    }
}
