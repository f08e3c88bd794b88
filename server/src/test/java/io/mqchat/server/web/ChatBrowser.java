package io.mqchat.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One user's headless Chromium on the web app, driven as a person would (fields, buttons, the keyboard), with the
 * page's own markup as the only interface: conversations are {@code li[data-conv]}, messages {@code li[data-msg-id]},
 * my messages' ticks {@code .tick[data-state]}.
 */
final class ChatBrowser implements AutoCloseable {

    /** Long enough for a slow, shared machine; a wait ends as soon as the page shows what it waits for. */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    final String user;
    private final ChromeDriver driver;
    private final String app;

    private ChatBrowser(String user, ChromeDriver driver, String app) {
        this.user = user;
        this.driver = driver;
        this.app = app;
    }

    /** A fresh browser (its own profile folder) on the app's page, not signed in yet. */
    static ChatBrowser open(String user, String app, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver is named, so Selenium Manager never looks for (or downloads) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.get(app);
        return new ChatBrowser(user, driver, app);
    }

    /** Signs in with the development sign-in, as this browser's user. */
    ChatBrowser signInForDevelopment() {
        askForDevelopmentSignIn();
        awaitConnected();
        return this;
    }

    /** Asks for the development sign-in without waiting for what the broker says. */
    void askForDevelopmentSignIn() {
        WebElement name = await(ExpectedConditions.visibilityOfElementLocated(By.id("dev-user")));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("dev-signin-button")).click();
    }

    /** Waits for the sign-in screen to say why the last sign-in ended. */
    void awaitSignInProblem(String part) {
        await(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), part));
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
    }

    /**
     * Cuts the browser off the network (Chromium's own emulation): the page stays, new connections fail. An open
     * WebSocket outlives the emulation, so a test ends it from the broker's side and then {@link #awaitOffline}.
     */
    void goOffline() {
        networkConditions(true);
    }

    /** What the connection badge says now: online, offline or connecting. */
    String connectionState() {
        return driver.findElement(By.id("connection")).getAttribute("data-state");
    }

    void awaitOffline() {
        await(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "offline"));
    }

    /** Blocks (or unblocks) the page's WebSocket to the broker while everything else loads as usual. */
    void blockBroker(boolean blocked) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", blocked ? List.of("ws://*", "wss://*") : List.of()));
    }

    /** Loads the page again, as a reload of the tab does, without waiting for its connection. */
    void reload() {
        driver.get(app);
        await(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    }

    /** Lays the page out as on a phone 360 CSS pixels wide. */
    void asPhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 740,
                "deviceScaleFactor", 2, "mobile", true));
    }

    boolean isShown(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    void back() {
        await(ExpectedConditions.elementToBeClickable(By.id("back"))).click();
    }

    /** Waits until the element {@code id} is shown or hidden. */
    void awaitShown(String id, boolean shown) {
        await(d -> d.findElement(By.id(id)).isDisplayed() == shown);
    }

    /** The device id the page connects with (kept per user in the browser's local storage). */
    String deviceId() {
        return (String) script("return localStorage.getItem(arguments[0])", "mqchat.device." + user);
    }

    /** Back on the network: the page reconnects by itself. */
    void goOnline() {
        networkConditions(false);
    }

    private void networkConditions(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The texts of the open conversation's messages, top to bottom. */
    List<String> messageTexts() {
        return driver.findElements(By.xpath("//ol[@id='messages']/li//span[@class='text']")).stream()
                .map(WebElement::getText).toList();
    }

    /** Loads older messages with the button until there are none. */
    void loadAllOlder() {
        await(d -> {
            List<WebElement> older = d.findElements(By.cssSelector("#older:not([hidden])"));
            if (older.isEmpty()) {
                return true;
            }
            older.get(0).click();
            return false;
        });
    }

    /** The text of the open chat's title and of a conversation's entry in the list. */
    String chatTitle() {
        return driver.findElement(By.id("chat-title")).getText();
    }

    /** How many elements of a kind the open conversation's messages hold (e.g. {@code img} that came from text). */
    int countInMessages(String css) {
        return driver.findElements(By.cssSelector("#messages .text " + css)).size();
    }

    /** Whether any script the page got from a message ran (a test's payload sets the document title). */
    String documentTitle() {
        return driver.getTitle();
    }

    void awaitConnected() {
        await(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "online"));
    }

    /** Opens the page anew, as a reopened tab would (the tab keeps its token). */
    void reopen() {
        driver.get(app);
        awaitConnected();
    }

    /** Leaves the app for a blank page: the connection ends, the device is offline. */
    void leave() {
        driver.get("about:blank");
    }

    void navigate(String url) {
        driver.get(url);
    }

    void startChatWith(String peer) {
        driver.findElement(By.id("new-chat")).click();
        WebElement name = await(ExpectedConditions.visibilityOfElementLocated(By.id("new-chat-user")));
        name.sendKeys(peer, Keys.ENTER);
        awaitChatTitle(peer);
    }

    void open(String conversationKey) {
        await(d -> {
            d.findElement(conversation(conversationKey)).click();
            return true;
        });
    }

    void awaitChatTitle(String title) {
        await(ExpectedConditions.textToBe(By.id("chat-title"), title));
    }

    void send(String text) {
        WebElement box = driver.findElement(By.id("text"));
        box.sendKeys(text, Keys.ENTER);
        awaitMessage(text);
    }

    void type(String text) {
        driver.findElement(By.id("text")).sendKeys(text);
    }

    void clearComposer() {
        driver.findElement(By.id("text")).clear();
    }

    WebElement awaitMessage(String text) {
        return await(ExpectedConditions.visibilityOfElementLocated(message(text)));
    }

    /** Waits until my message {@code text} shows the tick {@code state} (sent, delivered, read). */
    void awaitTick(String text, String state) {
        await(ExpectedConditions.attributeToBe(By.xpath(xpathOf(text) + "//span[contains(@class,'tick')]"),
                "data-state", state));
    }

    /** Waits until a member's state on my group message {@code text} is {@code state}. */
    void awaitMemberState(String text, String member, String state) {
        await(ExpectedConditions.presenceOfElementLocated(By.xpath(xpathOf(text)
                + "//span[@data-member='" + member + "' and @data-state='" + state + "']")));
    }

    void awaitUnread(String conversationKey, int count) {
        await(ExpectedConditions.attributeToBe(By.cssSelector("li[data-conv='" + conversationKey + "'] .unread"),
                "data-count", Integer.toString(count)));
    }

    /** Waits for the line under the chat's title (typing, online, last seen) to match. */
    void awaitStatus(Function<String, Boolean> matches, String what) {
        new WebDriverWait(driver, PATIENCE).withMessage(() -> user + " never saw the status " + what + ", only '"
                + driver.findElement(By.id("chat-status")).getText() + "'")
                .until(d -> matches.apply(d.findElement(By.id("chat-status")).getText()));
    }

    /** Chooses the open conversation's disappearing timer, in seconds (0: off). */
    void setTimer(int seconds) {
        new Select(driver.findElement(By.id("timer-select"))).selectByValue(Integer.toString(seconds));
    }

    void awaitTimer(int seconds) {
        await(ExpectedConditions.attributeToBe(By.id("timer-select"), "value", Integer.toString(seconds)));
    }

    /** Turns read receipts on or off with the sidebar's switch; returns once the server kept the setting. */
    void setReadReceipts(boolean on) {
        WebElement toggle = driver.findElement(By.id("read-receipts"));
        if (toggle.isSelected() != on) {
            toggle.click();
        }
        await(ExpectedConditions.attributeToBe(By.id("read-receipts"), "data-saved", Boolean.toString(on)));
    }

    /** Blocks the open chat's peer, or unblocks it, and waits until the server said so (the button turns). */
    void toggleBlock() {
        WebElement button = driver.findElement(By.id("block-button"));
        String turned = "Block".equals(button.getText()) ? "Unblock" : "Block";
        button.click();
        await(ExpectedConditions.textToBe(By.id("block-button"), turned));
    }

    /** The tick my message {@code text} shows now: sent, delivered, read. */
    String tickOf(String text) {
        return driver.findElement(By.xpath(xpathOf(text) + "//span[contains(@class,'tick')]")).getAttribute("data-state");
    }

    /** Reacts to the message {@code text} with {@code emoji} through its menu (or takes the reaction back). */
    void react(String text, String emoji) {
        openMenuOf(text).findElement(By.cssSelector("button[data-emoji='" + emoji + "']")).click();
    }

    /** Waits until the message {@code text} shows a reaction {@code emoji}. */
    void awaitReaction(String text, String emoji) {
        await(ExpectedConditions.visibilityOfElementLocated(By.xpath(xpathOf(text)
                + "//span[contains(@class,'reaction') and @data-emoji='" + emoji + "']")));
    }

    /** Edits my message {@code text} to {@code newText}: its menu's Edit, then the composer. */
    void edit(String text, String newText) {
        openMenuOf(text).findElement(By.cssSelector("button.edit")).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.id("editing")));
        WebElement box = driver.findElement(By.id("text"));
        box.clear();
        box.sendKeys(newText, Keys.ENTER);
    }

    /** Waits until a message shows {@code text}, marked edited. */
    void awaitEdited(String text) {
        await(ExpectedConditions.visibilityOfElementLocated(By.xpath(xpathOf(text) + "//span[@class='edited']")));
    }

    void deleteForEveryone(String text) {
        openMenuOf(text).findElement(By.cssSelector("button.delete")).click();
    }

    /** Waits until a tombstone with {@code line} ("This message was deleted") stands where a message was. */
    void awaitDeleted(String line) {
        await(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//ol[@id='messages']/li//span[contains(@class,'deleted') and text()='" + line + "']")));
    }

    private WebElement openMenuOf(String text) {
        WebElement menu = awaitMessage(text).findElement(By.cssSelector("details.msg-actions"));
        menu.findElement(By.tagName("summary")).click();
        return menu;
    }

    /** Waits for a line of the conversation's own (a timer change, a group change) with this text. */
    void awaitSystemLine(String text) {
        await(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//ol[@id='messages']/li[contains(@class,'system')]/span[text()='" + text + "']")));
    }

    /** Waits until message {@code text} says it disappears. */
    void awaitDisappearing(String text) {
        await(ExpectedConditions.presenceOfElementLocated(By.xpath(xpathOf(text)
                + "//span[starts-with(@title,'Disappears after')]")));
    }

    void attachImage(Path file) {
        driver.findElement(By.id("file")).sendKeys(file.toString());
    }

    /** Waits for an image message from {@code from} with its thumbnail shown, and returns the thumbnail. */
    WebElement awaitThumbnailFrom(String from) {
        return await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "li[data-from='" + from + "'] button.thumbnail img")));
    }

    /** Opens the full image of a thumbnail and returns its natural width once it loaded. */
    long openFullImage(WebElement thumbnail) {
        thumbnail.click();
        WebElement full = await(ExpectedConditions.visibilityOfElementLocated(By.id("full-image")));
        await(d -> ((Number) script("return arguments[0].complete ? arguments[0].naturalWidth : 0", full))
                .longValue() > 0);
        return ((Number) script("return arguments[0].naturalWidth", full)).longValue();
    }

    String fullImageSource() {
        return driver.findElement(By.id("full-image")).getAttribute("src");
    }

    void closeDialog(String id) {
        driver.findElement(By.cssSelector("#" + id + " button[data-close]")).click();
    }

    void createGroup(String name, String members) {
        driver.findElement(By.id("new-group")).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.id("group-name"))).sendKeys(name);
        driver.findElement(By.id("group-members")).sendKeys(members, Keys.ENTER);
        awaitChatTitle(name);
    }

    void addMember(String member) {
        showMembers();
        driver.findElement(By.id("add-member")).sendKeys(member, Keys.ENTER);
        awaitMemberListed(member, true);
        closeDialog("members-dialog");
    }

    void removeMember(String member) {
        showMembers();
        driver.findElement(By.cssSelector("#member-list button[aria-label='Remove " + member + "']")).click();
        awaitMemberListed(member, false);
        closeDialog("members-dialog");
    }

    private void showMembers() {
        await(ExpectedConditions.elementToBeClickable(By.id("members-button"))).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.id("member-list")));
    }

    private void awaitMemberListed(String member, boolean listed) {
        await(d -> d.findElements(By.xpath("//ul[@id='member-list']/li/span[1][text()='" + member + "']")).isEmpty()
                != listed);
    }

    /** The group id of the open conversation. */
    String openGroupId() {
        String key = await(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#conversations button.open"))).findElement(By.xpath("..")).getAttribute("data-conv");
        return key.substring(2);
    }

    boolean isSignInShown() {
        return driver.findElement(By.id("signin")).isDisplayed();
    }

    boolean isDevelopmentSignInShown() {
        return driver.findElement(By.id("dev-signin")).isDisplayed();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Keeps a screenshot and the browser's console of a failed test. */
    void keepEvidence(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + "-" + user + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
        Files.writeString(folder.resolve(name + "-" + user + "-console.log"),
                console.stream().map(LogEntry::toString).collect(Collectors.joining("\n")));
    }

    <T> T await(Function<WebDriver, T> condition) {
        // The page redraws what changed: an element found a moment ago may have been replaced since.
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> user + "'s page").until(condition);
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(code, args);
    }

    private static By conversation(String key) {
        return By.cssSelector("li[data-conv='" + key + "'] button");
    }

    private static By message(String text) {
        return By.xpath(xpathOf(text));
    }

    private static String xpathOf(String text) {
        return "//ol[@id='messages']/li[.//span[@class='text' and text()='" + text + "']]";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
