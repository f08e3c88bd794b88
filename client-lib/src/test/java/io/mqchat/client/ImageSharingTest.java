package io.mqchat.client;

import static io.mqchat.client.TestDevice.failureOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import io.mqchat.client.groups.Group;
import io.mqchat.client.media.ImageOptions;
import io.mqchat.client.media.ImageRef;
import io.mqchat.client.media.MediaNotFoundException;
import io.mqchat.client.media.MediaRejectedException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image sharing end to end (issue 6, acceptance 1): the client uploads to the real media endpoint, sends the image
 * message through the broker (and for groups the group-worker), the archive records it and authorizes downloads.
 * Recipients see the thumbnail at once and download the very bytes sent; nobody else can.
 */
class ImageSharingTest {

    @TempDir
    static Path folder;

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start(folder).withGroups().withArchive().withMedia();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void bobGetsAlicesPngWithAThumbnailAndDownloadsTheSameBytesButMalloryCannot() {
        byte[] png = image("png", 800, 600, 1);
        List<long[]> progress = new CopyOnWriteArrayList<>();
        try (TestDevice alice = online("alice1");
             TestDevice bob = online("bob1");
             TestDevice mallory = online("mallory1")) {

            SentMessage sent = TestDevice.await(alice.client.sendImage(Conversation.with("bob1"), png,
                    ImageOptions.none().withCaption("the view").withProgress((done, total) ->
                            progress.add(new long[] {done, total}))));

            assertEquals("the view", sent.text());
            assertEquals(sha256(png), sent.image().sha256());
            assertEquals(png.length, sent.image().size());
            long[] last = progress.get(progress.size() - 1);
            assertEquals(List.of((long) png.length, (long) png.length), List.of(last[0], last[1]),
                    "the upload's progress reaches the full size");

            Message received = bob.messages.next();
            assertEquals(sent.id(), received.id());
            assertTrue(received.isImage());
            assertEquals("the view", received.text());
            assertEquals(Conversation.with("alice1"), received.conversation());
            ImageRef image = received.image();
            assertEquals(sent.image(), image);
            assertEquals("image/png", image.contentType());
            assertEquals(List.of(800, 600), List.of(image.width(), image.height()));
            assertThumbnail(image);

            // At once, as an app showing it would: the archive records the message beside delivery, not before.
            byte[] downloaded = TestDevice.await(bob.client.downloadMedia(image));

            assertEquals(sha256(png), sha256(downloaded));
            assertArrayEquals(png, downloaded);
            assertArrayEquals(png, TestDevice.await(alice.client.downloadMedia(sent.image())),
                    "the sender's other devices download it too");
            assertInstanceOf(MediaNotFoundException.class, failureOf(mallory.client.downloadMedia(image)),
                    "Mallory, outside the conversation, knows the reference but cannot download the image");

            Message inHistory = TestDevice.await(bob.client.history(Conversation.with("alice1")).fetch()).messages()
                    .get(0);
            assertEquals(image, inHistory.image(), "a new device finds the image in the conversation's history");
            assertEquals("the view", inHistory.text());
        }
    }

    @Test
    void everyGroupMemberGetsAJpegFromAFileAndDownloadsTheSameBytesButMalloryCannot() throws IOException {
        Path file = folder.resolve("photo.jpg");
        Files.write(file, image("jpg", 1024, 768, 2));
        byte[] original = Files.readAllBytes(file);
        try (TestDevice alice = online("alice2");
             TestDevice bob = online("bob2");
             TestDevice carol = online("carol2");
             TestDevice mallory = online("mallory2")) {
            Group trip = TestDevice.await(alice.client.groups().create("Trip", "bob2", "carol2"));
            Conversation group = Conversation.group(trip.id());

            SentMessage sent = TestDevice.await(alice.client.sendImage(group, file));

            assertEquals(group, sent.conversation());
            assertNull(sent.text(), "no caption");
            for (TestDevice member : List.of(bob, carol)) {
                Message received = member.messages.next();
                assertEquals(sent.id(), received.id());
                assertEquals(group, received.conversation());
                assertEquals("alice2", received.from());
                assertEquals("image/jpeg", received.image().contentType());
                assertThumbnail(received.image());

                byte[] downloaded = TestDevice.await(member.client.downloadMedia(received.image()));

                assertEquals(sha256(original), sha256(downloaded));
            }
            assertInstanceOf(MediaNotFoundException.class, failureOf(mallory.client.downloadMedia(sent.image())));
        }
    }

