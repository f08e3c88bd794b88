package io.mqchat.archive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mqchat.protocol.ChatMessage;
import io.mqchat.protocol.ConversationSummary;
import io.mqchat.protocol.Cursor;
import io.mqchat.protocol.GroupEvent;
import io.mqchat.protocol.MediaRef;
import io.mqchat.protocol.MessageChange;
import io.mqchat.protocol.MessageRef;
import io.mqchat.protocol.Reply;
import io.mqchat.protocol.SettingsChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link ArchiveStore} must do; each implementation's test extends this with its own store. */
public abstract class ArchiveStoreContract {

    private static final long T0 = 1_795_000_000_000L;

    /** A new store over fresh, empty collections shared by all stores this test opens (each its own client). */
    protected abstract ArchiveStore openStore();

    /** Records with the media endpoint's real store, in the database of the store opened last, that {@code user} uploaded {@code image}. */
    protected abstract void recordUpload(String user, MediaRef image);

    static ChatMessage direct(String id, String from, String to, long ts) {
        return ChatMessage.text(id, "body of " + id).stamped(id, from, to, ts);
    }

    static ChatMessage disappearing(String id, String from, String to, long ts, int ttl) {
        return ChatMessage.text(id, "body of " + id, ttl).stamped(id, from, to, ts);
    }

    static ChatMessage inGroup(String id, String from, String group, long ts) {
        return ChatMessage.text(id, "body of " + id).stampedForGroup(id, from, group, ts);
    }

    static GroupEvent event(String group, String type, long ts, String... members) {
        return new GroupEvent("e-" + UUID.randomUUID(), group, type, "admin", List.of(members), "Trip", ts);
    }

    private static List<String> ids(Page page) {
        return page.messages().stream().map(ChatMessage::id).toList();
    }

    private static PageQuery newest(ConversationKey conversation, int limit) {
        return new PageQuery(conversation, null, null, limit, 0, null);
    }

    private static ConversationSummary summaryOf(List<ConversationSummary> list, String withOrGroup) {
        return list.stream().filter(s -> withOrGroup.equals(s.with()) || withOrGroup.equals(s.group()))
                .findFirst().orElseThrow(() -> new AssertionError("no conversation " + withOrGroup + " in " + list));
    }

    static MediaRef image(String sha) {
        return new MediaRef(sha, "image/png", 1_234, 40, 30, sha, "dGh1bWI=");
    }

    @Test
    void anImageIsSharedWithThe1To1PeersAndGroupMembersOfItsMessagesWhileTheyHaveNotDisappeared() {
        ArchiveStore store = openStore();
        String direct = "a".repeat(64);
        String inGroup = "b".repeat(64);
        String fleeting = "c".repeat(64);
        recordUpload("alice", image(direct));
        recordUpload("alice", image(inGroup));
        recordUpload("alice", image(fleeting));
        String group = "g-" + UUID.randomUUID();
        store.archive(ChatMessage.image("i1", image(direct), "look", null).stamped("i1", "alice", "bob", T0), T0);
        store.applyGroupEvent(event(group, GroupEvent.CREATED, T0, "alice", "carol"), T0);
        store.archive(ChatMessage.image("i2", image(inGroup), null, null).stampedForGroup("i2", "alice", group, T0 + 1), T0);
        store.applyGroupEvent(event(group, GroupEvent.ADDED, T0 + 2, "dave"), T0);
        store.archive(ChatMessage.image("i3", image(fleeting), null, 5).stamped("i3", "alice", "bob", T0), T0);

        assertTrue(store.sharedWith("bob", direct, T0) && store.sharedWith("alice", direct, T0));
        assertFalse(store.sharedWith("mallory", direct, T0));
        assertTrue(store.sharedWith("carol", inGroup, T0));
        assertFalse(store.sharedWith("dave", inGroup, T0), "sent before dave joined");
        assertFalse(store.sharedWith("bob", inGroup, T0), "not a member");
        assertTrue(store.sharedWith("bob", fleeting, T0 + 4_999) && store.isShared(fleeting, T0 + 4_999));
        assertFalse(store.sharedWith("bob", fleeting, T0 + 5_000), "its message disappeared");
        assertFalse(store.isShared(fleeting, T0 + 5_000));
        assertFalse(store.isShared("d".repeat(64), T0));
        assertEquals(image(direct), store.page(newest(ConversationKey.direct("alice", "bob"), 10), T0).messages()
                .get(0).media(), "the reference is archived with its message");
    }

