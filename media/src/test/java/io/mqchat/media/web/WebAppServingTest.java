package io.mqchat.media.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.media.http.MediaEndpointTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web app's files as the media endpoint serves them: types, entity tags, methods, and what is not there. */
class WebAppServingTest extends MediaEndpointTest {

    @Test
    void thePageIsServedAtTheRootAsHtmlThatBrowsersRevalidate() {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", header(page, "Content-Type"));
        assertEquals("no-cache", header(page, "Cache-Control"));
        assertTrue(header(page, "ETag").matches("\"[0-9a-f]{64}\""), header(page, "ETag"));
        assertTrue(header(page, "Content-Security-Policy").contains("script-src 'self'"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"/app/js/main.js\"></script>"), page.body());
        assertEquals(page.body(), get("/index.html").body());
    }

    @Test
    void everyModuleAScriptImportsIsServed() {
        Pattern imported = Pattern.compile("^import .* from '\\./([\\w-]+\\.js)';$", Pattern.MULTILINE);
        for (String path : StaticFiles.PATHS) {
            if (!path.startsWith("/app/js/")) {
                continue;
            }
            Matcher imports = imported.matcher(get(path).body());
            while (imports.find()) {
                assertEquals(200, get("/app/js/" + imports.group(1)).statusCode(), path + " imports " + imports.group(1));
            }
        }
    }

    @Test
    void everyFileHasTheTypeOfItsKind() {
        assertEquals("text/javascript; charset=utf-8", header(get("/app/js/main.js"), "Content-Type"));
        assertEquals("text/javascript; charset=utf-8", header(get("/app/vendor/mqtt-5.16.0.min.js"), "Content-Type"));
        assertEquals("text/css; charset=utf-8", header(get("/app/style.css"), "Content-Type"));
        assertEquals("image/svg+xml", header(get("/app/icon.svg"), "Content-Type"));
        HttpResponse<String> licence = get("/app/vendor/MQTT.js-LICENSE.md");
        assertEquals("text/plain; charset=utf-8", header(licence, "Content-Type"));
        assertTrue(licence.body().contains("MIT"), licence.body());
        for (String path : StaticFiles.PATHS) {
            assertEquals("nosniff", header(get(path), "X-Content-Type-Options"), path);
        }
    }

    @Test
    void anUnchangedFileIsAnswered304() {
        String etag = header(get("/app/js/session.js"), "ETag");
        HttpResponse<String> again = send(request("/app/js/session.js").header("If-None-Match", etag).GET());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        HttpResponse<String> other = send(request("/app/js/session.js").header("If-None-Match", "\"x\"").GET());
        assertEquals(200, other.statusCode());
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() {
        HttpResponse<String> head = send(request("/app/style.css").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(get("/app/style.css").body().length()), header(head, "Content-Length"));
        assertEquals("", head.body());
    }

    @Test
    void onlyGetAndHeadAreAllowedOnTheAppsFiles() {
        for (String path : new String[] {"/", "/app/js/main.js", WebAppHandler.CONFIG_PATH}) {
            HttpResponse<String> post = send(request(path).POST(HttpRequest.BodyPublishers.ofString("x")));
            assertEquals(405, post.statusCode(), path);
            assertEquals("GET, HEAD", header(post, "Allow"), path);
            assertTrue(post.body().contains("\"error\":\"method_not_allowed\""), post.body());
        }
        assertEquals(405, send(request("/").DELETE()).statusCode());
    }

    @Test
    void pathsThatAreNoFileOfTheAppAre404() {
        for (String path : new String[] {"/app/js/nope.js", "/app/", "/app/js/../js/main.js", "/index.html/",
                "/io/mqchat/media/web/static/index.html", "/MediaServer.class", "/favicon.ico"}) {
            HttpResponse<String> answer = get(path);
            assertEquals(404, answer.statusCode(), path);
            assertTrue(answer.body().contains("\"error\":\"not_found\""), path + ": " + answer.body());
        }
    }

    @Test
    void theMediaRoutesStillAnswerBesideTheApp() {
        HttpResponse<String> upload = send(request("/media").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(401, upload.statusCode(), upload.body());
    }

    @Test
    void withoutDevelopmentTokensTheSignInRouteDoesNotExist() {
        HttpResponse<String> mint = send(request(WebAppHandler.DEV_TOKEN_PATH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\"}")));
        assertEquals(404, mint.statusCode(), mint.body());
        assertTrue(get(WebAppHandler.CONFIG_PATH).body().contains("\"devSignIn\":false"));
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(media.uri(path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return media.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
