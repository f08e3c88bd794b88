package io.mqchat.groups.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link GroupStore} must do; each implementation's test extends this with its own store. */
public abstract class GroupStoreContract {

    private static final long NOW = 1_795_000_000_000L;

    /** A new store over a fresh, empty collection shared by all stores this test opens (each its own client). */
    protected abstract GroupStore openStore(int maxMembers);

    private static String rid() {
        return UUID.randomUUID().toString();
    }

    private static String gid() {
        return "g-" + UUID.randomUUID();
    }

    private static ChangeResult.Changed changed(ChangeResult result) {
        return assertInstanceOf(ChangeResult.Changed.class, result, () -> "refused: " + result);
    }

    private static void assertRefused(Refusal reason, ChangeResult result) {
        ChangeResult.Refused refused = assertInstanceOf(ChangeResult.Refused.class, result);
        assertEquals(reason, refused.reason(), refused.detail());
    }

    private static Group create(GroupStore store, String id, String creator, String... members) {
        return changed(store.create(id, "name of " + id, creator, List.of(members), NOW, rid())).group();
    }

    @Test
    void createMakesTheCreatorAdminAndListsTheGroupForEveryMember() {
        GroupStore store = openStore(256);
        String id = gid();
        ChangeResult.Changed created = changed(store.create(id, "Friends", "alice", List.of("bob", "carol", "bob",
                "alice"), NOW, rid()));

        assertEquals(List.of("alice"), created.group().admins());
        assertEquals(List.of("alice", "bob", "carol"), created.group().members());
        assertEquals(created.group(), store.find(id).orElseThrow());
        assertEquals("Friends", store.find(id).orElseThrow().name());
        assertEquals(NOW, store.find(id).orElseThrow().created());
        for (String member : List.of("alice", "bob", "carol")) {
            assertTrue(store.groupsOf(member).stream().anyMatch(g -> g.id().equals(id)), member);
        }
        assertTrue(store.groupsOf("dave").stream().noneMatch(g -> g.id().equals(id)));
        assertTrue(store.find(gid()).isEmpty());
    }

    @Test
    void groupsOfListsOnlyTheUsersGroupsOldestFirst() {
        GroupStore store = openStore(256);
        String user = "u-" + UUID.randomUUID();
        String first = gid();
        String second = gid();
        changed(store.create(second, "later", user, List.of(), NOW + 5, rid()));
        changed(store.create(first, "earlier", "someone", List.of(user), NOW, rid()));
        create(store, gid(), "someone-else", "another");

        assertEquals(List.of(first, second), store.groupsOf(user).stream().map(Group::id).toList());
    }

    @Test
    void createOverTheLimitIsRefused() {
        GroupStore store = openStore(3);
        assertRefused(Refusal.LIMIT_REACHED, store.create(gid(), "big", "a", List.of("b", "c", "d"), NOW, rid()));
        changed(store.create(gid(), "just fits", "a", List.of("b", "c"), NOW, rid()));
    }

    @Test
    void createDeliveredTwiceCreatesOneGroup() {
        GroupStore store = openStore(256);
        String id = gid();
        String request = rid();
        changed(store.create(id, "once", "alice", List.of("bob"), NOW, request));
        ChangeResult.Changed again = changed(store.create(id, "once", "alice", List.of("bob"), NOW, request));

        assertTrue(again.replayed());
        assertEquals(List.of("alice", "bob"), again.group().members());
    }

    @Test
    void adminAddsOnlyNewcomers() {
        GroupStore store = openStore(256);
        Group group = create(store, gid(), "alice", "bob");
        ChangeResult.Changed added = changed(store.add(group.id(), "alice", List.of("bob", "carol", "dave"), NOW,
                rid()));

        assertEquals(List.of("carol", "dave"), added.affected());
        assertFalse(added.replayed());
        assertEquals(List.of("alice", "bob", "carol", "dave"), added.group().members());
        assertTrue(added.group().version() > group.version());
        assertEquals(added.group(), store.find(group.id()).orElseThrow());
    }