    @Test
    void whoMaySeeAnImageSharesItByForwardingItWithoutUploadingItAgain() {
        ArchiveStore store = openStore();
        String photo = "f".repeat(63) + "1";
        recordUpload("alice", image(photo));
        store.archive(ChatMessage.image("p1", image(photo), "sunset", null).stamped("p1", "alice", "bob", T0), T0);
        assertFalse(store.sharedWith("carol", photo, T0));

        store.archive(ChatMessage.image("f1", image(photo), "sunset", null).asForwarded()
                .stamped("f1", "bob", "carol", T0 + 1), T0 + 1);

        assertTrue(store.sharedWith("carol", photo, T0 + 1), "bob may see it, so his forward shares it");
        ChatMessage forwarded = store.page(newest(ConversationKey.direct("bob", "carol"), 10), T0 + 1).messages().get(0);
        assertEquals(Boolean.TRUE, forwarded.forwarded());
    }

    @Test
    void aMediaIdAloneGrantsNothingOnlyItsUploaderCanShareIt() {
        ArchiveStore store = openStore();
        String secret = "e".repeat(64);
        recordUpload("alice", image(secret));
        String group = "g-" + UUID.randomUUID();
        store.applyGroupEvent(event(group, GroupEvent.CREATED, T0, "alice", "mallory"), T0);
        store.archive(ChatMessage.image("s1", image(secret), null, null).stampedForGroup("s1", "alice", group, T0 + 1), T0);
        store.applyGroupEvent(event(group, GroupEvent.REMOVED, T0 + 2, "mallory"), T0);
        assertFalse(store.sharedWith("mallory", secret, T0), "removed from the group that shared it");

        // Mallory kept the id and sends it to herself and to a friend: the messages are archived, but share nothing.
        store.archive(ChatMessage.image("m1", image(secret), null, null).stamped("m1", "mallory", "mallory", T0 + 3), T0);
        store.archive(ChatMessage.image("m2", image(secret), null, null).stamped("m2", "mallory", "trudy", T0 + 4), T0);
        assertFalse(store.sharedWith("mallory", secret, T0));
        assertFalse(store.sharedWith("trudy", secret, T0));
        assertEquals(2, store.page(newest(ConversationKey.direct("mallory", "trudy"), 10), T0).messages().size()
                + store.page(newest(ConversationKey.direct("mallory", "mallory"), 10), T0).messages().size());
    }

    @Test
    void anImageSharedInManyConversationsIsStillSharedWithTheLastOne() {
        ArchiveStore store = openStore();
        String popular = "f".repeat(64);
        recordUpload("alice", image(popular));
        for (int i = 0; i < 120; i++) {
            store.archive(ChatMessage.image("p" + i, image(popular), null, null)
                    .stamped("p" + i, "alice", "friend" + i, T0 + i), T0);
        }
        assertTrue(store.sharedWith("friend119", popular, T0));
        assertTrue(store.sharedWith("friend0", popular, T0));
    }

    @Test
    void aMessageDeliveredAgainIsStoredOnceAndKeepsItsFirstPosition() {
        ArchiveStore store = openStore();
        ChatMessage first = direct("m1", "alice", "bob", T0);
        store.archive(first, T0);
        store.archive(first, T0 + 5);
        // A client re-sending the same id gets a new server time: still the same message.
        store.archive(direct("m1", "alice", "bob", T0 + 100), T0 + 100);

        Page page = store.page(newest(ConversationKey.direct("bob", "alice"), 10), T0 + 200);
        assertEquals(List.of(first), page.messages());
        assertFalse(page.more());
    }

    @Test
    void bothDirectionsOfAPairAreOneConversationPagedInCursorOrderOldestFirst() {
        ArchiveStore store = openStore();
        store.archive(direct("b", "bob", "alice", T0 + 1), T0);
        store.archive(direct("a2", "alice", "bob", T0 + 1), T0);
        store.archive(direct("a1", "alice", "bob", T0 + 1), T0);
        store.archive(direct("z", "alice", "bob", T0), T0);
        store.archive(direct("other", "alice", "carol", T0 + 2), T0);

        // (ts, from, id): z at T0, then at T0+1 alice's a1 and a2 before bob's b.
        assertEquals(List.of("z", "a1", "a2", "b"), ids(store.page(newest(ConversationKey.direct("alice", "bob"), 10),
                T0 + 10)));
    }

