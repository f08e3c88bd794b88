package io.mqchat.server.cli;

import java.nio.file.Path;

/** Paths as a user would type them: {@code ./data} inside the working directory, absolute elsewhere. */
final class DisplayPaths {

    private DisplayPaths() {
    }

    static String of(Path path, Path workingDir) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = workingDir.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ? "./" + base.relativize(absolute)
                : absolute.toString();
    }
}
