package io.mqchat.server.cli;

import io.mqchat.server.shutdown.StopSignal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the commands take from the process they run in, passed in so that tests run them in-process: the
 * environment, the working directory, time, randomness, the output streams and how the process is told to stop.
 *
 * @param env        environment variables ({@code MQCHAT_*} overrides, {@code MQCHAT_CONFIG})
 * @param workingDir relative paths and the default config file resolve against it
 * @param clock      time for the broker and token expiry
 * @param random     for keys made at run time (the internal service key)
 * @param out        normal output (the ready line, a minted token)
 * @param err        problems and notes
 * @param stopSignal installed by {@code run} once it is about to start a broker
 * @param tempFolder points the process's temporary folder at the given one before the broker starts
 */
public record ProcessContext(Map<String, String> env, Path workingDir, Clock clock, SecureRandom random,
                             PrintStream out,
                             PrintStream err, Supplier<StopSignal> stopSignal, Consumer<Path> tempFolder) {
}