    @Test
    void onlyAnAdminMayAddRemoveOrRename() {
        GroupStore store = openStore(256);
        Group group = create(store, gid(), "alice", "bob");

        assertRefused(Refusal.NOT_ADMIN, store.add(group.id(), "bob", List.of("carol"), NOW, rid()));
        assertRefused(Refusal.NOT_ADMIN, store.remove(group.id(), "bob", List.of("alice"), NOW, rid()));
        assertRefused(Refusal.NOT_ADMIN, store.rename(group.id(), "bob", "mine now", NOW, rid()));
        assertRefused(Refusal.NOT_MEMBER, store.add(group.id(), "mallory", List.of("mallory"), NOW, rid()));
        assertRefused(Refusal.NOT_MEMBER, store.leave(group.id(), "mallory", NOW, rid()));
        assertRefused(Refusal.UNKNOWN_GROUP, store.add(gid(), "alice", List.of("carol"), NOW, rid()));
        assertRefused(Refusal.UNKNOWN_GROUP, store.leave(gid(), "alice", NOW, rid()));
        assertEquals(group, store.find(group.id()).orElseThrow());
    }

    @Test
    void addingBeyondTheLimitIsRefusedAndWritesNothing() {
        GroupStore store = openStore(4);
        Group group = create(store, gid(), "alice", "bob");

        assertRefused(Refusal.LIMIT_REACHED, store.add(group.id(), "alice", List.of("carol", "dave", "erin"), NOW,
                rid()));
        assertEquals(group, store.find(group.id()).orElseThrow());
        // Members already in the group do not count against the room left.
        assertEquals(List.of("carol", "dave"),
                changed(store.add(group.id(), "alice", List.of("bob", "carol", "dave"), NOW, rid())).affected());
        assertRefused(Refusal.LIMIT_REACHED, store.add(group.id(), "alice", List.of("erin"), NOW, rid()));
    }

    @Test
    void removeTakesOutMembersAndTheirListing() {
        GroupStore store = openStore(256);
        Group group = create(store, gid(), "alice", "bob", "carol");
        ChangeResult.Changed removed = changed(store.remove(group.id(), "alice", List.of("bob", "zed"), NOW, rid()));

        assertEquals(List.of("bob"), removed.affected());
        assertEquals(List.of("alice", "carol"), removed.group().members());
        assertTrue(store.groupsOf("bob").stream().noneMatch(g -> g.id().equals(group.id())));
    }

    @Test
    void whenTheLastAdminLeavesTheLongestStandingMemberBecomesAdmin() {
        GroupStore store = openStore(256);
        Group group = create(store, gid(), "alice", "bob", "carol");
        ChangeResult.Changed left = changed(store.leave(group.id(), "alice", NOW, rid()));

        assertEquals(List.of("alice"), left.affected());
        assertEquals(List.of("bob", "carol"), left.group().members());
        assertEquals(List.of("bob"), left.group().admins());
    }

    @Test
    void renameChangesTheName() {
        GroupStore store = openStore(256);
        Group group = create(store, gid(), "alice", "bob");
        assertEquals("New name", changed(store.rename(group.id(), "alice", "New name", NOW, rid())).group().name());
        assertEquals("New name", store.find(group.id()).orElseThrow().name());
    }

    @Test
    void aRequestDeliveredAgainIsNotAppliedTwice() {
        GroupStore store = openStore(256);
        Group group = create(store, gid(), "alice", "bob");
        String addCarol = rid();
        long addedAt = changed(store.add(group.id(), "alice", List.of("carol"), NOW + 10, addCarol)).at();
        changed(store.remove(group.id(), "alice", List.of("carol"), NOW + 20, rid()));

        ChangeResult.Changed again = changed(store.add(group.id(), "alice", List.of("carol"), NOW + 30, addCarol));
        assertTrue(again.replayed());
        assertEquals(List.of("carol"), again.affected());
        assertEquals(NOW + 10, addedAt);
        assertEquals(addedAt, again.at(), "a replay is announced as the first run was");
        assertFalse(store.find(group.id()).orElseThrow().isMember("carol"));
    }