    @Test
    void pagesBackwardsAndForwardsWithoutGapsOrRepeats() {
        ArchiveStore store = openStore();
        ConversationKey conversation = ConversationKey.direct("alice", "bob");
        for (int i = 0; i < 25; i++) {
            store.archive(direct(String.format("m%02d", i), i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "bob" : "alice",
                    T0 + i), T0);
        }
        List<String> backwards = new ArrayList<>();
        Page page = store.page(newest(conversation, 10), T0);
        assertTrue(page.more());
        assertEquals("m24", page.messages().get(9).id());
        backwards.addAll(0, ids(page));
        while (page.more()) {
            page = store.page(new PageQuery(conversation, Cursor.of(page.messages().get(0)), null, 10, 0, null), T0);
            backwards.addAll(0, ids(page));
        }
        List<String> all = IntStream.range(0, 25).mapToObj(i -> String.format("m%02d", i)).toList();
        assertEquals(all, backwards);

        List<String> forwards = new ArrayList<>();
        Page next = store.page(new PageQuery(conversation, null, new Cursor(0, "a", "a"), 7, 0, null), T0);
        forwards.addAll(ids(next));
        while (next.more()) {
            next = store.page(new PageQuery(conversation, null, Cursor.of(next.messages().get(6)), 7, 0, null),
                    T0);
            forwards.addAll(ids(next));
        }
        assertEquals(all, forwards);
        assertEquals(List.of(), store.page(new PageQuery(conversation, null, Cursor.of(
                direct("m24", "alice", "bob", T0 + 24)), 7, 0, null), T0).messages());
    }

    @Test
    void aGroupMessageIsStoredOnceForTheGroupAndPagedFromTheReadersMembershipOn() {
        ArchiveStore store = openStore();
        String group = "g-" + UUID.randomUUID();
        store.applyGroupEvent(event(group, GroupEvent.CREATED, T0, "alice", "bob"), T0);
        store.archive(inGroup("g1", "alice", group, T0 + 1), T0);
        store.archive(inGroup("g1", "alice", group, T0 + 1), T0);
        store.applyGroupEvent(event(group, GroupEvent.ADDED, T0 + 2, "carol"), T0);
        store.archive(inGroup("g2", "bob", group, T0 + 3).mentioning(List.of("alice", "carol")), T0);

        assertEquals(List.of("g1", "g2"), ids(store.page(newest(ConversationKey.group(group), 10), T0)));
        assertEquals(List.of("alice", "carol"),
                store.page(newest(ConversationKey.group(group), 10), T0).messages().get(1).mentions(),
                "whom a message mentions is kept");
        assertEquals(OptionalLong.of(T0), store.memberSince("bob", group));
        OptionalLong carolSince = store.memberSince("carol", group);
        assertEquals(OptionalLong.of(T0 + 2), carolSince);
        assertEquals(List.of("g2"), ids(store.page(new PageQuery(ConversationKey.group(group), null, null, 10,
                carolSince.getAsLong(), "carol"), T0)));
        assertTrue(store.memberSince("dave", group).isEmpty());
    }

    @Test
    void membershipEndsWithRemovalAndALateOrRepeatedOlderEventDoesNotRevive() {
        ArchiveStore store = openStore();
        String group = "g-" + UUID.randomUUID();
        GroupEvent added = event(group, GroupEvent.ADDED, T0 + 10, "bob");
        store.applyGroupEvent(event(group, GroupEvent.CREATED, T0, "alice"), T0);
        store.applyGroupEvent(event(group, GroupEvent.REMOVED, T0 + 20, "bob"), T0);
        store.applyGroupEvent(added, T0);
        assertTrue(store.memberSince("bob", group).isEmpty());
        // Delivered again after a removal: the group-worker announces a redelivered request as the same event.
        GroupEvent carolAdded = event(group, GroupEvent.ADDED, T0 + 10, "carol");
        store.applyGroupEvent(carolAdded, T0);
        store.applyGroupEvent(event(group, GroupEvent.REMOVED, T0 + 20, "carol"), T0);
        store.applyGroupEvent(carolAdded, T0);
        assertTrue(store.memberSince("carol", group).isEmpty());

        store.applyGroupEvent(event(group, GroupEvent.ADDED, T0 + 30, "bob"), T0);
        assertEquals(OptionalLong.of(T0 + 30), store.memberSince("bob", group));
        store.applyGroupEvent(event(group, GroupEvent.LEFT, T0 + 40, "bob"), T0);
        store.applyGroupEvent(event(group, GroupEvent.RENAMED, T0 + 50), T0);
        assertTrue(store.memberSince("bob", group).isEmpty());
        assertEquals(OptionalLong.of(T0), store.memberSince("alice", group));
    }

    @Test
    void disappearedMessagesAreNeverReturnedAndTheSweepDeletesOnlyThem() {
        ArchiveStore store = openStore();
        ConversationKey conversation = ConversationKey.direct("alice", "bob");
        store.archive(direct("kept", "alice", "bob", T0), T0);
        store.archive(disappearing("gone", "bob", "alice", T0 + 1, 60), T0);
        store.archive(disappearing("later", "alice", "bob", T0 + 2, 3600), T0);

        assertEquals(List.of("kept", "gone", "later"), ids(store.page(newest(conversation, 10), T0 + 60_000)));
        assertEquals(List.of("kept", "later"), ids(store.page(newest(conversation, 10), T0 + 61_001)));
        ConversationSummary alice = summaryOf(store.conversations("alice", null, T0 + 61_001), "bob");
        assertEquals("later", alice.last().id());
        assertEquals(0, alice.unread(), "bob's disappeared message is not unread any more");

        assertEquals(1, store.deleteExpired(T0 + 61_001));
        // Read as of before the expiry: the message is physically gone, not just filtered out.
        assertEquals(List.of("kept", "later"), ids(store.page(newest(conversation, 10), T0)));
        assertEquals(0, store.deleteExpired(T0 + 61_001));
    }

