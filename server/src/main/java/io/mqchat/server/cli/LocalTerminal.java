package io.mqchat.server.cli;

import java.io.InputStream;
import java.time.ZoneId;

/**
 * The terminal a person runs {@code mqchat chat} in, passed in like {@link ProcessContext} so that tests type into it.
 *
 * @param in   what they type
 * @param zone the time zone they read times in (last seen)
 */
public record LocalTerminal(InputStream in, ZoneId zone) {
}
