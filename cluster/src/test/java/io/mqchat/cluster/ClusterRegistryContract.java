package io.mqchat.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link ClusterRegistry} does; each implementation's test extends this with a fresh, empty store. */
abstract class ClusterRegistryContract {

    static final NodeInfo ONE = new NodeInfo("node-1", "10.0.0.1:1883", "10.0.0.1:8080");
    static final NodeInfo TWO = new NodeInfo("node-2", "10.0.0.2:1883", "");
    static final NodeInfo THREE = new NodeInfo("node-3", "10.0.0.3:1883", "10.0.0.3:8080");
    static final Duration ALIVE = Duration.ofMinutes(1);

    /** A registry on an empty store. */
    abstract ClusterRegistry registry();

    @Test
    void theFirstNodeToClaimAUserBecomesItsHomeAtEpochOne() {
        ClusterRegistry registry = registry();
        registry.announce(ONE, ALIVE);
        Claim claim = registry.claim("alice", "node-1", false);
        assertEquals(new Claim.Granted(new Home("node-1", 1), Optional.empty()), claim);
        assertEquals(Optional.of(new Home("node-1", 1)), registry.home("alice"));
        assertEquals(Optional.empty(), registry.home("bob"));
    }

    @Test
    void theHomeClaimingAgainKeepsItsEpochAndMovesNothing() {
        ClusterRegistry registry = registry();
        registry.announce(ONE, ALIVE);
        registry.claim("alice", "node-1", false);
        Claim again = registry.claim("alice", "node-1", true);
        assertEquals(new Claim.Granted(new Home("node-1", 1), Optional.empty()), again);
    }

    @Test
    void aLiveHomeIsNotTakenWithoutTakeOverAndTheAnswerSaysWhereTheUserLives() {
        ClusterRegistry registry = registry();
        registry.announce(ONE, ALIVE);
        registry.announce(TWO, ALIVE);
        registry.claim("alice", "node-1", false);
        Claim claim = registry.claim("alice", "node-2", false);
        assertEquals(new Claim.HomedElsewhere(new Home("node-1", 1), ONE), claim);
        assertEquals(Optional.of(new Home("node-1", 1)), registry.home("alice"));
    }

    @Test
    void takingOverMovesTheUserRaisesTheEpochAndNamesThePreviousHome() {
        ClusterRegistry registry = registry();
        registry.announce(ONE, ALIVE);
        registry.announce(TWO, ALIVE);
        registry.claim("alice", "node-1", false);
        Claim claim = registry.claim("alice", "node-2", true);
        assertEquals(new Claim.Granted(new Home("node-2", 2), Optional.of("node-1")), claim);
        assertTrue(((Claim.Granted) claim).moved());
        Claim back = registry.claim("alice", "node-1", true);
        assertEquals(new Claim.Granted(new Home("node-1", 3), Optional.of("node-2")), back);
    }

    @Test
    void aUserWhoseHomeDiedIsClaimedByTheNextNodeWithoutTakeOver() throws Exception {
        ClusterRegistry registry = registry();
        registry.announce(ONE, Duration.ofMillis(300));
        registry.announce(TWO, ALIVE);
        registry.claim("alice", "node-1", false);
        registry.claim("bob", "node-1", false);
        awaitDeath(registry, "node-1");
        assertEquals(new Claim.Granted(new Home("node-2", 2), Optional.of("node-1")),
                registry.claim("alice", "node-2", false));

        registry.announce(THREE, ALIVE);
        registry.withdraw("node-2");
        assertEquals(new Claim.Granted(new Home("node-3", 3), Optional.of("node-2")),
                registry.claim("alice", "node-3", false), "a withdrawn node's users are free at once");
    }

