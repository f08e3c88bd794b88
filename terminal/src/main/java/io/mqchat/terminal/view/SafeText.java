package io.mqchat.terminal.view;

import java.util.regex.Pattern;

/**
 * Text from others, made safe to print: a message could otherwise carry escape sequences that move the cursor,
 * retitle the window or forge a line of its own (a newline, then "✓✓ delivered ..."). Control, format and line
 * separator characters become U+FFFD, as in the server's log.
 */
public final class SafeText {

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private SafeText() {
    }

    /** {@code text} with every character that could control the terminal replaced; "" for null. */
    public static String of(String text) {
        return text == null ? "" : UNSAFE.matcher(text).replaceAll("\uFFFD");
    }
}
