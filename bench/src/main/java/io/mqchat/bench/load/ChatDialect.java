package io.mqchat.bench.load;

import io.mqchat.extension.auth.TokenMinter;
import io.mqchat.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** mqchat's protocol: a JWT per user, requests to {@code send/u/{peer}}, DELIVERED receipts back. */
public final class ChatDialect implements Dialect {

    private static final Duration TOKEN_TTL = Duration.ofHours(12);

    private final TokenMinter minter;

    public ChatDialect(TokenMinter minter) {
        this.minter = minter;
    }

    @Override
    public String subscription(String user) {
        return Topics.userTree(user);
    }

    @Override
    public String sendTopic(String peer) {
        return Topics.send(peer);
    }

    @Override
    public byte[] password(String user) {
        return minter.mint(user, TOKEN_TTL).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean receipts() {
        return true;
    }
}
