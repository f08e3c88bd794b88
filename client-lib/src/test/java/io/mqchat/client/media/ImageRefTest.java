package io.mqchat.client.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageRefTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    @Test
    void theThumbnailCannotBeChangedFromOutside() {
        byte[] thumbnail = {1, 2, 3};
        ImageRef image = new ImageRef(SHA, "image/jpeg", 100, 4, 3, SHA, thumbnail);
        thumbnail[0] = 9;
        image.thumbnail().orElseThrow()[1] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, image.thumbnail().orElseThrow());
    }

    @Test
    void equalReferencesAreEqualThumbnailIncluded() {
        ImageRef image = new ImageRef(SHA, "image/jpeg", 100, 4, 3, SHA, new byte[] {1, 2});

        assertEquals(image, new ImageRef(SHA, "image/jpeg", 100, 4, 3, SHA, new byte[] {1, 2}));
        assertEquals(image.hashCode(), new ImageRef(SHA, "image/jpeg", 100, 4, 3, SHA, new byte[] {1, 2}).hashCode());
        assertNotEquals(image, new ImageRef(SHA, "image/jpeg", 100, 4, 3, SHA, new byte[] {1, 3}));
        assertEquals(Optional.empty(), new ImageRef(SHA, "image/jpeg", 100, 4, 3, SHA, new byte[0]).thumbnail());
    }

    @Test
    void itsTextNamesTheImageButNotItsBytes() {
        String text = new ImageRef(SHA, "image/jpeg", 100, 4, 3, SHA, new byte[] {42, 43}).toString();

        assertTrue(text.contains(SHA));
        assertTrue(text.contains("2 bytes"));
        assertFalse(text.contains("42"));
    }

    @Test
    void idsThatCouldLeaveTheDownloadPathAndMalformedHashesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ImageRef("../x", "image/png", 1, 1, 1, SHA, null));
        assertThrows(IllegalArgumentException.class, () -> new ImageRef("a/b", "image/png", 1, 1, 1, SHA, null));
        assertThrows(IllegalArgumentException.class, () -> new ImageRef(SHA, "image/png", 1, 1, 1, "ABC", null));
    }
}
