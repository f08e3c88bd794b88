package io.mqchat.server.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the browser tests: one packaged server and the browsers a class opens on it, all closed after the
 * class; a failed test keeps each browser's screenshot and console ({@link FailureEvidence}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(FailureEvidence.class)
abstract class BrowserTest implements FailureEvidence.Browsers {

    @TempDir
    static Path work;
    ChatServer server;
    private final List<ChatBrowser> browsers = new ArrayList<>();

    /** Starts the server with extra settings, its output in {@code target/{log}}; skips the class without Chromium. */
    void startServer(Map<String, String> settings, String log) throws Exception {
        Chromium.requireInstalled();
        server = ChatServer.start(work.resolve("data"), settings, Path.of("target", log));
    }

    /** A browser of its own for {@code user}, on the app's page. */
    ChatBrowser open(String user) {
        return open(user, "profile-" + user);
    }

    /** A browser for {@code user} with a profile folder of its own, so another device of that user. */
    ChatBrowser open(String user, String profile) {
        ChatBrowser browser = ChatBrowser.open(user, server.webApp(), work.resolve(profile));
        browsers.add(browser);
        return browser;
    }

    @AfterAll
    void stopBrowsersAndServer() throws Exception {
        browsers.forEach(ChatBrowser::close);
        if (server != null) {
            server.close();
        }
    }

    @Override
    public List<ChatBrowser> browsers() {
        return browsers;
    }
}