    @Test
    void ofNodesClaimingOneUserAtOnceExactlyOneWinsAndTheOthersAreToldWhere() throws Exception {
        ClusterRegistry registry = registry();
        List<NodeInfo> nodes = List.of(ONE, TWO, THREE);
        nodes.forEach(node -> registry.announce(node, ALIVE));
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            for (int round = 0; round < 20; round++) {
                String user = "user" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Claim>> claims = new ArrayList<>();
                for (NodeInfo node : nodes) {
                    claims.add(pool.submit(() -> {
                        start.await();
                        return registry.claim(user, node.id(), false);
                    }));
                }
                start.countDown();
                List<Claim> results = new ArrayList<>();
                for (Future<Claim> claim : claims) {
                    results.add(claim.get());
                }
                List<Claim> granted = results.stream().filter(Claim.Granted.class::isInstance).toList();
                assertEquals(1, granted.size(), "one winner for " + user + ": " + results);
                Home home = ((Claim.Granted) granted.get(0)).home();
                assertEquals(1, home.epoch());
                for (Claim claim : results) {
                    if (claim instanceof Claim.HomedElsewhere elsewhere) {
                        assertEquals(home, elsewhere.home());
                        assertEquals(home.node(), elsewhere.owner().id());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyMoveIsReportedToTheNodesWatching() throws Exception {
        ClusterRegistry registry = registry();
        registry.announce(ONE, ALIVE);
        registry.announce(TWO, ALIVE);
        registry.claim("alice", "node-1", false);
        BlockingQueue<ClusterRegistry.Move> moves = new LinkedBlockingQueue<>();
        try (AutoCloseable watching = registry.watchMoves(moves::add)) {
            // The subscription starts in the background: move alice back and forth until a move is seen.
            ClusterRegistry.Move seen = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (int i = 0; seen == null && System.nanoTime() < deadline; i++) {
                registry.claim("alice", i % 2 == 0 ? "node-2" : "node-1", true);
                seen = moves.poll(100, TimeUnit.MILLISECONDS);
            }
            assertTrue(seen != null, "a move was reported");
            assertEquals("alice", seen.user());
            assertTrue(seen.home().epoch() >= 2, "a move raised the epoch: " + seen);
            Thread.sleep(1000); // moves of the loop still on their way
            moves.clear();
            Home now = registry.home("alice").orElseThrow();
            registry.claim("alice", now.node(), false);
            registry.claim("bob", "node-1", false);
            assertEquals(null, moves.poll(300, TimeUnit.MILLISECONDS), "claims that move nobody are no moves");
        }
    }

    @Test
    void liveNodesAreThoseWhoseHeartbeatHasNotExpired() throws Exception {
        ClusterRegistry registry = registry();
        registry.announce(ONE, ALIVE);
        registry.announce(TWO, Duration.ofSeconds(2));
        registry.announce(THREE, ALIVE);
        assertEquals(Set.of("node-1", "node-2", "node-3"), registry.liveNodes().keySet());
        assertEquals(Optional.of(TWO), registry.liveNode("node-2"), "a node's addresses come back as announced");
        awaitDeath(registry, "node-2");
        registry.withdraw("node-3");
        assertEquals(Map.of("node-1", ONE), registry.liveNodes());
        registry.announce(TWO, ALIVE);
        assertEquals(Set.of("node-1", "node-2"), registry.liveNodes().keySet(), "a node comes back by announcing");
    }

    @Test
    void theHomesOfManyUsersAreReadAtOnce() {
        ClusterRegistry registry = registry();
        registry.announce(ONE, ALIVE);
        registry.announce(TWO, ALIVE);
        registry.claim("alice", "node-1", false);
        registry.claim("bob", "node-2", false);
        registry.claim("bob", "node-1", true);
        assertEquals(Map.of("alice", new Home("node-1", 1), "bob", new Home("node-1", 2)),
                registry.homes(List.of("alice", "bob", "carol")));
        assertEquals(Map.of(), registry.homes(List.of()));
    }

    @Test
    void userIdsThatLookLikeKeysOrHashTagsStayApart() {
        ClusterRegistry registry = registry();
        registry.announce(ONE, ALIVE);
        registry.announce(TWO, ALIVE);
        registry.claim("a}b", "node-1", false);
        registry.claim("a", "node-2", false);
        assertEquals(Optional.of(new Home("node-1", 1)), registry.home("a}b"));
        assertEquals(Optional.of(new Home("node-2", 1)), registry.home("a"));
        assertFalse(registry.liveNodes().containsKey("a"));
    }

    private static void awaitDeath(ClusterRegistry registry, String node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (registry.liveNode(node).isPresent()) {
            assertTrue(System.nanoTime() < deadline, node + " never expired");
            Thread.sleep(50);
        }
    }
}
