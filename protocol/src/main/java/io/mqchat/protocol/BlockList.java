package io.mqchat.protocol;

import java.util.List;

/**
 * Whom a user blocked, as the archive publishes it (retained) on {@link ServiceTopics#blocksOf(String)} for the
 * broker, which drops what those users send the blocker before it reaches any of the blocker's devices. Internal:
 * only services publish or read it.
 *
 * @param user    the blocker
 * @param blocked the users it blocked
 */
public record BlockList(String user, List<String> blocked) implements Envelope {

    public static final String TYPE = "blocks";

    public BlockList {
        blocked = blocked == null ? List.of() : List.copyOf(blocked);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