    @Test
    void bobForwardsAlicesImageAndTextToCarolWhoDownloadsTheImageThoughNobodyUploadedItAgain() {
        byte[] png = image("png", 320, 240, 7);
        try (TestDevice alice = online("alice9");
             TestDevice bob = online("bob9");
             TestDevice carol = online("carol9")) {
            TestDevice.await(alice.client.sendImage(Conversation.with("bob9"), png,
                    ImageOptions.none().withCaption("our street")));
            alice.send("bob9", "nice, isn't it?");
            Message photo = bob.messages.next();
            Message words = bob.messages.next();

            TestDevice.await(bob.client.forward(photo, Conversation.with("carol9")));
            TestDevice.await(bob.client.forward(words, Conversation.with("carol9")));

            Message forwardedPhoto = carol.messages.next();
            assertTrue(forwardedPhoto.forwarded());
            assertEquals("bob9", forwardedPhoto.from());
            assertEquals("our street", forwardedPhoto.text());
            assertEquals(photo.image(), forwardedPhoto.image());
            assertArrayEquals(png, TestDevice.await(carol.client.downloadMedia(forwardedPhoto.image())));
            Message forwardedWords = carol.messages.next();
            assertTrue(forwardedWords.forwarded());
            assertEquals("nice, isn't it?", forwardedWords.text());
            assertFalse(photo.forwarded(), "the original is not");
        }
    }

    @Test
    void sendingTheSameImageTwiceStoresItOnce() {
        byte[] png = image("png", 320, 200, 3);
        try (TestDevice alice = online("alice3");
             TestDevice bob = online("bob3")) {
            SentMessage first = TestDevice.await(alice.client.sendImage(Conversation.with("bob3"), png));
            SentMessage second = TestDevice.await(alice.client.sendImage(Conversation.with("bob3"), png));

            assertEquals(first.image().id(), second.image().id());
            assertEquals(1, storedCopies(first.image()));
            assertEquals(List.of(first.id(), second.id()), bob.messages.next(2).stream().map(Message::id).toList(),
                    "two messages that share one image");
        }
    }

    @Test
    void anUploadCutOffByTheNetworkIsRetriedAndTheImageStoredOnce() {
        byte[] png = image("png", 640, 480, 4);
        List<Long> progress = new CopyOnWriteArrayList<>();
        try (FlakyNetwork network = FlakyNetwork.cuttingFirst(1, backend.mediaUri());
             TestDevice alice = TestDevice.online(backend.broker(), "alice4", "phone",
                     builder -> builder.mediaUri(network.uri()));
             TestDevice bob = online("bob4")) {

            SentMessage sent = TestDevice.await(alice.client.sendImage(Conversation.with("bob4"), png,
                    ImageOptions.none().withProgress((done, total) -> progress.add(done))));

            assertEquals(2, network.connections(), "the first attempt was cut, the second went through");
            assertEquals(2, progress.stream().filter(done -> done == 0).count(), "progress starts over on a retry");
            assertEquals(png.length, progress.get(progress.size() - 1));
            assertEquals(1, storedCopies(sent.image()));
            Message received = bob.messages.next();
            assertArrayEquals(png, TestDevice.await(bob.client.downloadMedia(received.image())));
        }
    }

    @Test
    void bytesThatAreNoImageAndMissingFilesAreRefusedAndNothingIsSent() {
        try (TestDevice alice = online("alice5");
             TestDevice bob = online("bob5")) {
            MediaRejectedException refused = assertInstanceOf(MediaRejectedException.class,
                    failureOf(alice.client.sendImage(Conversation.with("bob5"), "not an image".getBytes())));

            assertEquals(415, refused.status());
            assertEquals("unsupported_type", refused.wireCode());
            assertInstanceOf(UncheckedIOException.class,
                    failureOf(alice.client.sendImage(Conversation.with("bob5"), folder.resolve("missing.png"))));
            // Had the refused image been sent, it would reach Bob before this.
            SentMessage text = alice.send("bob5", "after the refusal");
            assertEquals(text.id(), bob.messages.next().id());
        }
    }

    @Test
    void anImageSentWhileTheTimerIsOnDisappearsLikeText() {
        try (TestDevice alice = online("alice6");
             TestDevice bob = online("bob6")) {
            Conversation withBob = Conversation.with("bob6");
            TestDevice.await(alice.client.setDisappearing(withBob, Duration.ofDays(1)));

            SentMessage sent = TestDevice.await(alice.client.sendImage(withBob, image("png", 100, 100, 5)));

            assertNotNull(sent.expiresAt());
            assertTrue(bob.messages.next().isTimerChange());
            Message received = bob.messages.next();
            assertEquals(sent.id(), received.id());
            assertEquals(received.sentAt().plus(Duration.ofDays(1)), received.expiresAt());
        }
    }

    private static TestDevice online(String user) {
        return TestDevice.online(backend.broker(), user, "phone", builder -> builder.mediaUri(backend.mediaUri()));
    }

    /** The thumbnail is a JPEG image of at most 320 pixels a side. */
    private static void assertThumbnail(ImageRef image) {
        byte[] thumbnail = image.thumbnail().orElseThrow();
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail));
            assertNotNull(decoded, "the thumbnail decodes as an image");
            assertTrue(Math.max(decoded.getWidth(), decoded.getHeight()) <= 320);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GridFS files holding the image's bytes. */
    private static long storedCopies(ImageRef image) {
        return backend.database().getCollection("media.files")
                .countDocuments(Filters.eq("metadata.sha256", image.sha256()));
    }

    /** A noisy image (so that it compresses little and differs with {@code seed}) in {@code format}. */
    static byte[] image(String format, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | random.nextInt(64));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