    @Test
    void aGroupsChangesAreTimedInTheirOrderEvenWhenAWorkersClockIsBehind() {
        GroupStore ahead = openStore(256);
        GroupStore behind = openStore(256);
        Group group = create(ahead, gid(), "alice", "bob");
        long added = changed(ahead.add(group.id(), "alice", List.of("carol"), NOW + 1_000, rid())).at();
        long removed = changed(behind.remove(group.id(), "alice", List.of("carol"), NOW + 10, rid())).at();
        long renamed = changed(behind.rename(group.id(), "alice", "Later", NOW + 2_000, rid())).at();

        assertEquals(NOW + 1_000, added);
        assertTrue(removed > added, "the removal undoes the addition, so it must not look older: " + removed);
        assertEquals(NOW + 2_000, renamed, "a clock that is not behind is taken as it is");
    }

    @Test
    void concurrentChangesFromTwoStoresAreAllKept() throws Exception {
        GroupStore one = openStore(1000);
        GroupStore two = openStore(1000);
        List<String> leaving = IntStream.range(0, 40).mapToObj(i -> "old" + i).toList();
        Group group = create(one, gid(), "admin", leaving.toArray(String[]::new));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> work = List.of(
                    () -> each(IntStream.range(0, 40).mapToObj(i -> "a" + i).toList(),
                            u -> one.add(group.id(), "admin", List.of(u), NOW, rid())),
                    () -> each(IntStream.range(0, 40).mapToObj(i -> "b" + i).toList(),
                            u -> two.add(group.id(), "admin", List.of(u), NOW, rid())),
                    () -> each(leaving.subList(0, 20), u -> one.remove(group.id(), "admin", List.of(u), NOW, rid())),
                    () -> each(leaving.subList(20, 40), u -> two.leave(group.id(), u, NOW, rid())));
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> expected = new HashSet<>();
        expected.add("admin");
        IntStream.range(0, 40).forEach(i -> {
            expected.add("a" + i);
            expected.add("b" + i);
        });
        Group after = one.find(group.id()).orElseThrow();
        assertEquals(expected, new HashSet<>(after.members()));
        assertEquals(after.members().size(), new HashSet<>(after.members()).size(), "no duplicates");
        assertEquals(group.version() + 120, after.version());
    }

    @Test
    void concurrentAddsNeverOvershootTheLimit() throws Exception {
        GroupStore one = openStore(10);
        GroupStore two = openStore(10);
        Group group = create(one, gid(), "admin");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ChangeResult> results = new ArrayList<>();
        try {
            List<Callable<List<ChangeResult>>> work = List.of(
                    () -> addEach(one, group.id(), "x"), () -> addEach(two, group.id(), "y"));
            for (Future<List<ChangeResult>> done : pool.invokeAll(work)) {
                results.addAll(done.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, one.find(group.id()).orElseThrow().members().size());
        assertEquals(9, results.stream().filter(r -> r instanceof ChangeResult.Changed).count());
        assertTrue(results.stream().filter(r -> r instanceof ChangeResult.Refused)
                .allMatch(r -> ((ChangeResult.Refused) r).reason() == Refusal.LIMIT_REACHED));
    }

    private static List<ChangeResult> addEach(GroupStore store, String groupId, String prefix) {
        List<ChangeResult> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(store.add(groupId, "admin", List.of(prefix + i), NOW, rid()));
        }
        return results;
    }

    private static Void each(List<String> users, java.util.function.Function<String, ChangeResult> change) {
        for (String user : users) {
            changed(change.apply(user));
        }
        return null;
    }
}
