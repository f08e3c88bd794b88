package io.mqchat.server.web;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Keeps what the browsers showed when a test failed: a screenshot and the console of each, under
 * {@code target/web-failures/}, named after the test.
 */
final class FailureEvidence implements TestWatcher {

    static final Path FOLDER = Path.of("target", "web-failures");

    /** A test class whose browsers are worth a look when it fails. */
    interface Browsers {
        List<ChatBrowser> browsers();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Object test = context.getTestInstance().orElse(null);
        if (!(test instanceof Browsers owner)) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        for (ChatBrowser browser : owner.browsers()) {
            try {
                browser.keepEvidence(FOLDER, name);
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }
}