    @Test
    void aReplyQuotesTheQuotedMessagesOwnTextWhileItIsThereAndSaysItIsGoneOnceItDisappeared() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        ConversationKey conversation = ConversationKey.direct(alice, "bob");
        store.archive(direct("q1", "bob", alice, T0), T0);
        store.archive(disappearing("q2", "bob", alice, T0 + 1, 60), T0);
        store.archive(direct("r1", alice, "bob", T0 + 2).replying(Reply.to("q1", "bob", "forged words")), T0);
        store.archive(direct("r2", alice, "bob", T0 + 3).replying(Reply.to("q2", "bob", "body of q2")), T0);
        store.archive(direct("r3", alice, "bob", T0 + 4).replying(Reply.to("elsewhere", "carol", "not here")), T0);

        List<ChatMessage> before = store.page(newest(conversation, 10), T0 + 10).messages();
        assertEquals(Reply.to("q1", "bob", "body of q1"), before.get(2).reply(), "the archive's excerpt, not the sender's");
        assertEquals(Reply.to("q2", "bob", "body of q2"), before.get(3).reply());
        assertEquals(new Reply("elsewhere", "carol", null, true), before.get(4).reply(), "not in this conversation");

        List<ChatMessage> after = store.page(newest(conversation, 10), T0 + 61_001).messages();
        assertEquals(List.of("q1", "r1", "r2", "r3"), after.stream().map(ChatMessage::id).toList());
        assertEquals(new Reply("q2", "bob", null, true), after.get(2).reply(), "q2 disappeared: so does its excerpt");

