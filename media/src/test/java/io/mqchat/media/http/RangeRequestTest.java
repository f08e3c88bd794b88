package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RangeRequestTest {

    private static RangeRequest of(String header) {
        return RangeRequest.parse(header, 1000);
    }

    @Test
    void oneRangeIsServedClampedToTheEnd() {
        assertEquals(new RangeRequest.Part(0, 99), of("bytes=0-99"));
        assertEquals(new RangeRequest.Part(500, 999), of("bytes=500-"));
        assertEquals(new RangeRequest.Part(900, 999), of("bytes=-100"));
        assertEquals(new RangeRequest.Part(0, 999), of("bytes=-5000"), "a suffix longer than the image is all of it");
        assertEquals(new RangeRequest.Part(990, 999), of("bytes=990-2000"));
        assertEquals(new RangeRequest.Part(999, 999), of("bytes=999-999"));
    }

    @Test
    void aRangePastTheEndIsUnsatisfiable() {
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=1000-"));
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=5000-6000"));
        assertEquals(new RangeRequest.Unsatisfiable(), of("bytes=-0"));
    }

    @Test
    void whatIsNotOneValidByteRangeIsIgnored() {
        assertEquals(new RangeRequest.Whole(), of(null));
        assertEquals(new RangeRequest.Whole(), of("bytes=0-9,20-29"), "several ranges: the whole image");
        assertEquals(new RangeRequest.Whole(), of("items=0-9"));
        assertEquals(new RangeRequest.Whole(), of("bytes=9-0"));
        assertEquals(new RangeRequest.Whole(), of("bytes=-"));
        assertEquals(new RangeRequest.Whole(), of("bytes=abc"));
        assertEquals(new RangeRequest.Whole(), of("bytes=99999999999999999999-"), "a number too long to be a size");
    }

    @Test
    void entityTagsMatchAsTheRfcSays() {
        String etag = EntityTags.of("ab");
        assertEquals("\"ab\"", etag);
        assertTrue(EntityTags.noneMatchHits("\"ab\"", etag));
        assertTrue(EntityTags.noneMatchHits("\"x\", W/\"ab\"", etag), "weak comparison");
        assertTrue(EntityTags.noneMatchHits("*", etag));
        assertFalse(EntityTags.noneMatchHits("\"abc\"", etag));
        assertFalse(EntityTags.noneMatchHits(null, etag));
        assertTrue(EntityTags.rangeStillValid(null, etag));
        assertTrue(EntityTags.rangeStillValid("\"ab\"", etag));
        assertFalse(EntityTags.rangeStillValid("W/\"ab\"", etag), "strong comparison");
        assertFalse(EntityTags.rangeStillValid("Wed, 21 Oct 2015 07:28:00 GMT", etag), "dates: we have none");
    }
}
