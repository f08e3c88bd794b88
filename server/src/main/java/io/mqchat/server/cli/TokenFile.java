package io.mqchat.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A user's token kept in a file ({@code mqchat chat --token-file}), where other users of the machine cannot read it
 * as they can a command line. Read at every connection, so a token renewed in the file is used from the next
 * reconnect on.
 *
 * @param file where the token is
 */
record TokenFile(Path file) implements Supplier<String> {

    /**
     * The token the file holds now, without the line break an editor or {@code echo} adds.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no token
     */
    @Override
    public String get() {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read the token file " + file + ": it does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the token file " + file + ": " + e.getMessage(), e);
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the token file " + file + " holds no token");
        }
        return token;
    }
}
