package io.mqchat.media.http;

/**
 * Entity tags of stored images: the SHA-256 of the bytes, so a tag never changes and is the same on every server.
 * Matching follows RFC 9110 section 13.1: weak comparison for {@code If-None-Match}, strong for {@code If-Range}.
 */
final class EntityTags {

    private EntityTags() {
    }

    static String of(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /** True when an {@code If-None-Match} header lists {@code etag} (or is {@code *}). */
    static boolean noneMatchHits(String header, String etag) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || stripWeak(tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** True when an {@code If-Range} header lets a range be served: absent, or exactly {@code etag}. */
    static boolean rangeStillValid(String header, String etag) {
        return header == null || header.trim().equals(etag);
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
