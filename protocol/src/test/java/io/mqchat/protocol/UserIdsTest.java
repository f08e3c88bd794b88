package io.mqchat.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserIdsTest {

    @Test
    void idsThatRenderLikeAnotherIdAreRefused() {
        List<String> lookAlikes = List.of("b\u200Bob", "bob\u202E", "\uFEFF", "\u2066bob", "bo\u00ADb", "bob\uE000",
                "bo\u0301b", "e\u0301", "bob\uDC00", "\u0378bob");
        for (String id : lookAlikes) {
            assertFalse(UserIds.isValidUserId(id), id);
            assertFalse(UserIds.isValidDeviceId(id), id);
        }
    }

    @Test
    void lettersOfEveryScriptAndEmojiInNfcAreAccepted() {
        for (String id : List.of("bob", "zo\u00EB", "\u540D\u524D", "\uD83D\uDE00", "bob-1_x.y@z", "\u00E9")) {
            assertTrue(UserIds.isValidUserId(id), id);
        }
    }

    @Test
    void wildcardsWhiteSpaceAndControlsAreRefusedAsBefore() {
        for (String id : List.of("bo/b", "bo+b", "bo#b", "$bob", "bo b", "bo\u0001b", "bo\u00A0b", "", "x".repeat(65))) {
            assertFalse(UserIds.isValidUserId(id), id);
        }
    }
}
