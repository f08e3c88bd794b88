package io.mqchat.client.internal;

import io.mqchat.client.media.UploadProgress;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of an image to upload, read afresh for every attempt: a retried upload of a file reads the file again
 * rather than holding it in memory.
 */
public abstract sealed class ImageSource {

    private ImageSource() {
    }

    /** A file's bytes. */
    public static ImageSource of(Path file) {
        return new FromFile(Objects.requireNonNull(file, "file"));
    }

    /** Bytes in memory, not copied: the caller keeps them unchanged until the upload is over. */
    public static ImageSource of(byte[] bytes) {
        return new InMemory(Objects.requireNonNull(bytes, "image"));
    }

    /** The body of one attempt, reporting to {@code progress} (null: nobody listens). */
    abstract HttpRequest.BodyPublisher open(UploadProgress progress) throws IOException;

    private static final class FromFile extends ImageSource {
        private final Path file;

        FromFile(Path file) {
            this.file = file;
        }

        @Override
        HttpRequest.BodyPublisher open(UploadProgress progress) throws IOException {
            long size = Files.size(file);
            try {
                return new ProgressBody(HttpRequest.BodyPublishers.ofFile(file), size, progress);
            } catch (FileNotFoundException e) {
                throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static final class InMemory extends ImageSource {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        HttpRequest.BodyPublisher open(UploadProgress progress) {
            return new ProgressBody(HttpRequest.BodyPublishers.ofByteArray(bytes), bytes.length, progress);
        }
    }
}