        store.archive(direct("r4", alice, "bob", T0 + 5).replying(Reply.to("q2", "bob", "body of q2")), T0);
        assertEquals(new Reply("q2", "bob", null, true),
                summaryOf(store.conversations(alice, null, T0 + 61_001), "bob").last().reply(), "in the list too");
    }

    @Test
    void anEditReplacesTheTextAndMarksItAndAnOlderEditArrivingLateChangesNothing() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        ConversationKey conversation = ConversationKey.direct(alice, "bob");
        store.archive(direct("m1", alice, "bob", T0), T0);
        MessageRef m1 = new MessageRef("m1", alice);

        assertTrue(store.edit(conversation, m1, "second thoughts", T0 + 2_000, T0 + 2_000));
        assertFalse(store.edit(conversation, m1, "first thoughts", T0 + 1_000, T0 + 2_000), "an older edit");
        assertTrue(store.edit(conversation, m1, "second thoughts", T0 + 2_000, T0 + 3_000), "the same edit again");

        ChatMessage edited = store.page(newest(conversation, 10), T0 + 3_000).messages().get(0);
        assertEquals("second thoughts", edited.body());
        assertEquals(T0 + 2_000, edited.edited());
        assertEquals(edited, store.message(conversation, m1, T0 + 3_000).orElseThrow());
        assertEquals("second thoughts", summaryOf(store.conversations(alice, null, T0 + 3_000), "bob").last().body(),
                "the list's last message shows the edit too");
    }

    @Test
    void aDeleteLeavesATombstoneWithoutTextImageQuoteOrReactionsAndQuotesOfItSayItIsGone() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        ConversationKey conversation = ConversationKey.direct(alice, "bob");
        MediaRef image = new MediaRef("img-" + UUID.randomUUID(), "image/png", 10, 1, 1, "ab".repeat(32), null);
        recordUpload(alice, image);
        store.archive(ChatMessage.image("m1", image, "caption", null).stamped("m1", alice, "bob", T0), T0);
        store.archive(direct("m2", "bob", alice, T0 + 1).replying(Reply.to("m1", alice, "caption")), T0);
        MessageRef m1 = new MessageRef("m1", alice);
        store.react(conversation, m1, "bob", "👍", T0 + 2);
        assertTrue(store.isShared(image.id(), T0 + 2));

        store.delete(conversation, m1, T0 + 3);
        assertFalse(store.edit(conversation, m1, "too late", T0 + 4, T0 + 4), "a deleted message takes no edit");
        store.react(conversation, m1, "bob", "😮", T0 + 5);

        List<ChatMessage> page = store.page(newest(conversation, 10), T0 + 10).messages();
        ChatMessage tombstone = page.get(0);
        assertTrue(tombstone.wasDeleted());
        assertNull(tombstone.body());
        assertNull(tombstone.media());
        assertNull(tombstone.reactions(), "a deleted message keeps no reactions, and takes none");
        assertNull(tombstone.edited(), "nor edits");
        assertEquals(new Reply("m1", alice, null, true), page.get(1).reply(), "the quote of it is gone");
        assertFalse(store.isShared(image.id(), T0 + 10), "its image is shared by no message any more");
    }

    @Test
    void eachUserHasOneReactionPerMessageWhichItChangesAndTakesAway() {
        ArchiveStore store = openStore();
        String group = "g-" + UUID.randomUUID();
        store.applyGroupEvent(event(group, GroupEvent.CREATED, T0, "alice", "bob.smith", "carol"), T0);
        store.archive(inGroup("g1", "alice", group, T0 + 1), T0);
        ConversationKey conversation = ConversationKey.group(group);
        MessageRef g1 = new MessageRef("g1", "alice");

        store.react(conversation, g1, "bob.smith", "👍", T0 + 2);
        store.react(conversation, g1, "carol", "❤️", T0 + 3);
        store.react(conversation, g1, "bob.smith", "😂", T0 + 4);
        store.react(conversation, g1, "carol", null, T0 + 5);
        store.react(conversation, g1, "carol", null, T0 + 5);

        assertEquals(Map.of("bob.smith", "😂"), store.page(newest(conversation, 10), T0 + 10).messages().get(0)
                .reactions(), "a user id with a dot is one user, not a path");
        assertEquals(List.of("alice", "bob.smith", "carol"), store.membersSince(group, T0 + 1).stream().sorted().toList());
    }

    @Test
    void aMessageThatDisappearedOrWasNeverThereIsNotFound() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        ConversationKey conversation = ConversationKey.direct(alice, "bob");
        store.archive(disappearing("m1", alice, "bob", T0, 60), T0);

        assertTrue(store.message(conversation, new MessageRef("m1", alice), T0 + 59_000).isPresent());
        assertTrue(store.message(conversation, new MessageRef("m1", alice), T0 + 60_000).isEmpty());
        assertTrue(store.message(conversation, new MessageRef("m1", "bob"), T0).isEmpty(), "bob sent no m1");
        assertTrue(store.message(ConversationKey.direct(alice, "carol"), new MessageRef("m1", alice), T0).isEmpty(),
                "not in another conversation of the sender's");
    }

    @Test
    void aMemberWhoJoinedLaterSeesAQuoteOfAMessageFromBeforeWithoutItsText() {
        ArchiveStore store = openStore();
        String group = "g-" + UUID.randomUUID();
        store.applyGroupEvent(event(group, GroupEvent.CREATED, T0, "alice", "bob"), T0);
        store.archive(inGroup("g1", "alice", group, T0 + 1), T0);
        store.applyGroupEvent(event(group, GroupEvent.ADDED, T0 + 2, "carol"), T0);
        store.archive(inGroup("g2", "bob", group, T0 + 3).replying(Reply.to("g1", "alice", "body of g1")), T0);

        assertEquals(Reply.to("g1", "alice", "body of g1"),
                store.page(newest(ConversationKey.group(group), 10), T0 + 10).messages().get(1).reply());
        assertEquals(Reply.to("g1", "alice", null), store.page(new PageQuery(ConversationKey.group(group), null, null,
                10, T0 + 2, "carol"), T0 + 10).messages().get(0).reply(), "carol may not read g1");
    }

    @Test
    void aReadMarkKeptPrivateCountsForTheReaderWhileThePeerSeesOnlyTheLastSharedPositionAndNoChange() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        ConversationKey conversation = ConversationKey.direct(alice, "bob");
        store.archive(direct("a1", alice, "bob", T0), T0);
        store.archive(direct("a2", alice, "bob", T0 + 1), T0 + 1);
        store.archive(direct("a3", alice, "bob", T0 + 2), T0 + 2);
        store.markRead(conversation, "bob", "a1", true, T0 + 3, T0 + 3);
        store.markRead(conversation, "bob", "a2", false, T0 + 4, T0 + 4);

        assertEquals(new Cursor(T0, alice, "a1").toString(),
                summaryOf(store.conversations(alice, null, T0 + 10), "bob").peerRead(),
                "bob reads a2 with receipts off: alice still sees a1, what he shared");
        assertEquals(List.of(), store.conversations(alice, T0 + 4, T0 + 10),
                "nor does her list change when he reads privately: its time would tell");
        ConversationSummary bobs = summaryOf(store.conversations("bob", null, T0 + 10), alice);
        assertEquals(new Cursor(T0 + 1, alice, "a2").toString(), bobs.read(), "bob's devices still sync");
        assertEquals(1, bobs.unread());

        store.markRead(conversation, "bob", "a3", true, T0 + 5, T0 + 5);
        assertEquals(new Cursor(T0 + 2, alice, "a3").toString(),
                summaryOf(store.conversations(alice, null, T0 + 10), "bob").peerRead());
    }

    @Test
    void aParkedChangeIsFoundByItsMessageOnceAndClaimedByOneHandlerUntilItsClaimLapses() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        ConversationKey conversation = ConversationKey.direct(alice, "bob");
        MessageChange first = MessageChange.reaction("r1", new MessageRef("m1", alice), "👍").stamped("r1", "bob",
                alice, T0);
        MessageChange second = MessageChange.edit("e1", "m1", "fixed").stamped("e1", alice, "bob", T0 + 1);
        store.park(conversation, second, T0 + 1);
        store.park(conversation, first, T0);
        store.park(conversation, first, T0 + 5);

        assertEquals(List.of(first, second), store.parkedFor(conversation, new MessageRef("m1", alice)),
                "oldest first, once each");
        assertEquals(List.of(), store.parkedFor(conversation, new MessageRef("m1", "bob")));
        store.unpark(conversation, first);
        assertEquals(List.of(second), store.parkedFor(conversation, new MessageRef("m1", alice)));

        long now = T0 + 10;
        assertTrue(store.claimParkedBefore(T0, now).isEmpty(), "not waited long enough");
        assertEquals(second, store.claimParkedBefore(T0 + 1, now).orElseThrow());
        assertTrue(store.claimParkedBefore(T0 + 1, now).isEmpty(), "claimed by one");
        assertFalse(store.claimParked(conversation, second, now + 1), "by one only, also when released");
        long lapsed = now + ArchiveStore.CLAIM_LEASE_MILLIS;
        assertEquals(second, store.claimParkedBefore(T0 + 1, lapsed).orElseThrow(),
                "a claim whose holder died lapses: the change is not lost");
        store.unpark(conversation, second);
        assertTrue(store.claimParkedBefore(T0 + 1, lapsed + ArchiveStore.CLAIM_LEASE_MILLIS).isEmpty(), "done");
        store.park(conversation, first, T0 + 20);
        assertTrue(store.claimParked(conversation, first, now));
    }

    @Test
    void aMessageToAUserWhoBlockedItsSenderIsKeptForTheSenderAlone() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        String mallory = "mallory-" + UUID.randomUUID();
        ConversationKey conversation = ConversationKey.direct(alice, mallory);
        store.changeSettings(alice, SettingsChange.block(mallory), T0);
        store.archive(direct("m1", mallory, alice, T0 + 1), T0 + 1);
        store.archive(direct("m1", mallory, alice, T0 + 1), T0 + 2);
        assertEquals(List.of("m1"), ids(store.page(new PageQuery(conversation, null, null, 10, 0, mallory), T0 + 3)),
                "the sender has it");
        assertEquals(List.of(), ids(store.page(new PageQuery(conversation, null, null, 10, 0, alice), T0 + 3)));
        assertTrue(store.conversations(alice, null, T0 + 3).isEmpty(), "no conversation of it for the blocker");
        assertEquals(T0 + 2, store.conversations(mallory, null, T0 + 3).get(0).updated(),
                "the sender's list moves with it");
        store.archive(direct("a0", alice, mallory, T0 + 3), T0 + 3);
        store.archive(direct("m0", mallory, alice, T0 + 4), T0 + 4);
        assertEquals(T0 + 3, store.conversations(alice, null, T0 + 4).get(0).updated(),
                "a hidden message does not move the blocker's list: its time would tell");
        assertEquals(0, store.unreadTotal(alice, null, T0 + 3));

        store.changeSettings(alice, SettingsChange.unblock(mallory), T0 + 4);
        store.archive(direct("m2", mallory, alice, T0 + 5), T0 + 5);
        store.archive(direct("a1", alice, mallory, T0 + 6), T0 + 6);
        assertEquals(List.of("a0", "m2", "a1"), ids(store.page(new PageQuery(conversation, null, null, 10, 0, alice),
                T0 + 7)), "after the unblock new ones reach it; what came while blocked stays hidden");
        assertEquals(List.of("m1", "a0", "m0", "m2", "a1"),
                ids(store.page(new PageQuery(conversation, null, null, 10, 0, mallory), T0 + 7)));
        ConversationSummary summary = store.conversations(alice, null, T0 + 7).get(0);
        assertEquals(1, summary.unread(), "m2 alone: the hidden m1 and m0 are not counted");
        assertEquals(2, store.unreadTotal(mallory, null, T0 + 7), "the blocker's own messages count for the other");
    }

    @Test
    void theConversationListShowsLastMessageUnreadCountsReadMarksAndTimer() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        store.archive(direct("a1", alice, "bob", T0), T0);
        store.archive(direct("b1", "bob", alice, T0 + 1), T0 + 1);
        store.archive(direct("b2", "bob", alice, T0 + 2), T0 + 2);
        store.archive(direct("b3", "bob", alice, T0 + 3), T0 + 3);
        store.markRead(ConversationKey.direct(alice, "bob"), alice, "b1", T0 + 4, T0 + 4);
        store.markRead(ConversationKey.direct(alice, "bob"), "bob", "a1", T0 + 5, T0 + 5);
        store.archive(ChatMessage.timerChange("t1", 86_400).stamped("t1", "bob", alice, T0 + 6), T0 + 6);

        ConversationSummary summary = summaryOf(store.conversations(alice, null, T0 + 10), "bob");
        assertEquals("t1", summary.last().id());
        assertEquals(3, summary.unread(), "b2, b3 and the timer change");
        assertEquals(86_400, summary.timer());
        assertEquals(new Cursor(T0 + 1, "bob", "b1").toString(), summary.read());
        assertEquals(new Cursor(T0, alice, "a1").toString(), summary.peerRead());
        assertNull(summary.group());
        assertEquals(T0 + 6, summary.updated());

        ConversationSummary bob = summaryOf(store.conversations("bob", null, T0 + 10), alice);
        assertEquals(0, bob.unread(), "alice's only message is read");
        assertEquals(summary.read(), bob.peerRead());
    }

    @Test
    void unreadThroughAMessageCountsOthersMessagesAfterTheReadMarkUpToItWhetherItIsStoredOrNot() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        ConversationKey conversation = ConversationKey.direct(alice, "bob");
        store.archive(direct("b1", "bob", alice, T0 + 1), T0 + 1);
        store.archive(direct("a1", alice, "bob", T0 + 2), T0 + 2);
        store.archive(direct("b2", "bob", alice, T0 + 3), T0 + 3);
        store.archive(direct("b3", "bob", alice, T0 + 4), T0 + 4);
        store.archive(direct("b4", "bob", alice, T0 + 5), T0 + 5);

        assertEquals(2, store.unreadThrough(alice, conversation, new Cursor(T0 + 3, "bob", "b2"), T0 + 10),
                "b1 and b2 (once, though stored): not her own a1, nor b3 after it");
        assertEquals(5, store.unreadThrough(alice, conversation, new Cursor(T0 + 9, "bob", "b5"), T0 + 10),
                "b1 to b4 and b5, not stored yet");
        store.markRead(conversation, alice, "b2", T0 + 6, T0 + 6);
        assertEquals(2, store.unreadThrough(alice, conversation, new Cursor(T0 + 5, "bob", "b4"), T0 + 10), "b3, b4");
        assertEquals(0, store.unreadThrough(alice, conversation, new Cursor(T0 + 3, "bob", "b2"), T0 + 10), "read");
        assertEquals(0, store.unreadThrough(alice, ConversationKey.group("g-" + UUID.randomUUID()),
                new Cursor(T0 + 5, "bob", "b4"), T0 + 10), "not a member");
    }

    @Test
    void theUnreadTotalSumsTheListsCountsLeavingOneConversationOutWhenAsked() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        String group = "g-" + UUID.randomUUID();
        store.archive(direct("b1", "bob", alice, T0 + 1), T0);
        store.archive(direct("c1", "carol", alice, T0 + 2), T0);
        store.archive(direct("c2", "carol", alice, T0 + 3), T0);
        store.applyGroupEvent(event(group, GroupEvent.CREATED, T0, "dave", alice), T0);
        store.archive(inGroup("g1", "dave", group, T0 + 4), T0);

        List<ConversationSummary> list = store.conversations(alice, null, T0 + 10);
        assertEquals(list.stream().mapToInt(ConversationSummary::unread).sum(), store.unreadTotal(alice, null, T0 + 10));
        assertEquals(4, store.unreadTotal(alice, null, T0 + 10));
        assertEquals(2, store.unreadTotal(alice, ConversationKey.direct(alice, "carol"), T0 + 10));
        assertEquals(0, store.unreadTotal("nobody-" + UUID.randomUUID(), null, T0 + 10));
    }

    @Test
    void readMarksAndTimersOnlyMoveForwardWhateverTheArrivalOrder() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        ConversationKey conversation = ConversationKey.direct(alice, "bob");
        store.archive(direct("b1", "bob", alice, T0 + 1), T0);
        store.archive(direct("b2", "bob", alice, T0 + 2), T0);
        store.archive(ChatMessage.timerChange("t2", 0).stamped("t2", "bob", alice, T0 + 20), T0);
        store.archive(ChatMessage.timerChange("t1", 3600).stamped("t1", alice, "bob", T0 + 10), T0);
        store.markRead(conversation, alice, "b2", T0 + 30, T0 + 30);
        store.markRead(conversation, alice, "b1", T0 + 31, T0 + 31);

        ConversationSummary summary = summaryOf(store.conversations(alice, null, T0 + 40), "bob");
        assertEquals(0, summary.timer(), "the newest timer message turned it off");
        assertEquals(new Cursor(T0 + 2, "bob", "b2").toString(), summary.read());
        assertEquals(1, summary.unread(), "only the newer timer change");
    }

    @Test
    void aReadMarkForAMessageNotInTheArchiveStandsAtTheMarkersTime() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        store.archive(direct("b1", "bob", alice, T0 + 1), T0);
        store.markRead(ConversationKey.direct(alice, "bob"), alice, "unknown", T0 + 5, T0 + 5);
        store.archive(direct("b2", "bob", alice, T0 + 9), T0 + 9);

        ConversationSummary summary = summaryOf(store.conversations(alice, null, T0 + 10), "bob");
        assertEquals(new Cursor(T0 + 5, alice, "unknown").toString(), summary.read());
        assertEquals(1, summary.unread());
    }

    @Test
    void groupsAreListedOnlyWhileAMemberWithUnreadCountedFromTheMembershipOn() {
        ArchiveStore store = openStore();
        String group = "g-" + UUID.randomUUID();
        String carol = "carol-" + UUID.randomUUID();
        store.applyGroupEvent(event(group, GroupEvent.CREATED, T0, "alice", "bob"), T0);
        store.archive(inGroup("g1", "alice", group, T0 + 1), T0 + 1);
        store.applyGroupEvent(event(group, GroupEvent.ADDED, T0 + 2, carol), T0 + 2);
        store.archive(inGroup("g2", "bob", group, T0 + 3), T0 + 3);
        store.archive(inGroup("g3", carol, group, T0 + 4), T0 + 4);

        ConversationSummary summary = summaryOf(store.conversations(carol, null, T0 + 10), group);
        assertEquals(1, summary.unread(), "g2: g1 is from before carol joined, g3 is her own");
        assertEquals("g3", summary.last().id());
        assertNull(summary.with());
        assertNull(summary.peerRead());
        store.markRead(ConversationKey.group(group), carol, "g2", T0 + 5, T0 + 5);
        assertEquals(0, summaryOf(store.conversations(carol, null, T0 + 10), group).unread());

        store.applyGroupEvent(event(group, GroupEvent.REMOVED, T0 + 6, carol), T0 + 6);
        assertTrue(store.conversations(carol, null, T0 + 10).isEmpty());
    }

    @Test
    void theConversationListSinceATimeHoldsOnlyWhatChangedThenOldestChangeFirst() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        store.archive(direct("1", alice, "bob", T0), T0);
        store.archive(direct("2", alice, "carol", T0 + 1), T0 + 100);
        store.archive(direct("3", "dave", alice, T0 + 2), T0 + 50);
        store.markRead(ConversationKey.direct(alice, "bob"), "bob", "1", T0 + 3, T0 + 200);

        assertEquals(List.of("dave", "carol", "bob"),
                store.conversations(alice, null, T0 + 300).stream().map(ConversationSummary::with).toList());
        assertEquals(List.of("carol", "bob"),
                store.conversations(alice, T0 + 100, T0 + 300).stream().map(ConversationSummary::with).toList());
        assertTrue(store.conversations(alice, T0 + 201, T0 + 300).isEmpty());
    }

    @Test
    void unreadCountsAreBounded() {
        ArchiveStore store = openStore();
        String alice = "alice-" + UUID.randomUUID();
        for (int i = 0; i <= ConversationReads.UNREAD_LIMIT; i++) {
            store.archive(direct("m" + i, "bob", alice, T0 + i), T0);
        }
        assertEquals(ConversationReads.UNREAD_LIMIT, summaryOf(store.conversations(alice, null, T0), "bob").unread());
    }

    @Test
    void storesArchivingTheSameFeedAtOnceKeepEachMessageOnce() throws Exception {
        List<ArchiveStore> stores = List.of(openStore(), openStore());
        List<ChatMessage> feed = IntStream.range(0, 100).mapToObj(i -> direct("c" + i, "alice", "bob", T0 + i)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            stores.forEach(s -> runs.add(pool.submit(() -> feed.forEach(m -> s.archive(m, T0)))));
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Page page = stores.get(0).page(newest(ConversationKey.direct("alice", "bob"), 200), T0);
        assertEquals(feed, page.messages());
    }
}
