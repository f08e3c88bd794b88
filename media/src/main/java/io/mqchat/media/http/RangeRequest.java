package io.mqchat.media.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header asks of a representation of a known size (RFC 9110 section 14). One range is served;
 * a header this endpoint does not serve (several ranges, another unit, bad syntax) is ignored, as the RFC allows,
 * and the whole image is sent.
 */
sealed interface RangeRequest {

    /** No range, or one that is ignored: 200 with everything. */
    record Whole() implements RangeRequest {
    }

    /** Bytes {@code first} to {@code last}, both inclusive: 206. */
    record Part(long first, long last) implements RangeRequest {
        long length() {
            return last - first + 1;
        }
    }

    /** A range that starts past the end: 416. */
    record Unsatisfiable() implements RangeRequest {
    }

    Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** The request {@code header} (null when absent) makes of {@code size} bytes. */
    static RangeRequest parse(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header.trim().replace(" ", ""));
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(Math.max(0, size - suffix), size - 1);
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Part(first, Math.min(last, size - 1));
    }
}
