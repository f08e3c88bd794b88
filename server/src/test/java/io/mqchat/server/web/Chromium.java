package io.mqchat.server.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The system's Chromium and chromedriver (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs). Without them the browser tests are skipped, unless {@code REQUIRE_BROWSER_TESTS=1} says they must run.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Skips the calling test class when the browser is missing, or fails it when the browser is required. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        String missing = "the web app's browser tests need " + BROWSER + " and " + DRIVER
                + " (apt-get install chromium chromium-driver; .ci/run does)";
        if (!installed && "1".equals(System.getenv("REQUIRE_BROWSER_TESTS"))) {
            fail(missing + ", and REQUIRE_BROWSER_TESTS=1 requires them");
        }
        assumeTrue(installed, missing + ": skipped");
    }
}
