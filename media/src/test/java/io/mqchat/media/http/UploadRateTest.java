package io.mqchat.media.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mqchat.media.images.TestImages;
import io.mqchat.media.settings.MediaSettings;
import io.mqchat.media.settings.UploadRate;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 15, item 1: one user may start only so many uploads; past that, 429 with the time to wait. */
class UploadRateTest extends MediaEndpointTest {

    @Test
    void aUserOverItsUploadRateIsAnswered429WithRetryAfterAndOthersAreNot() {
        try (MediaHarness limited = new MediaHarness(mongo(), MediaSettings.defaults()
                .withUploadRate(new UploadRate(2, 3)))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(201, limited.upload(limited.token("alice"), TestImages.png(40, 30, i)).statusCode());
            }

            HttpResponse<String> refused = limited.upload(limited.token("alice"), TestImages.png(40, 30, 9));
            assertEquals(429, refused.statusCode(), refused.body());
            assertEquals("rate_limited", errorCode(refused));
            assertEquals("30", refused.headers().firstValue("Retry-After").orElseThrow(), "a token every 30 s");
            assertEquals(201, limited.upload(limited.token("bob"), TestImages.png(40, 30, 9)).statusCode(),
                    "bob has a bucket of his own");

            limited.clock().advance(Duration.ofSeconds(30));
            assertEquals(201, limited.upload(limited.token("alice"), TestImages.png(40, 30, 9)).statusCode(),
                    "after Retry-After, alice may upload again");
        }
    }
}
