package io.mqchat.extension.logs;

/**
 * Makes text that came from a stranger (a client id, a topic, a token's contents in a parser's error message) safe to
 * put in a log line: control characters, line and paragraph separators and invisible format characters (bidi
 * overrides, zero-width) are written as {@code \\uXXXX}, so nobody can start a forged log line or hide what a line
 * says, and long text is cut.
 */
public final class Printable {

    /** Longest text kept, in characters; the rest is cut and marked with {@code …}. */
    public static final int MAX_LENGTH = 200;

    private Printable() {
    }

    /** {@code untrusted} as it may appear in a log line; {@code null} stays {@code "null"}. */
    public static String of(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        boolean cut = untrusted.length() > MAX_LENGTH;
        String text = cut ? untrusted.substring(0, MAX_LENGTH) : untrusted;
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return cut ? out.append('…').toString() : out.toString();
    }

    private static boolean needsEscape(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || c == '\\';
    }
}
