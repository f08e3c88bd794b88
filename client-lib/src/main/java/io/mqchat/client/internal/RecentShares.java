package io.mqchat.client.internal;

import io.mqchat.client.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The images of live messages that reached this device lately. The media endpoint lets a recipient download an
 * image once the archive has recorded the message that shared it, and the archive records it beside delivery, not
 * before: a download right after the message arrived can find nothing yet (in the tests, about one such download in
 * three did). For these images a "not found" is worth asking again for a while; for any other it is the answer at
 * once. (Messages from the archive itself, caught up or paged, are recorded by definition.) Thread-safe.
 */
public final class RecentShares {

    /** Far beyond the archive's usual lag of milliseconds; the retries bound the wait for a real "not yours". */
    public static final Duration WINDOW = Duration.ofSeconds(30);
    private static final int CAPACITY = 256;

    private final Clock clock;
    private final Map<String, Long> receivedAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    public RecentShares(Clock clock) {
        this.clock = clock;
    }

    /** Notes the image of a live message as it is handed to the app. */
    public void handedOver(Message message) {
        if (message.image() != null && message.origin() == Message.Origin.LIVE) {
            synchronized (receivedAt) {
                receivedAt.put(message.image().id(), clock.millis());
            }
        }
    }

    /** True while the archive may not have recorded the message that shared image {@code mediaId} yet. */
    public boolean mayBeRecording(String mediaId) {
        Long at;
        synchronized (receivedAt) {
            at = receivedAt.get(mediaId);
        }
        return at != null && clock.millis() - at < WINDOW.toMillis();
    }
}
